import type { JsonObject, WalkedOperation } from '@twilio-proxy/types/walker';
import { expect, it, type TestContext } from 'vitest';
import { commonTests } from './common-tests.js';
import { type ContractSuiteOptions, needsOf, type TargetCapabilities } from './options.js';
import { needParents, type Probe, redact } from './probe.js';

export function listTests(op: WalkedOperation, s: Probe, caps: TargetCapabilities, options: ContractSuiteOptions) {
  const c = s.collectionOf(op);
  const itemsKey = op.list!.itemsKey;
  // The page-size parameter under the name the spec gives it (the walker's paging role), if the list has one.
  const sizeName = op.list!.paging.pageSize;
  const pageSizeRule = op.parameters.find((p) => p.role === 'pageSize')?.schema;
  const defaultPageSize = Number(pageSizeRule?.default ?? 50);
  const maxPageSize = Number(pageSizeRule?.maximum ?? 1000);
  const pageSize = options.pageSize ?? 7;
  const maxPages = options.maxPages ?? 2000;
  const sized = (size: number) => (sizeName ? `?${sizeName}=${size}` : '');
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);
  const noSize = `(${op.operationId} has no page-size parameter)`;
  /** A page-size test: skipped with the reason when the target lacks the capability or the list has no page size. */
  const sizeTest = (capability: keyof TargetCapabilities, text: string, fn: (ctx: TestContext) => Promise<void>) =>
    sizeName ? needs(capability)(why(capability, text), fn) : it.skip(`${text} ${noSize}`, fn);

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

  sizeTest('honoursPageSize', `uses the spec's default page size (${defaultPageSize})`, async (ctx) => {
    const r = await s.get(s.urlOf(op, await needParents(s, c, ctx)));
    expect(r.body.meta.page_size).toBe(defaultPageSize);
    expect(r.body[itemsKey].length).toBeLessThanOrEqual(defaultPageSize);
  });

  it('follows next_page_url to an end, with no duplicate items and every page valid', async (ctx) => {
    const pages = await follow(s.urlOf(op, await needParents(s, c, ctx), sized(pageSize)));
    const sids = pages.flatMap((p) => p[itemsKey].map((item: JsonObject) => item[c.idProperty]));
    expect(new Set(sids).size).toBe(sids.length);
    expect(pages.at(-1)!.meta.next_page_url).toBeNull();
  });

  sizeTest('honoursPageSize', `honours ${sizeName ?? 'the page size'} on every page and numbers pages from 0`, async (ctx) => {
    const parents = await needParents(s, c, ctx);
    for (const size of [1, pageSize, maxPageSize]) {
      const pages = await follow(s.urlOf(op, parents, sized(size)));
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

  sizeTest('validatesParameters', `answers an out-of-range ${sizeName ?? 'page size'} with 400 and a Twilio error`, async (ctx) => {
    const parents = await needParents(s, c, ctx);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, sized(maxPageSize + 1))), 400);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, sized(0))), 400);
  });
}
