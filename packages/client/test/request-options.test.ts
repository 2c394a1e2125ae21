// Per-call options (`timeout`, `maxRetries`, `headers`, `signal`, as openai-node takes them) and
// `client.withOptions`, against a real server on 127.0.0.1: each option changes what goes on the wire.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyClient, type ProxyClientOptions, ProxyTimeoutError } from '../src/index.js';
import { fakeSleep } from './helpers/fake-fetch.js';
import { startServer, type TestServer } from './helpers/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, pageFor, SERVICE_SID } from './helpers/sessions.js';

const SESSION = `KC${'c'.repeat(32)}`;
/** A session the server never answers for. */
const STALL = `KC${'d'.repeat(32)}`;
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Handler = (req: IncomingMessage, res: ServerResponse, n: number, origin: string) => void;
const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
/** List pages of `total` sessions; a request naming STALL (or `x-stall`) is never answered; a POST gets a 201. */
const routes =
  (total = 3): Handler =>
  (req, res, _n, origin) => {
    if (req.url!.includes(STALL) || req.headers['x-stall']) return; // held until the test closes the server
    if (req.method === 'GET') return send(res, 200, pageFor(`${origin}${req.url}`, total, origin));
    req.resume();
    req.on('end', () => send(res, 201, { sid: SESSION }));
  };

async function serve(handler: Handler = routes(), options: ProxyClientOptions = {}) {
  server = await startServer(handler);
  const client = createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url, sleep: fakeSleep(), ...options });
  return { client, requests: server.requests };
}

describe('per-call RequestOptions', () => {
  it('timeout fires for that call only, on a client whose own timeout is long', async () => {
    const { client } = await serve(routes(), { timeoutMs: 60_000, maxRetries: 0 });
    const started = Date.now();
    const err = await client.sessions.fetch(SERVICE_SID, STALL, {}, { timeout: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(ProxyTimeoutError);
    expect(err).toMatchObject({ timeoutMs: 100, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('timeout (and headers) also sit beside the operation options, and hold for a list', async () => {
    const { client } = await serve(routes(), { timeoutMs: 60_000, maxRetries: 0 });
    const list = client.sessions.list(SERVICE_SID, { pageSize: 50, timeout: 100, headers: { 'x-stall': '1' } });
    await expect(list).rejects.toBeInstanceOf(ProxyTimeoutError);
  });

  it('maxRetries caps the retries of that call (an idempotent one)', async () => {
    const { client, requests } = await serve((_req, res) => send(res, 503, { message: 'down', code: 1 }), { maxRetries: 5 });
    const err = await client.sessions.remove(SERVICE_SID, SESSION, {}, { maxRetries: 1 }).catch((e) => e);
    expect(err).toMatchObject({ status: 503, attempts: 2 });
    expect(requests).toHaveLength(2);
    requests.length = 0;
    await client.sessions.remove(SERVICE_SID, SESSION, { maxRetries: 0 }).catch(() => {});
    expect(requests).toHaveLength(1);
  });

  it('a higher maxRetries never retries a create after a 503 (it may have been made)', async () => {
    const { client, requests } = await serve((req, res) => {
      req.resume();
      req.on('end', () => send(res, 503, { message: 'down', code: 1 }));
    });
    await expect(client.sessions.create(SERVICE_SID, { uniqueName: 'x' }, { maxRetries: 9 })).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
  });

  it('headers are sent, but Authorization, User-Agent and a form body Content-Type stay the client’s', async () => {
    const { client, requests } = await serve(routes(), { headers: { 'x-client': 'c', authorization: 'Bearer nope' }, userAgent: 'ua/1' });
    const bad = { Authorization: 'Bearer stolen', 'User-Agent': 'evil', 'Content-Type': 'text/plain', 'X-Call': 'yes' };
    await client.sessions.create(SERVICE_SID, { uniqueName: 'x' }, { headers: bad });
    const h = requests[0]!.headers;
    expect(h).toMatchObject({ 'x-call': 'yes', 'x-client': 'c', authorization: BASIC, 'user-agent': 'ua/1' });
    expect(h['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it("a list's headers and timeout go with every page, next pages included", async () => {
    const { client, requests } = await serve(routes(120));
    const all = await client.sessions.all(SERVICE_SID, { pageSize: 50 }, { headers: { 'x-trace': 't1' }, timeout: 5_000 });
    expect(all).toHaveLength(120);
    expect(requests).toHaveLength(3);
    for (const r of requests) expect(r.headers).toMatchObject({ 'x-trace': 't1', authorization: BASIC });
  });
});

describe('client.withOptions', () => {
  it('derives a client with changed defaults; the parent is unchanged', async () => {
    const { client, requests } = await serve((_req, res) => send(res, 503, { message: 'down', code: 1 }), {
      maxRetries: 3,
      headers: { 'x-a': '1' },
    });
    const child = client.withOptions({ maxRetries: 0, headers: { 'x-b': '2' } });
    await child.sessions.remove(SERVICE_SID, SESSION).catch(() => {});
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers).toMatchObject({ 'x-a': '1', 'x-b': '2', authorization: BASIC });
    requests.length = 0;
    await client.sessions.remove(SERVICE_SID, SESSION).catch(() => {});
    expect(requests).toHaveLength(4);
    expect(requests[0]!.headers['x-b']).toBeUndefined();
    expect(child.baseUrl).toBe(client.baseUrl);
    expect(child.raw).not.toBe(client.raw);
  });

  it("a derived client's timeout fires on its calls", async () => {
    const { client } = await serve(routes(), { maxRetries: 0, timeoutMs: 60_000 });
    const fast = client.withOptions({ timeoutMs: 100 });
    await expect(fast.sessions.fetch(SERVICE_SID, STALL)).rejects.toBeInstanceOf(ProxyTimeoutError);
  });
});
