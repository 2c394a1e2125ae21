import { describe, expect, test } from 'vitest';
import { anySidShapeOf, dereferenceDocument, sidOrNameOf, sidShapeOf, walkOperations } from '../src/walker/index.js';

// Small inline specs, one concept each, in the openapi-typescript style: given a spec, want the walker's fields.
const thing = { type: 'object', properties: { sid: { type: 'string' } } };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const spec = (responses: object, extra: object = {}) => ({
  components: { schemas: { Thing: thing, Mode: { type: 'string', enum: ['a', 'b'] } } },
  paths: { '/v1/Things': { post: { operationId: 'CreateThing', responses, ...extra } } },
});
const walk = (doc: object) => walkOperations(doc)[0]!;
const ref = { $ref: '#/components/schemas/Thing' };

describe('success response', () => {
  test.each([
    { name: '200 JSON by $ref', given: { '200': json(ref) }, want: { status: '200', mediaType: 'application/json', schemaName: 'Thing' } },
    {
      name: '201 beside errors',
      given: { '400': json(thing), '201': json(ref) },
      want: { status: '201', mediaType: 'application/json', schemaName: 'Thing' },
    },
    {
      name: '202 inline: no name',
      given: { '202': json(thing) },
      want: { status: '202', mediaType: 'application/json', schemaName: null },
    },
    {
      name: '204 without a body',
      given: { '204': { description: 'gone' } },
      want: { status: '204', mediaType: null, schemaName: null, schema: null },
    },
    { name: 'lowest explicit 2xx wins', given: { '204': {}, '200': json(ref) }, want: { status: '200', schemaName: 'Thing' } },
    { name: '2XX range', given: { '2XX': json(ref) }, want: { status: '2XX', schemaName: 'Thing' } },
    { name: 'default only', given: { default: json(ref) }, want: { status: 'default', schemaName: 'Thing' } },
  ])('$name', ({ given, want }) => {
    expect(walk(spec(given)).success).toMatchObject(want);
  });

  test('headers are dereferenced', () => {
    const doc = {
      ...spec({ '200': { ...json(ref), headers: { 'Twilio-Request-Id': { $ref: '#/components/headers/Rid' } } } }),
    } as Record<string, any>;
    doc.components.headers = { Rid: { schema: { type: 'string' } } };
    expect(walk(doc).success.headers).toEqual({ 'Twilio-Request-Id': { schema: { type: 'string' } } });
  });
});

describe('request body', () => {
  const form = (schema: object, required?: boolean) => ({
    requestBody: { ...(required ? { required } : {}), content: { 'application/x-www-form-urlencoded': { schema } } },
  });
  const body = (schema: object, required?: boolean) => walk(spec({ '201': json(ref) }, form(schema, required))).body;

  test('none: null', () => expect(walk(spec({ '200': json(ref) })).body).toBeNull());

  test('fields in spec order, with option and flag names, types, required, enums by $ref inlined', () => {
    const got = body(
      {
        type: 'object',
        required: ['UniqueName'],
        properties: {
          UniqueName: { type: 'string', description: 'a name' },
          Ttl: { type: 'integer' },
          Mode: { $ref: '#/components/schemas/Mode' },
          IsReserved: { type: 'boolean' },
          MediaUrl: { type: 'array', items: { type: 'string', format: 'uri' } },
        },
      },
      true,
    )!;
    expect(got.mediaType).toBe('application/x-www-form-urlencoded');
    expect(got.required).toBe(true);
    expect(got.fields.map((f) => [f.name, f.option, f.flag, f.type, f.required])).toEqual([
      ['UniqueName', 'uniqueName', 'unique-name', 'string', true],
      ['Ttl', 'ttl', 'ttl', 'integer', false],
      ['Mode', 'mode', 'mode', 'string', false],
      ['IsReserved', 'isReserved', 'is-reserved', 'boolean', false],
      ['MediaUrl', 'mediaUrl', 'media-url', 'array', false],
    ]);
    expect(got.fields[0]!.description).toBe('a name');
    expect(got.fields[2]!.schema.enum).toEqual(['a', 'b']);
    expect(got.fields[4]!.items).toEqual({ type: 'string', format: 'uri' });
  });

  test('named by its $ref; form preferred over JSON', () => {
    const doc = spec(
      { '201': json(ref) },
      { requestBody: { content: { 'application/json': { schema: thing }, 'application/x-www-form-urlencoded': { schema: ref } } } },
    );
    expect(walk(doc).body).toMatchObject({ mediaType: 'application/x-www-form-urlencoded', schemaName: 'Thing' });
  });
});

