import { describe, expect, test } from 'vitest';
import { operationOf, walkInline } from './helpers/walk-inline.js';

const when = { $ref: '#/components/schemas/When' };
const item = {
  type: 'object',
  properties: {
    date_created: { type: 'string', format: 'date-time' },
    date_updated: { type: ['string', 'null'], format: 'date-time' },
    date_expiry: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
    date_shared: when,
    // Not by its name: a date-like name without the format is text, and a `date` is a day, not an instant.
    date_label: { type: 'string' },
    birthday: { type: 'string', format: 'date' },
    count: { type: 'integer', format: 'date-time' },
  },
};
const doc = (body: object) => ({
  components: { schemas: { When: { type: 'string', format: 'date-time' } } },
  paths: {
    '/v1/Things': { get: { operationId: 'FetchThing', responses: { '200': { content: { 'application/json': { schema: body } } } } } },
  },
});

describe('dateFields', () => {
  test.each([
    ['an item', item, ['date_created', 'date_updated', 'date_expiry', 'date_shared']],
    ['no body', undefined, []],
    [
      'a list page: the item’s fields',
      {
        type: 'object',
        properties: { things: { type: 'array', items: item }, meta: { type: 'object', properties: { next_page_url: {}, key: {} } } },
      },
      ['date_created', 'date_updated', 'date_expiry', 'date_shared'],
    ],
  ])('%s', (_name, body, fields) => {
    const spec = body ? doc(body) : { paths: { '/v1/Things': { get: { operationId: 'FetchThing', responses: { '204': {} } } } } };
    expect(operationOf(walkInline(spec), 'FetchThing').dateFields).toEqual(fields);
  });
});
