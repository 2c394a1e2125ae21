/** @module-tag slow */
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyClient, type ProxyClientOptions, ProxyNetworkError, ProxyTimeoutError } from '../src/index.js';
import { fakeSleep } from './helpers/fake-fetch.js';
import { type Fault, fault, startServer, type TestServer } from './helpers/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, makeSession, pageFor, SERVICE_SID } from './helpers/sessions.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A real List Sessions server over `total` sessions; `faultOf(n)` picks a fault for the n-th request. */
async function sessionsServer(total: number, faultOf: (n: number) => Fault | undefined = () => undefined) {
  server = await startServer((req, res, n, origin) => {
    const body = JSON.stringify(pageFor(req.url!, total, origin));
    const kind = faultOf(n);
    if (kind) return fault(kind, res, body);
    res.writeHead(200, { 'content-type': 'application/json', 'twilio-request-id': `RQ${n.toString(16).padStart(32, '0')}` });
    res.end(body);
  });
  return server;
}

const clientFor = (url: string, options: ProxyClientOptions = {}) =>
  createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: url, sleep: fakeSleep(), ...options });

describe('against a real loopback server', () => {
  it('sends Basic auth and the spec path; pages follow next_page_url', async () => {
    const s = await sessionsServer(5);
    const items = await clientFor(s.url).sessions.all(SERVICE_SID, { pageSize: 2 });
    expect(items.map((x) => x.sid)).toEqual([0, 1, 2, 3, 4].map((i) => makeSession(i).sid));
    expect(s.requests.map((r) => r.url)).toEqual([
      `/v1/Services/${SERVICE_SID}/Sessions?PageSize=2`,
      `/v1/Services/${SERVICE_SID}/Sessions?PageSize=2&Page=1&PageToken=PT2`,
      `/v1/Services/${SERVICE_SID}/Sessions?PageSize=2&Page=2&PageToken=PT4`,
    ]);
    expect(s.requests[0]!.headers.authorization).toBe(`Basic ${btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`)}`);
  });

  it('lists 10,000 sessions through 429s, 503s, resets, stalls and cut bodies: exactly the 10,000, in order', async () => {
    const kinds: Fault[] = ['429', '503', 'reset', 'stall', 'truncate'];
    // Every third request fails, rotating through the faults; retries (2 by default) always get through.
    const s = await sessionsServer(10_000, (n) => (n % 3 === 0 ? kinds[(n / 3) % kinds.length] : undefined));
    const got: string[] = [];
    // Timeout and retries leave room for a loaded machine: only the injected faults should need a retry.
    for await (const x of clientFor(s.url, { timeoutMs: 1000, maxRetries: 4 }).sessions.each(SERVICE_SID, { pageSize: 200 }))
      got.push(x.sid!);
    expect(got).toHaveLength(10_000);
    expect(new Set(got).size).toBe(10_000);
    expect(got.every((sid, i) => sid === makeSession(i).sid)).toBe(true);
    expect(s.requests.length).toBeGreaterThan(50 + 20);
  });

  it('429 with Retry-After is waited out as the server says', async () => {
    server = await startServer((req, res, n, origin) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(pageFor(req.url!, 3, origin)));
    });
    const sleep = fakeSleep();
    expect(await clientFor(server.url, { sleep }).sessions.all(SERVICE_SID)).toHaveLength(3);
    expect(sleep.delays).toEqual([2000]);
  });

  it.each([
    ['reset', ProxyNetworkError],
    ['truncate', ProxyNetworkError],
    ['stall', ProxyTimeoutError],
  ] as const)('a server that always answers with %s gives %o after the retries', async (kind, type) => {
    const s = await sessionsServer(10, () => kind);
    // A short timeout only where the stall is under test; elsewhere a slow machine must not turn a reset into a timeout.
    const timeoutMs = kind === 'stall' ? 100 : 10_000;
    const err = await clientFor(s.url, { timeoutMs })
      .sessions.list(SERVICE_SID)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect(err).toMatchObject({ attempts: 3 });
    expect(s.requests).toHaveLength(3);
  });

  it('an HTML 503 from a proxy becomes a ProxyApiError with the status', async () => {
    const s = await sessionsServer(10, () => '503');
    await expect(clientFor(s.url, { maxRetries: 0 }).sessions.list(SERVICE_SID)).rejects.toMatchObject({
      name: 'ProxyApiError',
      status: 503,
    });
  });
});
