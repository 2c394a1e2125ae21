/** @module-tag slow */
import type { JsonObject, WalkedOperation } from '@twilio-proxy/types/walker';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MockProxy, startMockProxy, validateResponse, validateSchema } from '../src/index.js';
import { createRouter } from '../src/internal/mock/router.js';
import { specCollections, specOperations } from '../src/internal/walked-spec.js';
import { basic, mockAuth, raw } from './helpers/helpers.js';

/** A request exactly as generated: method, raw path+query, Authorization header (absent, empty or any). */
const send = (m: MockProxy, method: string, path: string, auth: string | undefined) =>
  raw(`${m.url}${path}`, { method, headers: auth === undefined ? {} : { authorization: auth } });

const router = createRouter();

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
        // Writes the spec defines are the write fuzz's (below); here a method the spec has on the path is a read.
        const routed = router.match(url.split('?')[0]!)?.route.methods;
        const method = meth !== 'GET' && routed?.has(meth) ? 'PUT' : meth;
        const r = await send(m, method, url, a());
        expect(r.status, url).toBeLessThan(500);
        if (method === 'HEAD') return;
        const body = JSON.parse(r.text);
        const operationId = routed?.get(method)?.operationId ?? 'ListSession';
        if (r.status === 200) expect(validateResponse(operationId, 200, body, r.headers).errors).toEqual([]);
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

// Writes: random and malformed form bodies, wrong methods, huge fields, on every write operation of the spec (13 on
// the real spec; a spec with none skips this block). A rejected request changes nothing.
const writeOps = [...specOperations().values()].filter((op) => ['create', 'update', 'remove'].includes(op.action));

describe.skipIf(writeOps.length === 0)('fuzz: writes', () => {
  let w: MockProxy;
  beforeAll(async () => {
    w = await startMockProxy({ count: 5, perParent: 2, seed: 33 });
  });
  afterAll(() => w.close()); // rejects if any answer broke the spec

  /** Every listed collection under the default parents (or that it is gone), as text: what a rejected write must not change. */
  const snapshot = () =>
    specCollections()
      .filter((c) => c.list && c.schema)
      .map((c) => {
        try {
          return JSON.stringify(w.items(c.resource));
        } catch {
          return 'gone';
        }
      })
      .join('\n');

  it('never answers 5xx, every error is a Twilio error, and a rejected write changes nothing (10,000 requests)', async () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', 'true', 'false', 'TRUE', '1', '-1', '1.5', '1e309', 'null', '[]', '{', '2030-01-02T03:04:05Z', 'not-a-date'),
      fc.constantFrom('open', 'closed', 'in-progress', 'carrier-pigeon', 'message-only', 'voice-and-message', 'country'),
      fc.integer({ min: 0, max: 5 }).map((n) => 'x'.repeat(10 ** n)),
    );
    const fieldName = (op: WalkedOperation) =>
      fc.oneof(
        { weight: 5, arbitrary: op.body?.fields.length ? fc.constantFrom(...op.body.fields.map((f) => f.name)) : fc.constant('Foo') },
        fc.constantFrom('NoSuchField', 'sid', 'AccountSid', 'uniqueName', '', '%', 'Ttl[]'),
      );
    const request = fc.constantFrom(...writeOps).chain((op) =>
      fc.record({
        op: fc.constant(op),
        method: fc.oneof(
          { weight: 6, arbitrary: fc.constant(op.method as string) },
          fc.constantFrom('PUT', 'PATCH', 'POST', 'DELETE', 'GET'),
        ),
        item: fc.oneof({ weight: 3, arbitrary: fc.constant('existing') }, fc.constantFrom('random', 'malformed', 'parent-unknown')),
        fields: fc.array(fc.tuple(fieldName(op), junk), { maxLength: 6 }),
        raw: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, fc.constantFrom('%', '%ZZ=1', '=&&=', 'a=%E0%A4%A', '\u0000=\u0000')),
      }),
    );
    let fives = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ op, method, item, fields, raw: rawBody }) => {
        const c = specCollections().find((x) => x.operations.includes(op))!;
        const values: Record<string, string> = {};
        const onItem = op.pathParams.length > c.parentParams.length;
        if (item === 'parent-unknown' && c.parentParams.length) values[c.parentParams.at(-1)!] = `XX${'0'.repeat(32)}`;
        if (onItem) {
          let listed: string | undefined;
          try {
            listed = w.items<JsonObject>(c.resource)[0]?.[c.idProperty];
          } catch {
            listed = undefined;
          }
          values[op.pathParams.at(-1)!] =
            item === 'existing' && listed
              ? listed
              : item === 'malformed'
                ? 'nope%20sid'
                : `${c.idProperty === 'sid' ? 'XX' : 'YY'}${'1'.repeat(32)}`;
        }
        let url: string;
        try {
          url = w.urlFor(op.operationId, values);
        } catch {
          return; // a default parent is gone (removed by an earlier request): nothing to address
        }
        const body = rawBody ?? new URLSearchParams(fields).toString();
        const before = snapshot();
        const r = await raw(url, {
          method,
          auth: mockAuth(w),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) },
          body,
        });
        if (r.status >= 500) fives++;
        expect(r.status, `${method} ${url} ${body.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(validateSchema('TwilioError', r.json).errors).toEqual([]);
          expect(snapshot(), `${method} ${url} → ${r.status} changed the store`).toBe(before);
        }
      }),
      { numRuns: 10_000, seed: 1717 },
    );
    expect(fives).toBe(0);
    expect(w.requests.length).toBeGreaterThanOrEqual(9_000);
    expect(w.violations).toEqual([]);
  }, 300_000);
});
