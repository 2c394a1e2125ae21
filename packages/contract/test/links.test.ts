import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProxy, startMockProxy } from '../src/index.js';
import { specCollections, specServerUrl } from '../src/internal/walked-spec.js';
import { mockAuth, raw } from './helpers/helpers.js';

/** Every string the mock serves that looks like a URL, with where it sits. */
function urls(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urls(v, `${at}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urls(v, `${at}/${k}`));
  return [];
}

describe('links stay in the sandbox', () => {
  let m: MockProxy;
  let prod: MockProxy;
  beforeAll(async () => {
    [m, prod] = await Promise.all([startMockProxy({ count: 30, seed: 4 }), startMockProxy({ count: 3, seed: 4, productionUrls: true })]);
  });
  afterAll(() => Promise.all([m.close(), prod.close()]));

  it('every url, link and page URL of every list and fetch is on the mock', async () => {
    for (const c of specCollections().filter((x) => x.list)) {
      const page = await raw(m.urlFor(c.list!.operationId, {}, { PageSize: 5 }), { auth: mockAuth(m) });
      expect(page.status).toBe(200);
      const found = urls(page.json);
      expect(found.length).toBeGreaterThanOrEqual(2);
      for (const [at, url] of found) expect(url.startsWith(`${m.url}/`), `${at}: ${url}`).toBe(true);
      const item = page.json[c.list!.list!.itemsKey][0];
      if (c.fetch && item) {
        const fetched = await raw(m.urlFor(c.fetch.operationId, { [c.fetch.pathParams.at(-1)!]: item[c.idProperty] }), {
          auth: mockAuth(m),
        });
        for (const [at, url] of urls(fetched.json)) expect(url.startsWith(`${m.url}/`), `${at}: ${url}`).toBe(true);
      }
    }
  });

  it("productionUrls serves items' url and links on the spec's server, page URLs on the mock", async () => {
    const c = specCollections().find((x) => x.list)!;
    const page = await raw(prod.urlFor(c.list!.operationId, {}, { PageSize: 2 }), { auth: mockAuth(prod) });
    for (const item of page.json[c.list!.list!.itemsKey]) expect(item.url.startsWith(specServerUrl())).toBe(true);
    expect(page.json.meta.url.startsWith(prod.url)).toBe(true);
  });
});
