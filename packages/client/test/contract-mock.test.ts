/** @module-tag slow */
// Integration with the contract package's Twilio-faithful mock (self-checked against the spec on every answer).
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyClient, ProxyApiError } from '../src/index.js';
import { fakeSleep } from './helpers/fake-fetch.js';

let mock: MockProxy | undefined;
afterEach(async () => {
  await mock?.close(); // rejects if any answer broke the spec
  mock = undefined;
});

const clientOf = (m: MockProxy, extra: object = {}) =>
  createProxyClient({ accountSid: m.accountSid, authToken: m.authToken, baseUrl: m.url, sleep: fakeSleep(), timeoutMs: 5000, ...extra });

describe('against @twilio-proxy/contract startMockProxy', () => {
  it('pages every session in order, through scripted faults', async () => {
    mock = await startMockProxy({
      count: 1234,
      faults: {
        sequence: ['rate-limit', null, 'unavailable', null, 'reset', null, 'truncate', null, 'server-error', null, 'stall'],
        stallMs: 2000,
      },
    });
    // Generous timeout and retries: only the scripted faults may fail a request, not a loaded CI machine.
    const got = await clientOf(mock, { timeoutMs: 1500, maxRetries: 5 }).sessions.all(mock.serviceSid, { pageSize: 100 });
    expect(got.map((s) => s.sid)).toEqual(mock.sessions.map((s) => s.sid));
  });

  it('limit stops early, one request per needed page', async () => {
    mock = await startMockProxy({ count: 500 });
    const got = await clientOf(mock).sessions.all(mock.serviceSid, { pageSize: 50, limit: 120 });
    expect(got).toHaveLength(120);
    expect(mock.requests).toHaveLength(3);
  });

  it('wrong credentials give a ProxyApiError 401 with Twilio code and request id, no retry', async () => {
    mock = await startMockProxy({ count: 3 });
    const err = await clientOf(mock, { authToken: 'wrong' })
      .sessions.list(mock.serviceSid)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status: 401, code: 20003, attempts: 1, requestId: expect.stringMatching(/^RQ/) });
    expect(mock.requests).toHaveLength(1);
  });
});
