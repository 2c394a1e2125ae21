import { describe, expect, it } from 'vitest';
import { startMockProxy } from '../src/index.js';
import { listUrl, mockAuth, raw } from './support/helpers.js';

/** A long-running mock keeps bounded state: the request log is a ring, and an oversized body is refused. */
describe('request log', () => {
  it('keeps only the last requestLog requests, oldest first', async () => {
    const m = await startMockProxy({ count: 5, requestLog: 3 });
    try {
      for (const size of [1, 2, 3, 4, 5]) await raw(listUrl(m, `?PageSize=${size}`), { auth: mockAuth(m) });
      expect(m.requests.map((r) => r.url.split('?')[1])).toEqual(['PageSize=3', 'PageSize=4', 'PageSize=5']);
      expect(m.requests.every((r) => r.status === 200)).toBe(true);
    } finally {
      await m.close();
    }
  });

  it('keeps none with requestLog 0, every request by default', async () => {
    const off = await startMockProxy({ count: 2, requestLog: 0 });
    const all = await startMockProxy({ count: 2 });
    try {
      for (let i = 0; i < 4; i++) {
        await raw(listUrl(off), { auth: mockAuth(off) });
        await raw(listUrl(all), { auth: mockAuth(all) });
      }
      expect(off.requests).toEqual([]);
      expect(all.requests).toHaveLength(4);
    } finally {
      await Promise.all([off.close(), all.close()]);
    }
  });

  it('rejects a negative requestLog', async () => {
    await expect(startMockProxy({ requestLog: -1 })).rejects.toThrow(/requestLog must be a non-negative number/);
  });
});
