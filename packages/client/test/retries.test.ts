import { describe, expect, it } from 'vitest';
import { ProxyApiError, ProxyNetworkError, ProxyTimeoutError } from '../src/index.js';
import { backoff } from '../src/internal/backoff.js';
import { retryAfterMs } from '../src/internal/retry-after.js';
import { sleep } from '../src/internal/sleep.js';
import { ORIGIN, pages, testClient } from './helpers/client.js';
import { hang, json } from './helpers/fake-fetch.js';
import { SERVICE_SID } from './helpers/sessions.js';

const RQ = `RQ${'c'.repeat(32)}`;
const twilioError = (status: number, headers: Record<string, string> = {}) =>
  json({ code: 20000 + status, message: `failed ${status}`, more_info: 'https://www.twilio.com/docs/errors/x', status }, status, {
    'twilio-request-id': RQ,
    ...headers,
  });

/** Fails `times` times with `fail`, then answers a page. */
const flaky = (times: number, fail: () => Response | Promise<Response>) => (url: string, init: RequestInit, n: number) =>
  n <= times ? fail() : pages(3)(url, init, n);

describe('retries', () => {
  it.each([429, 500, 502, 503, 504])('%i is retried (default maxRetries 2) and then succeeds', async (status) => {
    const { client, fetch, sleep } = testClient(flaky(2, () => twilioError(status)));
    expect(await client.sessions.all(SERVICE_SID)).toHaveLength(3);
    expect(fetch.calls).toHaveLength(3);
    expect(sleep.delays).toHaveLength(2);
  });

  it.each([400, 401, 403, 404])('%i is never retried', async (status) => {
    const { client, fetch } = testClient(() => twilioError(status));
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status, code: 20000 + status, message: `failed ${status}`, requestId: RQ, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('gives up after maxRetries with the status, request id and attempt count', async () => {
    const { client, fetch } = testClient(() => twilioError(503), { maxRetries: 4 });
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ProxyApiError', status: 503, requestId: RQ, attempts: 5 });
    expect(fetch.calls).toHaveLength(5);
  });

  it('network errors are retried, then surface as ProxyNetworkError', async () => {
    const { client, fetch } = testClient(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })));
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyNetworkError);
    expect(err).toMatchObject({ attempts: 3 });
    expect((err as Error).message).toContain('ECONNRESET');
    expect(fetch.calls).toHaveLength(3);
  });

  it('maxRetries 0 sends exactly one request', async () => {
    const { client, fetch } = testClient(() => twilioError(500), { maxRetries: 0 });
    await expect(client.sessions.list(SERVICE_SID)).rejects.toMatchObject({ attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it.each([
    ['seconds', () => '3', 3000],
    // Built when the test runs, not when the table is collected: a loaded machine may run it seconds later.
    ['an HTTP date', () => new Date(Date.now() + 600_000).toUTCString(), 600_000],
  ])('Retry-After in %s is honoured', async (_, header, ms) => {
    const { client, sleep } = testClient(
      flaky(1, () => twilioError(429, { 'retry-after': header() })),
      {
        retry: { maxRetryAfterMs: 3_600_000 },
      },
    );
    await client.sessions.list(SERVICE_SID);
    expect(sleep.delays[0]).toBeGreaterThan(ms - 2000);
    expect(sleep.delays[0]).toBeLessThanOrEqual(ms);
  });

  it('a Retry-After beyond the cap is not waited for: the error comes at once', async () => {
    const { client, fetch, sleep } = testClient(() => twilioError(429, { 'retry-after': '3600' }));
    await expect(client.sessions.list(SERVICE_SID)).rejects.toMatchObject({ status: 429, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
    expect(sleep.delays).toEqual([]);
  });

  it('backoff is exponential with full jitter, capped', () => {
    expect([0, 1, 2, 3, 10].map((r) => backoff(r, 500, 8000, () => 0.999))).toEqual([499, 999, 1998, 3996, 7992]);
    expect(backoff(3, 500, 8000, () => 0)).toBe(0);
  });

  it.each([
    [null, undefined],
    ['', undefined],
    ['5', 5000],
    [' 0 ', 0],
    ['soon', undefined],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('Retry-After %j → %j ms', (value, ms) => expect(retryAfterMs(value)).toBe(ms));

  it('only idempotent methods are retried (raw client POST-like requests are not)', async () => {
    const { client, fetch } = testClient(() => twilioError(503));
    // openapi-fetch's request() lets us send a non-GET method through the same transport.
    const raw = client.raw as unknown as { request(m: string, p: string, i: object): Promise<{ response: Response }> };
    const { response } = await raw.request('post', '/v1/Services/{ServiceSid}/Sessions', { params: { path: { ServiceSid: SERVICE_SID } } });
    expect(response.status).toBe(503);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('a stalled attempt times out (per attempt) and is retried, then ProxyTimeoutError', async () => {
    const { client, fetch } = testClient((_, init) => hang(init), { timeoutMs: 20, maxRetries: 1 });
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyTimeoutError);
    expect(err).toMatchObject({ attempts: 2, timeoutMs: 20 });
    expect(fetch.calls).toHaveLength(2);
  });

  it('a timeout followed by success succeeds', async () => {
    const { client, fetch } = testClient((url, init, n) => (n === 1 ? hang(init) : pages(3)(url, init, n)), { timeoutMs: 20 });
    expect(await client.sessions.all(SERVICE_SID)).toHaveLength(3);
    expect(fetch.calls).toHaveLength(2);
  });

  it('an aborted signal sends nothing', async () => {
    const { client, fetch } = testClient(pages(3));
    const err = await client.sessions.list(SERVICE_SID, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(fetch.calls).toHaveLength(0);
  });

  it('the caller signal aborts an attempt in flight with its own reason, no retry', async () => {
    const ctrl = new AbortController();
    const { client, fetch } = testClient((_, init) => {
      setTimeout(() => ctrl.abort(new Error('stop')), 5);
      return hang(init);
    });
    await expect(client.sessions.list(SERVICE_SID, { signal: ctrl.signal })).rejects.toThrow('stop');
    expect(fetch.calls).toHaveLength(1);
  });

  it('the caller signal is honoured between retries', async () => {
    const ctrl = new AbortController();
    const { client, fetch } = testClient(() => twilioError(503), {
      sleep: (ms, signal) => {
        ctrl.abort();
        return sleep(ms, signal);
      },
    });
    await expect(client.sessions.list(SERVICE_SID, { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('sleep() resolves after its delay and rejects on abort', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    await expect(sleep(10_000, AbortSignal.abort(new Error('x')))).rejects.toThrow('x');
  });
});

describe('raw client', () => {
  it('is typed openapi-fetch with auth, retries and the base URL applied', async () => {
    const { client, fetch } = testClient(flaky(1, () => twilioError(503)));
    const { data, error } = await client.raw.GET('/v1/Services/{ServiceSid}/Sessions', {
      params: { path: { ServiceSid: SERVICE_SID }, query: { PageSize: 2 } },
    });
    expect(error).toBeUndefined();
    expect(data?.sessions).toHaveLength(2);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]!.url).toBe(`${ORIGIN}/v1/Services/${SERVICE_SID}/Sessions?PageSize=2`);
    expect((fetch.calls[1]!.init.headers as Record<string, string>).authorization).toMatch(/^Basic /);
  });
});
