import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyClient, type ProxyClientOptions, ProxyNetworkError, ProxyTimeoutError } from '../src/index.js';
import { fakeSleep } from './helpers/fake-fetch.js';
import { startServer, type TestServer } from './helpers/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID } from './helpers/sessions.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Raw = { request(m: string, p: string, i: object): Promise<{ response: Response }> };
const PATH = '/v1/Services/{ServiceSid}/Sessions';

/** A write (or any method) through client.raw, the pipeline every operation takes; the transport decides retries. */
function send(url: string, method: string, options: ProxyClientOptions = {}) {
  let calls = 0;
  const client = createProxyClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    baseUrl: url,
    sleep: fakeSleep(),
    fetch: (input, init) => {
      calls++;
      return fetch(input, init);
    },
    ...options,
  });
  const done = (client.raw as unknown as Raw).request(method, PATH, {
    params: { path: { ServiceSid: SERVICE_SID } },
    body: method === 'post' ? 'UniqueName=x' : undefined,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { done, calls: () => calls };
}

/** A server that answers the n-th request with `answer(n)`, after reading the whole request. */
async function serve(answer: (n: number) => 'reset' | 'stall' | number) {
  server = await startServer((req, res, n) => {
    req.resume();
    req.on('end', () => {
      const a = answer(n);
      if (a === 'reset') return void res.socket?.destroy();
      if (a === 'stall') return;
      res.writeHead(a, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(a === 204 ? undefined : JSON.stringify(a < 300 ? { sid: 'KC1' } : { code: 20000 + a, message: 'no', status: a }));
    });
  });
  return server;
}

describe('a POST (a create) is never sent twice unless it provably was not processed', () => {
  it('a 500 answer is not retried', async () => {
    const s = await serve(() => 500);
    const { done, calls } = send(s.url, 'post');
    expect((await done).response.status).toBe(500);
    expect(calls()).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('a connection reset after sending is not retried: a ProxyNetworkError after one request', async () => {
    const s = await serve(() => 'reset');
    const { done, calls } = send(s.url, 'post');
    await expect(done).rejects.toBeInstanceOf(ProxyNetworkError);
    await expect(done).rejects.toMatchObject({ attempts: 1 });
    expect(calls()).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('a timeout after sending is not retried', async () => {
    const s = await serve(() => 'stall');
    const { done } = send(s.url, 'post', { timeoutMs: 100 });
    await expect(done).rejects.toBeInstanceOf(ProxyTimeoutError);
    expect(s.requests).toHaveLength(1);
  });

  it('a 429 is retried (the server did not process it), then the create succeeds once', async () => {
    const s = await serve((n) => (n === 1 ? 429 : 201));
    const { done } = send(s.url, 'post');
    expect((await done).response.status).toBe(201);
    expect(s.requests).toHaveLength(2);
  });

  it('a refused connection is retried (nothing was sent), then a ProxyNetworkError after maxRetries', async () => {
    // A port that was just free: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const { done, calls } = send(`http://127.0.0.1:${port}`, 'post');
    await expect(done).rejects.toBeInstanceOf(ProxyNetworkError);
    await expect(done).rejects.toMatchObject({ attempts: 3 });
    expect(calls()).toBe(3);
  });
});

describe('idempotent methods keep their retries', () => {
  it.each(['get', 'delete', 'put'])('%s after a 500 and a reset is retried, then succeeds', async (method) => {
    const s = await serve((n) => (n === 1 ? 500 : n === 2 ? 'reset' : 200));
    const { done } = send(s.url, method);
    expect((await done).response.status).toBe(200);
    expect(s.requests).toHaveLength(3);
  });
});
