import { operationsMeta } from '@twilio-proxy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, MOCK_ERROR_CODES, type MockProxy, startMockProxy, validateResponse, validateSchema } from '../src/index.js';
import { basic, listUrl, mockAuth, pageThrough, raw } from './helpers/helpers.js';

const pageSizeRule = operationsMeta.ListSession.parameters.find((p) => p.name === 'PageSize')!.schema;

describe('startMockProxy', () => {
  let m: MockProxy;
  beforeAll(async () => {
    m = await startMockProxy({ count: 120, seed: 3, apiKeys: [{ sid: `SK${'1'.repeat(32)}`, secret: 'api-secret' }] });
  });
  afterAll(() => m.close()); // rejects if any response violated the spec

  it('listens on loopback with a free port', () => {
    expect(m.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the default page size from the spec with absolute URLs and Twilio headers', async () => {
    const r = await raw(listUrl(m), { auth: mockAuth(m) });
    expect(r.status).toBe(200);
    expect(validateResponse('ListSession', 200, r.json, r.headers as any).errors).toEqual([]);
    expect(r.json.sessions).toHaveLength(pageSizeRule.default);
    expect(r.json.meta).toMatchObject({ key: 'sessions', page: 0, page_size: pageSizeRule.default, previous_page_url: null });
    for (const k of ['url', 'first_page_url', 'next_page_url'])
      expect(r.json.meta[k]).toMatch(new RegExp(`^${m.url}/v1/Services/${m.serviceSid}/Sessions\\?PageSize=50&Page=\\d+`));
    expect(r.json.meta.next_page_url).toMatch(/PageToken=/);
    expect(r.headers['twilio-request-id']).toMatch(/^RQ[0-9a-f]{32}$/);
    expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toHaveLength(5);
  });

  it('accepts an API key and its secret', async () => {
    expect((await raw(listUrl(m), { auth: basic(`SK${'1'.repeat(32)}`, 'api-secret') })).status).toBe(200);
  });

  it.each([
    ['no credentials', undefined, 401, MOCK_ERROR_CODES.unauthorized],
    ['a wrong token', 'wrong', 401, MOCK_ERROR_CODES.unauthorized],
    ['not Basic', 'Bearer x', 401, MOCK_ERROR_CODES.unauthorized],
  ])('answers %s with 401', async (_n, auth, status, code) => {
    const header = auth === 'wrong' ? basic(m.accountSid, 'nope') : auth;
    const r = await raw(listUrl(m), { auth: header });
    expect([r.status, r.json.code]).toEqual([status, code]);
    expect(r.text).not.toContain(m.authToken);
  });

  it.each([
    ['an unknown service', (x: MockProxy) => `${x.url}/v1/Services/KS${'0'.repeat(32)}/Sessions`, 404, MOCK_ERROR_CODES.notFound],
    ['a malformed service SID', (x: MockProxy) => `${x.url}/v1/Services/nope/Sessions`, 404, MOCK_ERROR_CODES.notFound],
    ['an unknown path', (x: MockProxy) => `${x.url}/v1/NoSuchResources`, 404, MOCK_ERROR_CODES.notFound],
    ['PageSize 0', (x: MockProxy) => listUrl(x, '?PageSize=0'), 400, MOCK_ERROR_CODES.badRequest],
    ['PageSize above the maximum', (x: MockProxy) => listUrl(x, `?PageSize=${pageSizeRule.maximum + 1}`), 400, MOCK_ERROR_CODES.badRequest],
    ['PageSize 2.5', (x: MockProxy) => listUrl(x, '?PageSize=2.5'), 400, MOCK_ERROR_CODES.badRequest],
    ['Page abc', (x: MockProxy) => listUrl(x, '?Page=abc'), 400, MOCK_ERROR_CODES.badRequest],
    ['a forged PageToken', (x: MockProxy) => listUrl(x, '?PageToken=PTYTpLQ.aaaaaaaaaaaaaaaaaaaaaa'), 400, MOCK_ERROR_CODES.badRequest],
  ])('answers %s with a Twilio error', async (_n, url, status, code) => {
    const r = await raw(url(m), { auth: mockAuth(m) });
    expect([r.status, r.json.code]).toEqual([status, code]);
    expect(validateSchema('TwilioError', r.json).errors).toEqual([]);
  });

  it('answers other methods with 405', async () => {
    // A method no Twilio path has; Allow names the methods the spec has on the path (GET, and POST with creates).
    const allow = Object.values(operationsMeta)
      .filter((o) => o.path === operationsMeta.ListSession.path)
      .map((o) => o.method)
      .join(', ');
    const r = await raw(listUrl(m), { auth: mockAuth(m), method: 'PUT' });
    expect([r.status, r.json.code, r.headers.allow]).toEqual([405, MOCK_ERROR_CODES.methodNotAllowed, allow]);
  });

  it('pages through every session once, honouring PageSize, and previous links go back', async () => {
    const pages = await pageThrough(listUrl(m, '?PageSize=7'), mockAuth(m));
    const sids = pages.flatMap((p) => p.sessions.map((s: any) => s.sid));
    expect(sids).toEqual(m.sessions.map((s) => s.sid));
    expect(pages.slice(0, -1).every((p) => p.sessions.length === 7)).toBe(true);
    expect(pages.map((p) => p.meta.page)).toEqual(pages.map((_p, i) => i));
    const back = await raw(pages[2].meta.previous_page_url, { auth: mockAuth(m) });
    expect(back.json.sessions).toEqual(pages[1].sessions);
  });

  it('keeps a listing consistent while sessions are added', async () => {
    const local = await startMockProxy({ count: 10, seed: 9 });
    try {
      const first = await raw(listUrl(local, '?PageSize=4'), { auth: mockAuth(local) });
      local.addSessions(createSessionFactory({ seed: 99, serviceSid: local.serviceSid, accountSid: local.accountSid }).take(3));
      const rest = await pageThrough(first.json.meta.next_page_url, mockAuth(local));
      const sids = [...first.json.sessions, ...rest.flatMap((p) => p.sessions)].map((s: any) => s.sid);
      expect(sids).toEqual(local.sessions.map((s) => s.sid));
      expect(new Set(sids).size).toBe(13);
    } finally {
      await local.close();
    }
  });

  it('rejects a PageToken signed by another server, even for the same service and sessions', async () => {
    const other = await startMockProxy({ count: 120, seed: 3, authToken: m.authToken });
    try {
      const next = (await raw(listUrl(other, '?PageSize=5'), { auth: mockAuth(other) })).json.meta.next_page_url as string;
      expect(other.serviceSid).toBe(m.serviceSid);
      const r = await raw(next.replace(other.url, m.url), { auth: mockAuth(m) });
      expect([r.status, r.json.code, r.json.message]).toEqual([400, MOCK_ERROR_CODES.badRequest, 'Invalid PageToken']);
    } finally {
      await other.close();
    }
  });

  it('answers an empty list with next_page_url null', async () => {
    const empty = await startMockProxy();
    try {
      const r = await raw(listUrl(empty), { auth: mockAuth(empty) });
      expect(r.json.sessions).toEqual([]);
      expect(r.json.meta.next_page_url).toBeNull();
    } finally {
      await empty.close();
    }
  });

  it('records method, url and status but never the credentials', () => {
    expect(m.requests.length).toBeGreaterThan(5);
    expect(m.requests[0]).toMatchObject({ method: 'GET', status: 200, fault: null });
    expect(JSON.stringify(m.requests)).not.toMatch(/authorization|Basic /i);
    expect(JSON.stringify(m.requests)).not.toContain(m.authToken);
  });
});

describe('self-check', () => {
  let m: MockProxy | undefined;
  afterEach(async () => {
    await m?.close().catch(() => {});
  });

  it('records a response that breaks the spec and close() rejects', async () => {
    const bad = createSessionFactory({ seed: 1 }).take(2);
    (bad[1] as any).sid = 'not-a-sid';
    m = await startMockProxy({ sessions: bad });
    await raw(listUrl(m), { auth: mockAuth(m) });
    expect(m.violations[0]?.errors.map((e) => e.path)).toContain('/sessions/1/sid');
    await expect(m.close()).rejects.toThrow(/sessions\/1\/sid/);
  });
});

describe('the default parents', () => {
  it('serves `count` sessions under its default service (the one service), and perParent items below', async () => {
    const mock = await startMockProxy({ count: 5, perParent: 2, seed: 3 });
    try {
      expect(mock.services).toHaveLength(1);
      expect(mock.services[0]!.sid).toBe(mock.serviceSid);
      expect(mock.sessions).toHaveLength(5);
      expect(mock.sessions.every((s) => s.service_sid === mock.serviceSid)).toBe(true);
      expect(mock.participants).toHaveLength(2);
      expect([...mock.sessions, ...mock.services].every((i) => i.url!.startsWith(mock.url))).toBe(true);
      expect(mock.parents).toMatchObject({ ServiceSid: mock.serviceSid });
    } finally {
      await mock.close();
    }
  });

  it('finds a service or session by its unique name in place of the SID', async () => {
    const mock = await startMockProxy({ count: 3, seed: 9 });
    try {
      const named = mock.addSessions([{ ...mock.sessions[0]!, sid: `KC${'e'.repeat(32)}`, unique_name: 'Order #7/8' }])[0]!;
      const bySid = await raw(mock.urlFor('FetchSession', { Sid: named.sid! }), { auth: mockAuth(mock) });
      const byName = await raw(mock.urlFor('FetchSession', { Sid: 'Order #7/8' }), { auth: mockAuth(mock) });
      expect(byName.status).toBe(200);
      expect(byName.json).toEqual(bySid.json);
      const service = mock.services[0]!;
      if (typeof service.unique_name === 'string') {
        const r = await raw(mock.urlFor('FetchService', { Sid: service.unique_name }), { auth: mockAuth(mock) });
        expect(r.json.sid).toBe(service.sid);
      }
      // A name no item has is 404, as an unknown SID is.
      expect((await raw(mock.urlFor('FetchSession', { Sid: 'no such name' }), { auth: mockAuth(mock) })).status).toBe(404);
    } finally {
      await mock.close();
    }
  });
});
