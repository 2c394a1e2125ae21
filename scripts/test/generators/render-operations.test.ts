import { describe, expect, test } from 'vitest';
import { renderOperations } from '../../lib/render-operations.js';
import { walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

const operations = (doc: Parameters<typeof walkInline>[0]) => renderOperations(walkInline(doc).operations);

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
          "parameters": [],
          "list": {
            "itemsKey": "things",
            "paging": {
              "pageSize": null,
              "page": null,
              "pageToken": null
            }
          },
          "success": {
            "status": "200",
            "hasBody": true
          },
          "body": null
        }
      } as const satisfies Record<string, OperationMeta>;

      /** The operationIds of the spec. */
      export type OperationId = keyof typeof operationsMeta;
      "
    `);
  });

  test('a fetch: its path parameter with its SID rules', () => {
    expect(table(rows.fetch).FetchThing).toMatchInlineSnapshot(`
      {
        "action": "fetch",
        "body": null,
        "list": null,
        "method": "GET",
        "parameters": [
          {
            "in": "path",
            "name": "Sid",
            "required": true,
            "schema": {
              "maxLength": 34,
              "minLength": 34,
              "pattern": "^TH[0-9a-fA-F]{32}$",
              "type": "string",
            },
          },
        ],
        "path": "/v1/Things/{Sid}",
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
              "required": true,
              "schema": {
                "maxLength": 64,
                "type": "string",
              },
            },
            {
              "name": "Tags",
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
              "required": false,
              "schema": {
                "format": "date-time",
                "type": "string",
              },
            },
            {
              "name": "Status",
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
              "required": false,
              "schema": {
                "minimum": 0,
                "type": "integer",
              },
            },
          ],
          "mediaType": "application/x-www-form-urlencoded",
        },
        "list": null,
        "method": "POST",
        "parameters": [],
        "path": "/v1/Things",
        "resource": "things",
        "schema": "Thing",
        "success": {
          "hasBody": true,
          "status": "201",
        },
      }
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
