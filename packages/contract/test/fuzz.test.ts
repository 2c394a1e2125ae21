import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MockProxy, startMockProxy, validateResponse, validateSchema } from '../src/index.js';
import { basic, mockAuth, raw } from './support/helpers.js';

/** A request exactly as generated: method, raw path+query, Authorization header (absent, empty or any). */
const send = (m: MockProxy, method: string, path: string, auth: string | undefined) =>
  raw(`${m.url}${path}`, { method, headers: auth === undefined ? {} : { authorization: auth } });

describe('fuzz: malformed requests', () => {
  let m: MockProxy;
  let validToken = '';
  beforeAll(async () => {
    m = await startMockProxy({ count: 40, seed: 21 });
    const first = await send(m, 'GET', `/v1/Services/${m.serviceSid}/Sessions?PageSize=5`, mockAuth(m));
    validToken = new URL(JSON.parse(first.text).meta.next_page_url).searchParams.get('PageToken')!;
  });
  afterAll(() => m.close()); // rejects if any of the answers broke the spec

  it('never answers 5xx, never crashes, and every error body is a Twilio error (10,000 requests)', async () => {
    const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
    const sid = fc.oneof(
      fc.constant(() => m.serviceSid),
      hex(32).map((h) => () => `KS${h}`),
      hex(31).map((h) => () => `KS${h}`),
      hex(32).map((h) => () => `KC${h}`),
      fc.constant(() => m.serviceSid.toLowerCase()),
      fc.string({ maxLength: 40 }).map((s) => () => encodeURIComponent(s)),
      fc.constantFrom('%', '%ZZ', '%00', '..', '%2F', '%E0%A4%A', 'KS%30').map((s) => () => s),
    );
    const number = fc.oneof(
      fc.integer({ min: -2000, max: 2000 }).map(String),
      fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
      fc.double().map(String),
      fc.constantFrom('', ' 1', '1 ', '0x10', '1e3', '01', '+5', '-0', 'NaN', 'Infinity', '9007199254740993', '50abc', '١٢'),
    );
    const token = fc.oneof(
      fc.constant(() => validToken),
      fc.constant(() => `${validToken}x`),
      fc.constant(() => validToken.slice(0, -1)),
      fc.string({ maxLength: 60 }).map((s) => () => s),
      fc.base64String({ maxLength: 80 }).map((s) => () => `PT${s}`),
      fc.constant(() => `PT${Buffer.from('a:KCnope').toString('base64url')}.${'A'.repeat(22)}`),
    );
    const param = fc.oneof(
      fc.tuple(fc.constantFrom('PageSize', 'Page'), number).map(
        ([k, v]) =>
          () =>
            [k, v] as const,
      ),
      token.map((t) => () => ['PageToken', t()] as const),
      fc.tuple(fc.constantFrom('pagesize', 'PAGESIZE', 'Foo', '', 'Page[]'), fc.string({ maxLength: 10 })).map(
        ([k, v]) =>
          () =>
            [k, v] as const,
      ),
    );
    const encodeValue = fc.constantFrom('component', 'raw-percent', 'plus');
    const path = fc.oneof(
      { weight: 6, arbitrary: fc.constant((s: string) => `/v1/Services/${s}/Sessions`) },
      fc.constantFrom(
        (s: string) => `/v1/Services/${s}/Sessions/`,
        (s: string) => `/v1/Services/${s}`,
        (s: string) => `/v2/Services/${s}/Sessions`,
        (s: string) => `/v1/Services/${s}/Sessions/KC${'0'.repeat(32)}`,
        (s: string) => `//v1/Services/${s}/Sessions`,
        () => '/',
        () => '/v1/Services//Sessions',
      ),
    );
    const method = fc.oneof(
      { weight: 8, arbitrary: fc.constant('GET') },
      fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
    );
    const auth = fc.oneof(
      { weight: 8, arbitrary: fc.constant(() => mockAuth(m)) },
      fc.constant(() => undefined),
      fc.constant(() => basic(m.accountSid, 'wrong')),
      fc.string({ maxLength: 30 }).map((s) => () => `Basic ${Buffer.from(s).toString('base64')}`),
      fc.constantFrom('Basic', 'Basic !!!', 'Bearer abc', 'basic Og==').map((s) => () => s),
    );

    await fc.assert(
      fc.asyncProperty(method, path, sid, fc.array(fc.tuple(param, encodeValue), { maxLength: 5 }), auth, async (meth, p, s, params, a) => {
        const query = params
          .map(([make, enc]) => {
            const [k, v] = make();
            const value =
              enc === 'component'
                ? encodeURIComponent(v)
                : enc === 'plus'
                  ? encodeURIComponent(v).replace(/%20/g, '+')
                  : encodeURIComponent(v).replace(/%25/g, '%');
            return `${encodeURIComponent(k)}=${value}`;
          })
          .join('&');
        const url = p(s()) + (query ? `?${query}` : '');
        const r = await send(m, meth, url, a());
        expect(r.status, url).toBeLessThan(500);
        if (meth === 'HEAD') return;
        const body = JSON.parse(r.text);
        if (r.status === 200) expect(validateResponse('ListSession', 200, body, r.headers).errors).toEqual([]);
        else expect(validateSchema('TwilioError', body).errors).toEqual([]);
        expect(r.headers['twilio-request-id']).toMatch(/^RQ[0-9a-f]{32}$/);
      }),
      { numRuns: 10_000, seed: 4242 },
    );
    expect(m.requests.length).toBeGreaterThanOrEqual(10_000);
    expect(m.violations).toEqual([]);
  }, 120_000);

  it('still serves normal pages afterwards', async () => {
    const r = await send(m, 'GET', `/v1/Services/${m.serviceSid}/Sessions`, mockAuth(m));
    expect(JSON.parse(r.text).sessions).toEqual(
      createSessionFactory({ seed: 21, serviceSid: m.serviceSid, accountSid: m.accountSid, baseUrl: m.url }).take(40),
    );
  });
});
