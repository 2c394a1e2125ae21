import { describe, expect, test } from 'vitest';
import { responseFor, responseKeyFor, statusCodeOf } from '../src/walker/index.js';
import { operationOf, walkInline } from './helpers/walk-inline.js';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const doc = {
  components: {
    schemas: { Thing: { type: 'object', properties: { sid: { type: 'string' } } }, Error: { type: 'object' } },
    headers: { RequestId: { required: true, schema: { type: 'string' } } },
  },
  paths: {
    '/v1/Things': {
      post: {
        operationId: 'CreateThing',
        responses: {
          '201': {
            ...json({ $ref: '#/components/schemas/Thing' }),
            headers: { 'Twilio-Request-Id': { $ref: '#/components/headers/RequestId' } },
          },
          '404': json({ $ref: '#/components/schemas/Error' }),
          '4XX': {
            content: {
              'text/plain': { schema: { type: 'string' } },
              'application/json': { schema: { $ref: '#/components/schemas/Error' } },
            },
          },
          default: { content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
      get: { operationId: 'ListThing', responses: { '2xx': { description: 'a range in lower case' } } },
    },
    '/v1/Things/{Sid}': { delete: { operationId: 'DeleteThing', responses: { '204': { description: 'gone' } } } },
  },
};

describe('responsesByStatus', () => {
  const walked = walkInline(doc);
  const create = operationOf(walked, 'CreateThing');

  test('every documented status, JSON first, headers dereferenced', () => {
    const summary = Object.values(create.responsesByStatus).map((r) => [
      r.status,
      r.code,
      r.mediaType,
      r.schemaName,
      Object.keys(r.headers),
    ]);
    expect(summary).toMatchInlineSnapshot(`
      [
        [
          "201",
          201,
          "application/json",
          "Thing",
          [
            "Twilio-Request-Id",
          ],
        ],
        [
          "404",
          404,
          "application/json",
          "Error",
          [],
        ],
        [
          "4XX",
          400,
          "application/json",
          "Error",
          [],
        ],
        [
          "default",
          null,
          "text/plain",
          null,
          [],
        ],
      ]
    `);
    expect(create.responsesByStatus['201']!.headers['Twilio-Request-Id']).toMatchInlineSnapshot(`
      {
        "required": true,
        "schema": {
          "type": "string",
        },
      }
    `);
  });

  test.each([
    [201, '201'],
    [404, '404'],
    [429, '4XX'],
    [500, 'default'],
  ])('CreateThing answering %i reads response %s', (status, key) => {
    expect(responseKeyFor(create, status)).toBe(key);
    expect(responseFor(create, status)?.status).toBe(key);
  });

  test.each([
    ['ListThing', 200, '2xx'],
    ['ListThing', 500, undefined],
    ['DeleteThing', 204, '204'],
    ['DeleteThing', 404, undefined],
  ])('%s answering %i reads response %s (a range in any case; none without default)', (id, status, key) => {
    expect(responseKeyFor(operationOf(walked, id), status)).toBe(key);
  });

  test('the success has a numeric code', () => {
    expect(walked.operations.map((o) => [o.operationId, o.success.status, o.success.code])).toMatchInlineSnapshot(`
      [
        [
          "ListThing",
          "2xx",
          200,
        ],
        [
          "CreateThing",
          "201",
          201,
        ],
        [
          "DeleteThing",
          "204",
          204,
        ],
      ]
    `);
  });

  test.each([
    ['200', 200],
    ['2XX', 200],
    ['4xx', 400],
    ['default', null],
  ])('statusCodeOf(%s) is %s', (status, code) => expect(statusCodeOf(status)).toBe(code));
});
