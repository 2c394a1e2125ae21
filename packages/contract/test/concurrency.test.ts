/** @module-tag slow */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProxy, startMockProxy } from '../src/index.js';
import { collectSids, listUrl, mockAuth } from './helpers/helpers.js';

describe('load: 64 concurrent clients', () => {
  let m: MockProxy;
  beforeAll(async () => {
    m = await startMockProxy({ count: 10_000, seed: 64 });
  });
  afterAll(() => m.close()); // self-check was on for every page

  it('each pages through 10,000 sessions and gets every session exactly once', async () => {
    const sizes = [50, 100, 250, 1000, 333, 500, 64, 999];
    const expected = m.sessions.map((s) => s.sid);
    const results = await Promise.all(
      Array.from({ length: 64 }, async (_v, i) => {
        const size = sizes[i % sizes.length]!;
        const r = await collectSids(listUrl(m, `?PageSize=${size}`), mockAuth(m));
        expect(r.sizes.slice(0, -1).every((n) => n === size)).toBe(true);
        return r.sids;
      }),
    );
    for (const sids of results) {
      expect(sids.length).toBe(expected.length);
      expect(sids).toEqual(expected);
    }
    expect(m.violations).toEqual([]);
  }, 120_000);
});
