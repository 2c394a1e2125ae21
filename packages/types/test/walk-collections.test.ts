import { describe, expect, test } from 'vitest';
import { collectionOfSchema, walkCollections } from '../src/walker/index.js';
import { walkInline } from './helpers/walk-inline.js';

const ok = (schema: object) => ({ '200': { content: { 'application/json': { schema } } } });
const page = (item: object) => ({
  type: 'object',
  properties: { items: { type: 'array', items: item }, meta: { type: 'object', properties: { next_page_url: {}, key: {} } } },
});
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const box = { type: 'object', properties: { sid: { type: 'string' } } };
// The thing names its box (box_sid) and holds its own SID as thing_sid; it does not name its store.
const thing = { type: 'object', properties: { thing_sid: { type: 'string' }, box_sid: { type: 'string' } } };
const doc = {
  paths: {
    '/v1/Boxes': { get: { operationId: 'ListBox', responses: ok(page(box)) } },
    '/v1/Boxes/{Sid}': { get: { operationId: 'FetchBox', parameters: [path('Sid')], responses: ok(box) } },
    '/v1/Stores/{StoreSid}/Boxes/{BoxSid}/Things': {
      get: { operationId: 'ListThing', parameters: [path('StoreSid'), path('BoxSid')], responses: ok(page(thing)) },
    },
    '/v1/Stores/{StoreSid}/Boxes/{BoxSid}/Things/{ThingSid}': {
      get: { operationId: 'FetchThing', parameters: [path('StoreSid'), path('BoxSid'), path('ThingSid')], responses: ok(thing) },
    },
  },
};

describe('walkCollections: idProperty and parent properties', () => {
  const collections = walkCollections(walkInline(doc).operations);
  test.each([
    // `Sid` → `sid`; `ThingSid` → `thing_sid`, which the item has.
    ['/v1/Boxes', 'sid', []],
    [
      '/v1/Stores/{StoreSid}/Boxes/{BoxSid}/Things',
      'thing_sid',
      [
        { param: 'StoreSid', owner: null, property: null },
        { param: 'BoxSid', owner: null, property: 'box_sid' },
      ],
    ],
  ])('%s', (p, idProperty, parents) => {
    const c = collections.find((x) => x.path === p)!;
    expect([c.idProperty, c.parents]).toEqual([idProperty, parents]);
  });
  test('an item without the snake_case of its item parameter holds its SID as sid', () => {
    const other = {
      paths: {
        '/v1/Xs/{XSid}': { get: { operationId: 'FetchX', responses: ok(box) } },
        '/v1/Xs': { get: { operationId: 'ListX', responses: ok(page(box)) } },
      },
    };
    expect(walkCollections(walkInline(other).operations).map((c) => c.idProperty)).toEqual(['sid']);
  });
});

describe('collectionOfSchema: the deepest collection holding a schema, so a shallower one added later never takes over', () => {
  // Only the path (its parameters are the parents) and the schema matter.
  const at = (path: string, _parents: string[], schema = 'Interaction') => ({ path, schema });
  const nested = at('/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions', ['ServiceSid', 'SessionSid']);
  const shallow = at('/v1/Services/{ServiceSid}/Interactions', ['ServiceSid']);
  const twin = at('/v1/Services/{ServiceSid}/Calls/{CallSid}/Interactions', ['ServiceSid', 'CallSid']);
  test.each([
    ['one collection', [nested], nested],
    ['a shallower one added before it in walk order', [shallow, nested], nested],
    ['a tie: the first in walk order', [nested, twin], nested],
    ['no collection of the schema', [at('/v1/Xs', [], 'X')], undefined],
  ])('%s', (_, collections, want) => {
    expect(collectionOfSchema(collections, 'Interaction')).toBe(want);
  });
});