describe('SID prefixes', () => {
  test.each([
    { given: '^KS[0-9a-fA-F]{32}$', want: { prefix: 'KS', hexDigits: 32 } },
    { given: '^PN[0-9a-fA-F]{32}$', want: { prefix: 'PN', hexDigits: 32 } },
    { given: '^[a-zA-Z]{2}[0-9a-fA-F]{32}$', want: null },
    { given: '^KSX[0-9a-fA-F]{32}$', want: null },
    { given: undefined, want: null },
  ])('$given → $want', ({ given, want }) => expect(sidShapeOf(given ? { pattern: given } : {})).toEqual(want));

  test.each([
    { given: '^[a-zA-Z]{2}[0-9a-fA-F]{32}$', want: { letters: 2, hexDigits: 32 } },
    { given: '^KS[0-9a-fA-F]{32}$', want: null },
  ])('a SID of any kind: $given → $want', ({ given, want }) => expect(anySidShapeOf({ pattern: given })).toEqual(want));

  test('each path parameter carries its prefix', () => {
    const doc = {
      paths: {
        '/v1/Things/{Sid}': {
          parameters: [{ name: 'Sid', in: 'path', required: true, schema: { type: 'string', pattern: '^TH[0-9a-fA-F]{32}$' } }],
          get: { operationId: 'FetchThing', parameters: [{ name: 'X', in: 'query', schema: { type: 'string' } }], responses: {} },
        },
      },
    };
    expect(walk(doc).parameters.map((p) => [p.name, p.sidPrefix])).toEqual([
      ['Sid', 'TH'],
      ['X', null],
    ]);
  });

  const sid = { type: 'string', minLength: 34, maxLength: 34, pattern: '^TH[0-9a-fA-F]{32}$' };
  const name = { type: 'string', maxLength: 191, 'x-item-property': 'unique_name' };
  test.each([
    { given: { anyOf: [sid, name] }, want: { sid, name, property: 'unique_name' } },
    { given: { anyOf: [name, sid] }, want: { sid, name, property: 'unique_name' } },
    // A name branch must say which item property it matches; a lone SID or two SIDs are no such pair.
    { given: { anyOf: [sid, { type: 'string' }] }, want: null },
    { given: { anyOf: [sid] }, want: null },
    { given: { anyOf: [sid, sid] }, want: null },
    { given: sid, want: null },
  ])('a SID or a name in its place: $given → $want', ({ given, want }) => expect(sidOrNameOf(given)).toEqual(want));

  test('a path parameter that takes a name in place of the SID keeps its SID prefix and says which property the name matches', () => {
    const doc = {
      paths: {
        '/v1/Things/{Sid}': {
          parameters: [{ name: 'Sid', in: 'path', required: true, schema: { anyOf: [sid, name] } }],
          get: { operationId: 'FetchThing', responses: {} },
        },
      },
    };
    const [p] = walk(doc).parameters;
    expect(p!.sidPrefix).toBe('TH');
    expect(p!.orName).toEqual({ sid, name, property: 'unique_name' });
  });
});

describe('dereferenceDocument', () => {
  test('inlines $refs and marks each component, so names survive dereferencing', () => {
    const doc = dereferenceDocument(spec({ '200': json(ref) }));
    const op = walk(doc);
    expect(JSON.stringify(doc)).not.toContain('$ref');
    expect(op.success.schemaName).toBe('Thing');
    expect(op.schema).toBe('Thing');
  });

  test('a reference cycle stays a $ref', () => {
    const doc = dereferenceDocument({
      components: { schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } } },
    });
    expect(doc.components.schemas.Node.properties.next.properties.next).toEqual({ $ref: '#/components/schemas/Node' });
  });
});
