import { describe, expect, test } from 'vitest';
import { operationOf, walkInline } from './helpers/walk-inline.js';

const page = {
  type: 'object',
  properties: {
    things: { type: 'array', items: { type: 'object' } },
    meta: { type: 'object', properties: { next_page_url: {}, key: {} } },
  },
};
const query = (name: string, extra: object = {}) => ({ name, in: 'query', schema: { type: 'string' }, ...extra });
const doc = {
  paths: {
    '/v1/Boxes/{BoxSid}/Things': {
      parameters: [{ name: 'BoxSid', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'ListThing',
        parameters: [
          query('PageSize'),
          query('Page'),
          query('PageToken'),
          query('FriendlyName'),
          query('Limit', { 'x-twilio-proxy': { paging: 'pageSize' } }),
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          { name: 'Session', in: 'cookie', schema: { type: 'string' } },
        ],
        responses: { '200': { content: { 'application/json': { schema: page } } } },
      },
    },
    // Not a list: its PageSize is a filter like any other query.
    '/v1/Boxes/{BoxSid}': {
      get: {
        operationId: 'FetchBox',
        parameters: [query('PageSize')],
        responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    // A list without paging parameters pages with none.
    '/v1/Plain': { get: { operationId: 'ListPlain', responses: { '200': { content: { 'application/json': { schema: page } } } } } },
  },
};

describe('parameters: role, option, flag', () => {
  const walked = walkInline(doc);
  const rows = (id: string) => operationOf(walked, id).parameters.map((p) => `${p.in} ${p.name} → ${p.role} ${p.option} --${p.flag}`);
  test('ListThing: paging by name or by x-twilio-proxy, other queries filter', () => {
    expect(rows('ListThing')).toMatchInlineSnapshot(`
      [
        "path BoxSid → path boxSid --box-sid",
        "query PageSize → pageSize pageSize --page-size",
        "query Page → page page --page",
        "query PageToken → pageToken pageToken --page-token",
        "query FriendlyName → filter friendlyName --friendly-name",
        "query Limit → pageSize limit --limit",
        "header X-Trace → header x-Trace --x-trace",
        "cookie Session → cookie session --session",
      ]
    `);
  });
  test('FetchBox: not a list, so its PageSize is a filter', () => {
    expect(rows('FetchBox')).toMatchInlineSnapshot(`
      [
        "query PageSize → filter pageSize --page-size",
      ]
    `);
  });
  test.each([
    ['ListThing', { pageSize: 'PageSize', page: 'Page', pageToken: 'PageToken' }],
    ['ListPlain', { pageSize: null, page: null, pageToken: null }],
  ])('%s list.paging', (id, paging) => {
    expect(operationOf(walked, id).list).toEqual({ itemsKey: 'things', paging });
  });
  test('FetchBox has no list', () => expect(operationOf(walked, 'FetchBox').list).toBeNull());
});
