import { describe, expect, test } from 'vitest';
import { defaultBaseUrlOf, walkDocument, walkErrorSchema, walkServers } from '../src/walker/index.js';
import { walkInline } from './helpers/walk-inline.js';

const error = { $ref: '#/components/schemas/Problem' };
const doc = (servers?: object[]) => ({
  ...(servers ? { servers } : {}),
  components: { schemas: { Problem: { type: 'object', properties: { code: { type: 'integer' } } } } },
  paths: {
    '/v1/Things': {
      get: {
        operationId: 'ListThing',
        responses: { '200': { description: 'no body' }, '4XX': { content: { 'application/json': { schema: error } } } },
      },
    },
  },
});

describe('walkDocument', () => {
  test.each([
    ['two servers', [{ url: 'https://a.example.com', description: 'main' }, { url: 'https://b.example.com' }], 'https://a.example.com'],
    ['a server without a URL is skipped', [{ description: 'none' }, { url: 'https://b.example.com' }], 'https://b.example.com'],
  ])('%s', (_name, servers, base) => {
    const { dereferenced } = walkInline(doc(servers));
    expect(defaultBaseUrlOf(dereferenced)).toBe(base);
    expect(walkServers(dereferenced)).toEqual(servers.filter((s) => 'url' in s));
  });

  test('a spec without servers has no default base URL: the error names `servers`', () => {
    expect(walkServers(doc())).toEqual([]);
    expect(() => defaultBaseUrlOf(doc())).toThrowErrorMatchingInlineSnapshot(
      `[Error: The spec names no server: \`servers\` needs an entry with a URL (servers[0].url)]`,
    );
  });

  test.each([
    ['bundled ($ref)', doc([{ url: 'https://a.example.com' }])],
    ['dereferenced (marked)', walkInline(doc([{ url: 'https://a.example.com' }])).dereferenced],
  ])('the error schema is the 4XX JSON body component: %s', (_name, d) => {
    expect(walkErrorSchema(d)).toBe('Problem');
  });

  test('a spec whose 4XX bodies name no component has no error schema', () => {
    const plain = {
      paths: {
        '/v1/X': {
          get: { operationId: 'FetchX', responses: { '400': { content: { 'application/json': { schema: { type: 'object' } } } } } },
        },
      },
    };
    expect(walkErrorSchema(plain)).toBeNull();
  });

  test('one walk: operations, collections, servers, base URL, error schema', () => {
    const walked = walkDocument(walkInline(doc([{ url: 'https://a.example.com' }])).dereferenced);
    expect({
      ...walked,
      operations: walked.operations.map((o) => o.operationId),
      collections: walked.collections.map((c) => c.path),
    }).toMatchInlineSnapshot(`
        {
          "collections": [
            "/v1/Things",
          ],
          "defaultBaseUrl": "https://a.example.com",
          "errorSchema": "Problem",
          "operations": [
            "ListThing",
          ],
          "servers": [
            {
              "url": "https://a.example.com",
            },
          ],
        }
      `);
  });
});
