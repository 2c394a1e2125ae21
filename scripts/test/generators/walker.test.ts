import { describe, expect, test } from 'vitest';
import { operationOf, walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

// The walker's concerns, row by row: resource and action names, the success status, form body fields, lists.
describe('walker: one row per operation shape', () => {
  test.each([
    {
      row: 'list',
      id: 'ListThing',
      want: {
        resource: 'things',
        action: 'list',
        status: '200',
        list: { itemsKey: 'things', paging: { pageSize: null, page: null, pageToken: null } },
        schema: 'Thing',
      },
    },
    { row: 'fetch', id: 'FetchThing', want: { resource: 'things', action: 'fetch', status: '200', list: null, schema: 'Thing' } },
    { row: 'create', id: 'CreateThing', want: { resource: 'things', action: 'create', status: '201', list: null, schema: 'Thing' } },
    { row: 'remove', id: 'DeleteThing', want: { resource: 'things', action: 'remove', status: '204', list: null, schema: null } },
    { row: 'range', id: 'UpdateThing', want: { resource: 'things', action: 'update', status: '2XX', list: null, schema: 'Thing' } },
  ] as const)('$row: $id', ({ row, id, want }) => {
    const op = operationOf(walkInline(rows[row]), id);
    expect({ resource: op.resource, action: op.action, status: op.success.status, list: op.list, schema: op.schema }).toEqual(want);
  });

  test('a 204 has no body: no media type, no schema', () => {
    const { success } = operationOf(walkInline(rows.remove), 'DeleteThing');
    expect([success.mediaType, success.schema, success.schemaName]).toEqual([null, null, null]);
  });

  test('a list item is the dereferenced component, still marked with its name', () => {
    const op = operationOf(walkInline(rows.list), 'ListThing');
    expect(op.item?.['x-component-name']).toBe('Thing');
    expect(Object.keys(op.item?.properties ?? {})).toEqual(['sid', 'date_created', 'status', 'tags']);
  });

  test('form body fields: wire name, option, flag, type, items, required, in spec order', () => {
    const { body } = operationOf(walkInline(rows.create), 'CreateThing');
    expect(body?.mediaType).toBe('application/x-www-form-urlencoded');
    expect(body?.fields.map((f) => [f.name, f.option, f.flag, f.type, f.required, f.items?.type ?? null])).toEqual([
      ['FriendlyName', 'friendlyName', 'friendly-name', 'string', true, null],
      ['Tags', 'tags', 'tags', 'array', false, 'string'],
      ['DateExpiry', 'dateExpiry', 'date-expiry', 'string', false, null],
      ['Status', 'status', 'status', 'string', false, null],
      ['Ttl', 'ttl', 'ttl', 'integer', false, null],
    ]);
    // An enum component is inlined into its field.
    expect(body?.fields.find((f) => f.name === 'Status')?.schema.enum).toEqual(['open', 'closed']);
  });

  test('path parameters in path order, each with the SID prefix its pattern states', () => {
    const op = operationOf(walkInline(growth.interactions), 'ListInteraction');
    expect(op.pathParams).toEqual(['ServiceSid', 'SessionSid']);
    expect(op.parameters.map((p) => [p.name, p.in, p.sidPrefix])).toEqual([
      ['ServiceSid', 'path', 'KS'],
      ['SessionSid', 'path', 'KC'],
    ]);
  });
});

describe('walker: names only grow', () => {
  const resources = (doc: object) => walkInline(doc as never).operations.map((o) => [o.operationId, o.resource]);

  test('a collection is named by its last literal segment', () => {
    expect(resources(growth.interactions)).toEqual([['ListInteraction', 'interactions']]);
  });

  test('adding a clashing collection without a hint fails, naming both paths and the extension that settles it', () => {
    expect(() => walkInline(growth.clashing)).toThrowErrorMatchingInlineSnapshot(
      `[Error: resource name clash: /v1/Services/{ServiceSid}/Interactions and /v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions would both be 'interactions'. Settle it in the spec: give the new collection its own name with x-twilio-proxy: { resource: '<name>' } on its path item (an existing name never changes)]`,
    );
  });

  test('with x-twilio-proxy.resource, the existing name is unchanged and the new collection gets the declared one', () => {
    expect(resources(growth.settled)).toEqual([
      ['ListServiceInteraction', 'serviceInteractions'],
      ['ListInteraction', 'interactions'],
    ]);
  });

  test('a new root collection above an existing parent renames nothing', () => {
    expect(resources(growth.orders)).toEqual([['ListOrder', 'orders']]);
    expect(resources(growth.shops)).toEqual([
      ['ListShop', 'shops'],
      ['ListOrder', 'orders'],
    ]);
  });

  test.each([
    [{ resource: 'Service Interactions' }, /x-twilio-proxy\.resource must be a camelCase name .*"Service Interactions"/],
    [{ resource: 42 }, /x-twilio-proxy\.resource must be a camelCase name .*42/],
  ])('a malformed hint %j is an error naming the path', (hint, want) => {
    const paths = { ...growth.settled.paths } as Record<string, object>;
    paths['/v1/Services/{ServiceSid}/Interactions'] = { ...paths['/v1/Services/{ServiceSid}/Interactions'], 'x-twilio-proxy': hint };
    expect(() => walkInline({ ...growth.settled, paths })).toThrow(want);
  });

  test('a hint on the item path names the whole collection; two different hints on one collection are an error', () => {
    const fetch = { get: { operationId: 'FetchServiceInteraction', responses: { '200': { description: 'ok' } } } };
    const paths = (hint: string) => ({
      ...growth.settled.paths,
      '/v1/Services/{ServiceSid}/Interactions/{Sid}': { 'x-twilio-proxy': { resource: hint }, ...fetch },
    });
    const walked = walkInline({ ...growth.settled, paths: paths('serviceInteractions') });
    expect(operationOf(walked, 'FetchServiceInteraction').resource).toBe('serviceInteractions');
    expect(() => walkInline({ ...growth.settled, paths: paths('other') })).toThrow(
      /\/v1\/Services\/\{ServiceSid\}\/Interactions and \/v1\/Services\/\{ServiceSid\}\/Interactions\/\{Sid\} declare different/,
    );
  });
});
