import { describe, expect, test } from 'vitest';
import { defaultBaseUrlOf } from '../../../packages/types/src/walker/index.js';
import { renderOperations } from '../../lib/render-operations.js';
import { listPage, spec, walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

const operations = (doc: Parameters<typeof walkInline>[0]) => {
  const { dereferenced, operations } = walkInline(doc);
  return renderOperations(operations, defaultBaseUrlOf(dereferenced));
};

/** The table as data: the JSON between `operationsMeta =` and `as const`. */
const table = (doc: Parameters<typeof walkInline>[0]): Record<string, Record<string, unknown>> => {
  const text = operations(doc);
  return JSON.parse(text.slice(text.indexOf('= {') + 2, text.indexOf(' as const satisfies')));
};

describe('renderOperations: the run-time table, one row per operation shape', () => {
  test('a list: the whole file', () => {
    expect(operations(rows.list)).toMatchInlineSnapshot(`
      "import type { OperationMeta } from '../operation-meta.js';

      /** Every operation of the spec, with what a client needs at run time. */
      export const operationsMeta = {
        "ListThing": {
          "method": "GET",
          "path": "/v1/Things",
          "resource": "things",
          "action": "list",
          "schema": "Thing",
          "pathParams": [],
          "parameters": [],
          "list": {
            "itemsKey": "things",
            "paging": {
              "pageSize": null,
              "page": null,
              "pageToken": null
            }
          },
          "dateFields": [
            "date_created"
          ],
          "success": {
            "status": "200",
            "hasBody": true
          },
          "body": null
        }
      } as const satisfies Record<string, OperationMeta>;

      /** The operationIds of the spec. */
      export type OperationId = keyof typeof operationsMeta;

      /** The spec's first server URL: where a client sends requests unless told otherwise. */
      export const defaultBaseUrl = 'https://api.example.com';
      "
    `);
  });

  test('a fetch: its path parameter with its SID rules', () => {
    expect(table(rows.fetch).FetchThing).toMatchInlineSnapshot(`
      {
        "action": "fetch",
        "body": null,
        "dateFields": [
          "date_created",
        ],
        "list": null,
        "method": "GET",
        "parameters": [
          {
            "in": "path",
            "name": "Sid",
            "option": "sid",
            "required": true,
            "role": "path",
            "schema": {
              "maxLength": 34,
              "minLength": 34,
              "pattern": "^TH[0-9a-fA-F]{32}$",
              "type": "string",
            },
          },
        ],
        "path": "/v1/Things/{Sid}",
        "pathParams": [
          "Sid",
        ],
        "resource": "things",
        "schema": "Thing",
        "success": {
          "hasBody": true,
          "status": "200",
        },
      }
    `);
  });

  test('a create with a form body: each field with its rules (array items, date format, enum), required ones marked', () => {
    expect(table(rows.create).CreateThing).toMatchInlineSnapshot(`
      {
        "action": "create",
        "body": {
          "fields": [
            {
              "name": "FriendlyName",
              "option": "friendlyName",
              "required": true,
              "schema": {
                "maxLength": 64,
                "type": "string",
              },
            },
            {
              "name": "Tags",
              "option": "tags",
              "required": false,
              "schema": {
                "items": {
                  "type": "string",
                },
                "type": "array",
              },
            },
            {
              "name": "DateExpiry",
              "option": "dateExpiry",
              "required": false,
              "schema": {
                "format": "date-time",
                "type": "string",
              },
            },
            {
              "name": "Status",
              "option": "status",
              "required": false,
              "schema": {
                "enum": [
                  "open",
                  "closed",
                ],
                "type": "string",
              },
            },
            {
              "name": "Ttl",
              "option": "ttl",
              "required": false,
              "schema": {
                "minimum": 0,
                "type": "integer",
              },
            },
          ],
          "mediaType": "application/x-www-form-urlencoded",
        },
        "dateFields": [
          "date_created",
        ],
        "list": null,
        "method": "POST",
        "parameters": [],
        "path": "/v1/Things",
        "pathParams": [],
        "resource": "things",
        "schema": "Thing",
        "success": {
          "hasBody": true,
          "status": "201",
        },
      }
    `);
  });

  test('a list with paging and a filter: each parameter with its option and role; list.paging names the paging ones', () => {
    const q = (name: string, type = 'string') => ({ name, in: 'query', schema: { type } });
    const doc = spec({
      paths: {
        '/v1/Boxes/{BoxSid}/Things': {
          get: {
            operationId: 'ListThing',
            parameters: [
              { name: 'BoxSid', in: 'path', required: true, schema: { type: 'string' } },
              q('PageSize', 'integer'),
              q('PageToken'),
              q('Status'),
            ],
            responses: { '200': { content: { 'application/json': { schema: listPage('things', { type: 'object' }) } } } },
          },
        },
      },
    });
    const row = table(doc).ListThing!;
    expect([row.pathParams, row.parameters, row.list]).toMatchInlineSnapshot(`
      [
        [
          "BoxSid",
        ],
        [
          {
            "in": "path",
            "name": "BoxSid",
            "option": "boxSid",
            "required": true,
            "role": "path",
            "schema": {
              "type": "string",
            },
          },
          {
            "in": "query",
            "name": "PageSize",
            "option": "pageSize",
            "required": false,
            "role": "pageSize",
            "schema": {
              "type": "integer",
            },
          },
          {
            "in": "query",
            "name": "PageToken",
            "option": "pageToken",
            "required": false,
            "role": "pageToken",
            "schema": {
              "type": "string",
            },
          },
          {
            "in": "query",
            "name": "Status",
            "option": "status",
            "required": false,
            "role": "filter",
            "schema": {
              "type": "string",
            },
          },
        ],
        {
          "itemsKey": "things",
          "paging": {
            "page": null,
            "pageSize": "PageSize",
            "pageToken": "PageToken",
          },
        },
      ]
    `);
  });

  test.each([
    ['a 204 remove', rows.remove, 'DeleteThing', { status: '204', hasBody: false }],
    ['a 2XX update', rows.range, 'UpdateThing', { status: '2XX', hasBody: true }],
    ['a 201 create', rows.create, 'CreateThing', { status: '201', hasBody: true }],
  ])('%s: the success status as the spec keys it, and whether it has a body', (_, doc, id, success) => {
    expect(table(doc)[id]?.success).toEqual(success);
  });

  test('names only grow: existing rows are unchanged when the spec adds a clashing (settled) or a root collection', () => {
    expect(table(growth.settled).ListInteraction).toEqual(table(growth.interactions).ListInteraction);
    expect(table(growth.settled).ListServiceInteraction?.resource).toBe('serviceInteractions');
    expect(table(growth.shops).ListOrder).toEqual(table(growth.orders).ListOrder);
  });
});
