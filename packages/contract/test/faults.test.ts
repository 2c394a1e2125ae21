import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultKind, type MockProxy, startMockProxy, validateResponse } from '../src/index.js';
import { listUrl, mockAuth, raw } from './helpers/helpers.js';

/** A fresh connection per request, so a reset or truncation cannot poison the shared agent. */
function once(url: string, auth: string, timeoutMs = 2_000): Promise<{ status?: number; headers?: any; text?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers: { authorization: auth } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
      res.on('error', (e) => resolve({ status: res.statusCode, error: (e as any).code ?? e.message }));
      res.on('aborted', () => resolve({ status: res.statusCode, error: 'aborted' }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve({ error: (e as any).code ?? e.message }));
    req.end();
  });
}

describe('fault injection', () => {
  let m: MockProxy;
  afterEach(() => m.close());

  it('plays a scripted sequence: 429 with Retry-After, 500, 503, reset, truncate, then normal', async () => {
    const sequence: FaultKind[] = ['rate-limit', 'server-error', 'unavailable', 'reset', 'truncate'];
    m = await startMockProxy({ count: 60, faults: { sequence, retryAfter: 3 } });
    const results = [];
    for (let i = 0; i < sequence.length + 1; i++) results.push(await once(listUrl(m), mockAuth(m)));
    expect(results[0]).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
    expect(JSON.parse(results[0]!.text!).code).toBe(20429);
    expect(results[1]?.status).toBe(500);
    expect(results[2]?.status).toBe(503);
    for (const r of results.slice(0, 3))
      expect(validateResponse('ListSession', r.status!, JSON.parse(r.text!), r.headers).errors).toEqual([]);
    expect(results[3]?.error).toBe('ECONNRESET');
    expect(results[4]?.status).toBe(200);
    expect(results[4]?.error).toMatch(/aborted|ECONNRESET/);
    expect(results[5]?.status).toBe(200);
    expect(m.requests.map((r) => r.fault)).toEqual([...sequence, null]);
  });

  it('stalls until the client gives up', async () => {
    m = await startMockProxy({ count: 1, faults: { sequence: ['stall'] } });
    expect((await once(listUrl(m), mockAuth(m), 300)).error).toBe('TIMEOUT');
    expect((await once(listUrl(m), mockAuth(m))).status).toBe(200);
  });

  it('adds latency and still answers normally', async () => {
    m = await startMockProxy({ count: 1, faults: { sequence: ['latency'], latencyMs: 50 } });
    const r = await once(listUrl(m), mockAuth(m));
    expect(r.status).toBe(200);
    expect(m.requests[0]?.fault).toBe('latency');
  });

  it('draws faults at a rate, deterministically by seed', async () => {
    const run = async (seed: number) => {
      const mock = await startMockProxy({ count: 5, faults: { seed, rate: 0.5, kinds: ['rate-limit', 'unavailable'] } });
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await raw(listUrl(mock), { auth: mockAuth(mock) })).status);
      await mock.close();
      return statuses;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
    expect(await run(6)).not.toEqual(a);
    m = await startMockProxy();
  });

  it('adds latencyMs to every answer', async () => {
    m = await startMockProxy({ count: 1, latencyMs: 30 });
    const t = performance.now();
    expect((await raw(listUrl(m), { auth: mockAuth(m) })).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(25); // a lower bound only: the delay must happen at all
  });

  it('can change faults at run time', async () => {
    m = await startMockProxy({ count: 1 });
    m.setFaults({ sequence: ['server-error'] });
    expect((await raw(listUrl(m), { auth: mockAuth(m) })).status).toBe(500);
    expect((await raw(listUrl(m), { auth: mockAuth(m) })).status).toBe(200);
  });
});
