import { describe, expect, it } from 'vitest';
import { assertRequest, assertResponse, ContractError, createSessionFactory, validateRequest, validateResponse } from '../src/index.js';

const factory = createSessionFactory({ seed: 7 });
const page = (sessions: unknown[]) => ({
  sessions,
  meta: {
    page: 0,
    page_size: 50,
    key: 'sessions',
    url: 'https://proxy.twilio.com/v1/Services/KS0/Sessions?PageSize=50&Page=0',
    first_page_url: 'https://proxy.twilio.com/v1/Services/KS0/Sessions?PageSize=50&Page=0',
    previous_page_url: null,
    next_page_url: null,
  },
});
const twilioError = (status: number) => ({ code: 20000 + status, message: 'x', more_info: 'https://www.twilio.com/docs/errors/1', status });

describe('validateResponse', () => {
  it.each([
    ['a valid page', 200, page(factory.take(3)), true],
    ['an empty page', 200, page([]), true],
    ['400 error', 400, twilioError(400), true],
    ['401 error', 401, twilioError(401), true],
    ['503 through the 5XX range', 503, twilioError(503), true],
    ['500 through the 5XX range', 500, twilioError(500), true],
    ['an undocumented status', 418, twilioError(418), false],
    ['an error body missing code', 404, { message: 'x', status: 404 }, false],
    ['a page missing meta', 200, { sessions: [] }, false],
  ])('%s', (_name, status, body, valid) => {
    expect(validateResponse('ListSession', status, body).valid).toBe(valid);
  });

  it('points at the failing value with a JSON pointer', () => {
    const [s] = factory.take(1);
    const bad = page([{ ...s, sid: 'XX123', status: 'sleeping' }]);
    delete (bad.meta as any).key;
    const { errors } = validateResponse('ListSession', 200, bad);
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('/sessions/0/sid');
    expect(paths).toContain('/sessions/0/status');
    expect(paths).toContain('/meta/key');
    expect(errors.find((e) => e.path === '/sessions/0/status')?.message).toMatch(/open/);
  });

  it('checks headers case-insensitively, coercing booleans', () => {
    const good = { 'twilio-request-id': `RQ${'a'.repeat(32)}`, 'Access-Control-Allow-Credentials': 'true' };
    expect(validateResponse('ListSession', 200, page([]), good).valid).toBe(true);
    const bad = validateResponse(
      'ListSession',
      200,
      page([]),
      new Headers({ 'Twilio-Request-Id': 'RQ1', 'access-control-allow-credentials': 'maybe' }),
    );
    expect(bad.errors.map((e) => `${e.in} ${e.path}`).sort()).toEqual(
      ['header /Access-Control-Allow-Credentials', 'header /Twilio-Request-Id', 'header /Twilio-Request-Id'].sort(),
    );
  });

  it('throws a readable ContractError', () => {
    expect(() => assertResponse('ListSession', 200, { sessions: 1 })).toThrow(ContractError);
    expect(() => assertResponse('ListSession', 200, { sessions: 1 })).toThrow(
      /ListSession response 200[\s\S]*body \/sessions: must be array/,
    );
  });

  it('rejects an unknown operationId', () => {
    expect(() => validateResponse('Nope', 200, {})).toThrow(/Unknown operationId/);
  });
});

describe('validateRequest', () => {
  const sid = factory.serviceSid;
  it.each([
    ['no query', {}, true],
    ['PageSize as a string', { PageSize: '20' }, true],
    ['PageSize at the maximum', { PageSize: '1000' }, true],
    ['PageSize above the maximum', { PageSize: '1001' }, false],
    ['PageSize zero', { PageSize: '0' }, false],
    ['PageSize not an integer', { PageSize: '2.5' }, false],
    ['PageSize garbage', { PageSize: 'abc' }, false],
    ['Page negative', { Page: '-1' }, false],
    ['repeated PageSize', { PageSize: ['1', '2'] }, false],
    ['a PageToken', { PageToken: 'anything' }, true],
  ])('%s', (_name, query, valid) => {
    expect(validateRequest('ListSession', { path: { ServiceSid: sid }, query }).valid).toBe(valid);
  });

  it('coerces values and reports paths', () => {
    const ok = validateRequest('ListSession', { path: { ServiceSid: sid }, query: new URLSearchParams('PageSize=5&Page=2') });
    expect(ok.values.query).toEqual({ PageSize: 5, Page: 2 });
    const bad = validateRequest('ListSession', { path: { ServiceSid: 'KS1' }, query: { PageSize: '0' } });
    expect(bad.errors.map((e) => `${e.in} ${e.path}`)).toEqual(expect.arrayContaining(['path /ServiceSid', 'query /PageSize']));
    expect(() => assertRequest('ListSession', {})).toThrow(/path \/ServiceSid: is required/);
  });
});
