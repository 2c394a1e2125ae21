import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MockProxy, startMockProxy } from '../src/index.js';
import { contractMatchers, installContractMatchers } from '../src/vitest/index.js';
import { listUrl, mockAuth } from './helpers/helpers.js';

installContractMatchers();

describe('toSatisfyContract', () => {
  let m: MockProxy;
  beforeAll(async () => {
    m = await startMockProxy({ count: 3 });
  });
  afterAll(() => m.close());

  it('accepts a fetch Response and leaves its body readable', async () => {
    const res = await fetch(listUrl(m), { headers: { authorization: mockAuth(m) } });
    await expect(res).toSatisfyContract('ListSession');
    expect((await res.json()).sessions).toHaveLength(3);
  });

  it('works through .resolves on a pending fetch', async () => {
    await expect(fetch(listUrl(m))).resolves.toSatisfyContract('ListSession');
  });

  it('accepts an openapi-fetch style result', async () => {
    const response = await fetch(listUrl(m), { headers: { authorization: mockAuth(m) } });
    const data = await response.json();
    await expect({ data, error: undefined, response }).toSatisfyContract('ListSession');
  });

  it('accepts a plain { status, body, headers }', async () => {
    await expect({ status: 404, body: { code: 20404, message: 'x', status: 404 } }).toSatisfyContract('ListSession');
    await expect({ status: 200, body: { sessions: 'nope' } }).not.toSatisfyContract('ListSession');
  });

  it('names the operation, the status and the failing JSON paths', async () => {
    const [s] = createSessionFactory({ seed: 1 }).take(1);
    const body = { sessions: [{ ...s, sid: 'bad' }], meta: {} };
    const error = await expect({ status: 200, body, headers: { 'Twilio-Request-Id': 'RQ-nope' } })
      .toSatisfyContract('ListSession')
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).toMatch(/ListSession response 200/);
    expect(error?.message).toMatch(/body \/sessions\/0\/sid: must match pattern/);
    expect(error?.message).toMatch(/body \/meta\/key: is required/);
    expect(error?.message).toMatch(/header \/Twilio-Request-Id/);
  });

  it('fails on an undocumented status and on a bad input', async () => {
    const r1 = await contractMatchers.toSatisfyContract({ status: 302, body: '' }, 'ListSession');
    expect(r1.pass).toBe(false);
    expect(r1.message()).toMatch(/status 302 is not documented/);
    const r2 = await contractMatchers.toSatisfyContract(42, 'ListSession');
    expect([r2.pass, r2.message()]).toEqual([false, expect.stringMatching(/expects a fetch Response/)]);
  });
});
