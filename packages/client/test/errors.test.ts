import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProxyClient, ProxyApiError, ProxyError, type ProxyNetworkError } from '../src/index.js';
import { pages, testClient } from './helpers/client.js';
import { hang, json } from './helpers/fake-fetch.js';
import { ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID } from './helpers/sessions.js';

const raw =
  (body: string, status: number, type = 'text/html') =>
  () =>
    new Response(body, { status, headers: { 'content-type': type } });

describe('error bodies', () => {
  it.each([
    ['HTML from a proxy', raw('<html><h1>502 Bad Gateway</h1></html>', 502)],
    ['an empty body', raw('', 500)],
    ['truncated JSON', raw('{"code": 20500, "mess', 500, 'application/json')],
    ['JSON that is not a Twilio error', raw('[1,2]', 500, 'application/json')],
  ])('%s still gives a ProxyApiError, never a SyntaxError', async (_, handler) => {
    const { client } = testClient(handler, { maxRetries: 0 });
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status: expect.any(Number), attempts: 1 });
    expect((err as Error).message).toMatch(/HTTP 5\d\d/);
  });

  it('a 200 whose body is not JSON is retried, then a ProxyApiError', async () => {
    const { client, fetch } = testClient(raw('{"sessions": [', 200, 'application/json'));
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status: 200, attempts: 3 });
    expect(fetch.calls).toHaveLength(3);
  });

  it('a 200 that is not a list page is a ProxyApiError', async () => {
    const { client } = testClient(() => json({ hello: 1 }));
    await expect(client.sessions.list(SERVICE_SID)).rejects.toMatchObject({ name: 'ProxyApiError', status: 200 });
  });

  it('maps every field of a Twilio error', async () => {
    const body = {
      code: 20404,
      message: 'Not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
      details: { a: 1 },
    };
    const { client } = testClient(() => json(body, 404, { 'twilio-request-id': `RQ${'1'.repeat(32)}` }));
    const err = (await client.sessions.list(SERVICE_SID).catch((e: unknown) => e)) as ProxyApiError;
    expect(err).toMatchObject({
      status: 404,
      code: 20404,
      message: 'Not found',
      moreInfo: body.more_info,
      details: { a: 1 },
      requestId: `RQ${'1'.repeat(32)}`,
      attempts: 1,
    });
    expect(err).toBeInstanceOf(ProxyError);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: 'ProxyApiError', message: 'Not found', status: 404, code: 20404 });
  });

  it('a redirect is not followed (credentials stay on baseUrl)', async () => {
    const { client, fetch } = testClient(() => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }));
    await expect(client.sessions.list(SERVICE_SID)).rejects.toMatchObject({ status: 302 });
    expect(fetch.calls[0]!.init.redirect).toBe('manual');
  });
});

