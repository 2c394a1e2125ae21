import { describe, expect, test } from 'vitest';
import { actionOf, camelCase, fillPath, kebabCase, walkOperations } from '../src/walker/index.js';

const page = (itemsKey: string, item: object) => ({
  type: 'object',
  properties: { [itemsKey]: { type: 'array', items: item }, meta: { type: 'object', properties: { next_page_url: {}, key: {} } } },
});
const ok = (schema: object) => ({ '200': { content: { 'application/json': { schema } } } });
const thing = { type: 'object', properties: { sid: { type: 'string' } } };

// A small spec of its own: a name clash settled by x-twilio-proxy, a nested list, a fetch, an overridden parameter.
const doc = {
  components: { schemas: { Thing: thing } },
  paths: {
    '/v1/Things': { get: { operationId: 'ListThing', responses: ok(page('things', { $ref: '#/components/schemas/Thing' })) } },
    '/v1/Things/{Sid}': {
      parameters: [{ name: 'Sid', in: 'path', required: true, description: 'path level', schema: { type: 'string' } }],
      get: {
        operationId: 'FetchThing',
        parameters: [
          { name: 'Sid', in: 'path', required: true, description: 'operation level', schema: { type: 'string', pattern: '^TH' } },
        ],
        responses: ok({ $ref: '#/components/schemas/Thing' }),
      },
      delete: { operationId: 'DeleteThing', responses: {} },
    },
    // Would clash with /v1/Things: the spec settles it by naming this collection (names only grow).
    '/v1/Boxes/{BoxSid}/Things': {
      'x-twilio-proxy': { resource: 'boxThings' },
      get: { operationId: 'ListBoxThing', responses: ok(page('things', thing)) },
    },
  },
};

describe('walkOperations', () => {
  const ops = walkOperations(doc);
  const by = (id: string) => ops.find((o) => o.operationId === id)!;

  test.each([
    ['ListThing', 'things', 'list', 'Thing'],
    ['FetchThing', 'things', 'fetch', 'Thing'],
    ['DeleteThing', 'things', 'remove', null],
    // An inline item equal to the Thing component is not named Thing: names come from $refs only.
    ['ListBoxThing', 'boxThings', 'list', null],
  ])('%s → resource %s, action %s, schema %s', (id, resource, action, schema) => {
    expect([by(id).resource, by(id).action, by(id).schema]).toEqual([resource, action, schema]);
  });

  test('an operation-level parameter overrides the path-level one of the same name', () => {
    expect(by('FetchThing').parameters).toEqual([
      {
        name: 'Sid',
        in: 'path',
        required: true,
        description: 'operation level',
        schema: { type: 'string', pattern: '^TH' },
        sidPrefix: null,
        role: 'path',
        option: 'sid',
        flag: 'sid',
      },
    ]);
  });

  test('is deterministic: path order, then method order', () => {
    expect(ops.map((o) => o.operationId)).toEqual(['ListBoxThing', 'ListThing', 'FetchThing', 'DeleteThing']);
  });

  test('two operations that would share resource and action are an error naming both', () => {
    const clash = { paths: { '/a/Things': { get: { operationId: 'ListThing' }, post: { operationId: 'ListThingAgain' } } } };
    expect(() => walkOperations(clash)).toThrow(/ListThing.*ListThingAgain|ListThingAgain.*ListThing/);
  });

  test('two collections that would share a name, and no x-twilio-proxy hint, are an error naming both paths', () => {
    const { 'x-twilio-proxy': _, ...unnamed } = doc.paths['/v1/Boxes/{BoxSid}/Things'];
    const clash = { ...doc, paths: { ...doc.paths, '/v1/Boxes/{BoxSid}/Things': unnamed } };
    expect(() => walkOperations(clash)).toThrow(/resource name clash: \/v1\/Boxes\/\{BoxSid\}\/Things and \/v1\/Things .*x-twilio-proxy/);
  });
});

describe('naming', () => {
  test.each([
    ['Sessions', 'sessions', 'sessions'],
    ['MessageInteractions', 'messageInteractions', 'message-interactions'],
    ['ServiceSid', 'serviceSid', 'service-sid'],
  ])('%s → %s, %s', (name, camel, kebab) => {
    expect([camelCase(name), kebabCase(name)]).toEqual([camel, kebab]);
  });
  test.each([
    ['ListSession', 'list'],
    ['FetchSession', 'fetch'],
    ['CreateSession', 'create'],
    ['UpdateSession', 'update'],
    ['DeleteSession', 'remove'],
    ['Listen', 'listen'],
  ])('%s → %s', (id, action) => expect(actionOf(id)).toBe(action));
  test('fillPath fills each {Name} in path order', () => {
    expect(fillPath('/v1/A/{ASid}/B/{Sid}', (name, i) => `${name}${i}`)).toBe('/v1/A/ASid0/B/Sid1');
  });
});
