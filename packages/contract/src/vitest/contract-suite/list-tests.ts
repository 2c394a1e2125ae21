import type { JsonObject, WalkedOperation } from '@twilio-proxy/types/walker';
import { expect, it } from 'vitest';
import { commonTests } from './common-tests.js';
import { type ContractSuiteOptions, needsOf, type TargetCapabilities } from './options.js';
import { needParents, type Probe, redact } from './probe.js';

export function listTests(op: WalkedOperation, s: Probe, caps: TargetCapabilities, options: ContractSuiteOptions) {
  const c = s.collectionOf(op);
  const itemsKey = op.list!.itemsKey;
  const pageSizeRule = op.parameters.find((p) => p.in === 'query' && p.name === 'PageSize')?.schema;
  const defaultPageSize = Number(pageSizeRule?.default ?? 50);
  const maxPageSize = Number(pageSizeRule?.maximum ?? 1000);
  const pageSize = options.pageSize ?? 7;
  const maxPages = options.maxPages ?? 2000;
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);

  async function follow(first: string) {
    const pages: JsonObject[] = [];
    let next: string | null = first;
    while (next) {
      const r = await s.get(next);
      expect(r.status, redact(next)).toBe(200);
      s.expectConforms(op, r, next);
      pages.push(r.body);
      next = r.body.meta.next_page_url;
      if (pages.length > maxPages) throw new Error(`next_page_url chain did not end within ${maxPages} pages`);
    }
    return pages;
  }

  it('answers the first page with a body and headers that satisfy the spec', async (ctx) => {
    const url = s.urlOf(op, await needParents(s, c, ctx));
    const r = await s.get(url);
    expect(r.status).toBe(200);
    s.expectConforms(op, r, url);
    expect(r.body.meta.key).toBe(itemsKey);
    for (const k of ['url', 'first_page_url']) expect(() => new URL(r.body.meta[k])).not.toThrow();
  });

  needs('honoursPageSize')(why('honoursPageSize', `uses the spec's default page size (${defaultPageSize})`), async (ctx) => {
    const r = await s.get(s.urlOf(op, await needParents(s, c, ctx)));
    expect(r.body.meta.page_size).toBe(defaultPageSize);
    expect(r.body[itemsKey].length).toBeLessThanOrEqual(defaultPageSize);
  });

  it('follows next_page_url to an end, with no duplicate items and every page valid', async (ctx) => {
    const pages = await follow(s.urlOf(op, await needParents(s, c, ctx), `?PageSize=${pageSize}`));
    const sids = pages.flatMap((p) => p[itemsKey].map((item: JsonObject) => item[c.idProperty]));
    expect(new Set(sids).size).toBe(sids.length);
    expect(pages.at(-1)!.meta.next_page_url).toBeNull();
  });

  needs('honoursPageSize')(why('honoursPageSize', 'honours PageSize on every page and numbers pages from 0'), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    for (const size of [1, pageSize, maxPageSize]) {
      const pages = await follow(s.urlOf(op, parents, `?PageSize=${size}`));
      pages.forEach((p, i) => {
        expect(p.meta.page_size).toBe(size);
        expect(p.meta.page).toBe(i);
        if (i < pages.length - 1) expect(p[itemsKey]).toHaveLength(size);
        else expect(p[itemsKey].length).toBeLessThanOrEqual(size);
      });
      expect(pages[0]!.meta.previous_page_url).toBeNull();
    }
  });

  commonTests(op, c, s, caps);

  needs('validatesParameters')(why('validatesParameters', 'answers an out-of-range PageSize with 400 and a Twilio error'), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, `?PageSize=${maxPageSize + 1}`)), 400);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, '?PageSize=0')), 400);
  });
}