describe('no secret anywhere', () => {
  const leaks = (s: string) => s.includes(AUTH_TOKEN) || s.includes(btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`));
  const surfaces = (err: unknown) => [
    String((err as Error).message),
    String((err as Error).stack),
    JSON.stringify(err),
    inspect(err, { depth: 10, showHidden: true }),
  ];
  const echo = `server says: token=${AUTH_TOKEN}`;

  it.each([
    ['an API error that echoes the token', () => json({ code: 1, message: echo, status: 400, details: { echo } }, 400)],
    ['a non-JSON error', raw(echo, 500)],
    ['a network error whose message echoes the token', () => Promise.reject(new Error(echo))],
    ['a network error whose cause echoes the token', () => Promise.reject(new TypeError('fetch failed', { cause: new Error(echo) }))],
    ['a timeout', (_: string, init: RequestInit) => hang(init)],
  ])('%s: message, stack, JSON.stringify, util.inspect and logger output are clean', async (_, handler) => {
    const lines: string[] = [];
    const logger = {
      debug: (...a: unknown[]) => lines.push(inspect(a, { depth: 10 })),
      warn: (...a: unknown[]) => lines.push(inspect(a, { depth: 10 })),
    };
    const { client } = testClient(handler, { logger, timeoutMs: 20, maxRetries: 1 });
    const err = await client.sessions.list(SERVICE_SID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyError);
    for (const s of [...surfaces(err), ...lines]) expect(leaks(s)).toBe(false);
    expect(lines.join('\n')).toContain('[redacted]');
    expect(leaks(inspect(client, { depth: 10, showHidden: true })) || leaks(JSON.stringify(client))).toBe(false);
  });

  it('a network error names its cause in the message, without carrying the foreign error', async () => {
    const cause = new Error('ECONNRESET');
    const { client } = testClient(() => Promise.reject(new TypeError('fetch failed', { cause })), { maxRetries: 0 });
    const err = (await client.sessions.list(SERVICE_SID).catch((e: unknown) => e)) as ProxyNetworkError;
    expect(err.message).toBe('Network error: fetch failed (ECONNRESET)');
    expect(err.cause).toBeUndefined();
  });
});

describe('auth', () => {
  afterEach(() => vi.unstubAllEnvs());
  const header = async (options: object) => {
    const { fetch } = testClient(pages(0), options);
    const client = createProxyClient({ baseUrl: 'https://proxy.test', fetch, ...options });
    await client.sessions.list(SERVICE_SID);
    return (fetch.calls.at(-1)!.init.headers as Record<string, string>).authorization;
  };
  const basic = (u: string, p: string) => `Basic ${btoa(`${u}:${p}`)}`;
  const clearEnv = () => {
    for (const k of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY', 'TWILIO_API_SECRET']) vi.stubEnv(k, '');
  };

  it('account SID and auth token from the options', async () => {
    clearEnv();
    expect(await header({ accountSid: ACCOUNT_SID, authToken: 'T' })).toBe(basic(ACCOUNT_SID, 'T'));
  });
  it('API key and secret from the options', async () => {
    clearEnv();
    expect(await header({ accountSid: ACCOUNT_SID, apiKeySid: 'SKx', apiKeySecret: 'S' })).toBe(basic('SKx', 'S'));
  });
  it('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN when options are absent', async () => {
    clearEnv();
    vi.stubEnv('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'E');
    expect(await header({})).toBe(basic(ACCOUNT_SID, 'E'));
  });
  it('TWILIO_API_KEY and TWILIO_API_SECRET (with TWILIO_ACCOUNT_SID)', async () => {
    clearEnv();
    vi.stubEnv('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
    vi.stubEnv('TWILIO_API_KEY', 'SKenv');
    vi.stubEnv('TWILIO_API_SECRET', 'ES');
    expect(await header({})).toBe(basic('SKenv', 'ES'));
  });
  it.each([
    ['nothing', {}],
    ['a token without account SID', { authToken: 'T' }],
    ['an API key without account SID', { apiKeySid: 'SK', apiKeySecret: 'S' }],
    ['an API key without secret', { accountSid: ACCOUNT_SID, apiKeySid: 'SK' }],
  ])('a clear error for %s', (_, options) => {
    clearEnv();
    expect(() => createProxyClient(options)).toThrow(/Missing credentials.*TWILIO_ACCOUNT_SID/);
  });
  it('the API key env also needs TWILIO_ACCOUNT_SID', () => {
    clearEnv();
    vi.stubEnv('TWILIO_API_KEY', 'SKenv');
    vi.stubEnv('TWILIO_API_SECRET', 'ES');
    expect(() => createProxyClient({})).toThrow(ProxyError);
  });
  it.each(['not a url', 'file:///etc', 'mailto:x@y'])('baseUrl %j is refused', (baseUrl) => {
    expect(() => createProxyClient({ accountSid: ACCOUNT_SID, authToken: 'T', baseUrl })).toThrow(/baseUrl/);
  });
  it('sends the user agent', async () => {
    const { client, fetch } = testClient(pages(0), { userAgent: 'my-app/1.0' });
    await client.sessions.list(SERVICE_SID);
    expect((fetch.calls[0]!.init.headers as Record<string, string>)['user-agent']).toBe('my-app/1.0');
  });
});
