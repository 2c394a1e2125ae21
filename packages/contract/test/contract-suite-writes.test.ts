import { afterAll, beforeAll, describe } from 'vitest';
import { type MockProxy, startMockProxy } from '../src/index.js';
import { defineContractSuite } from '../src/vitest/index.js';

// The suite with writes opted in, against the mock: every write operation of the spec (none on the real spec;
// the published-API fixture copy of the workflow tests has 13). The self-check must hold for every answer.
describe('mock, writes opted in', () => {
  let mock: MockProxy;
  beforeAll(async () => {
    mock = await startMockProxy({ count: 9, perParent: 2, seed: 12 });
  });
  afterAll(() => mock.close());
  defineContractSuite({
    name: 'contract: mock Proxy with writes',
    writes: true,
    pageSize: 4,
    target: () => ({
      baseUrl: mock.url,
      credentials: { username: mock.accountSid, password: mock.authToken },
      serviceSid: mock.serviceSid,
    }),
  });
});
