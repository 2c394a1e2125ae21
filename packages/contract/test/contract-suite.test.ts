import { afterAll, beforeAll, describe } from 'vitest';
import { type MockProxy, randomPathValue, startMockProxy } from '../src/index.js';
import { specCollections } from '../src/internal/walked-spec.js';
import { defineContractSuite } from '../src/vitest/index.js';
import { type PrismProcess, startPrism } from './helpers/prism.js';

/** Every parent path parameter of the spec: a static mock has no items to discover parents from. */
const parentParams = () => [...new Set(specCollections().flatMap((c) => c.parentParams))];

// Target 1: the mock (self-check on: close() fails the run if any answer broke the spec), reads and every write
// operation of the spec (the suite creates its own items and removes them).
describe('mock', () => {
  let mock: MockProxy;
  beforeAll(async () => {
    mock = await startMockProxy({ count: 137, seed: 11 });
  });
  afterAll(() => mock.close());
  defineContractSuite({
    name: 'contract: mock Proxy',
    writes: true,
    target: () => ({
      baseUrl: mock.url,
      credentials: { username: mock.accountSid, password: mock.authToken },
      serviceSid: mock.serviceSid,
      // Every root parent the spec has, whatever the spec grows (the mock's defaults).
      parents: { ...mock.parents },
    }),
  });
});

// Target 2: Prism 5 serving the same spec. Static: it answers the spec's example page for any
// credentials, service and PageSize, and makes header values up ignoring their patterns.
describe('prism', () => {
  let prism: PrismProcess;
  beforeAll(async () => {
    prism = await startPrism();
  }, 90_000);
  afterAll(() => prism?.stop());
  defineContractSuite({
    name: 'contract: Prism 5 (static mock of the spec)',
    skip: process.env.PRISM_TARGET === 'off' ? 'PRISM_TARGET=off' : false,
    // A static mock can never answer these: they are left out (and named in the title), not skipped.
    unsupported: 'omit',
    target: () => ({
      baseUrl: prism.url,
      credentials: { username: `AC${'a'.repeat(32)}`, password: 'any' },
      serviceSid: `KS${'a'.repeat(32)}`,
      // A static mock takes any well-formed parent, and its example pages may list none: give every parent.
      parents: Object.fromEntries(parentParams().map((p) => [p, randomPathValue(p, 1)])),
    }),
    capabilities: {
      rejectsWrongCredentials: false,
      unknownServiceNotFound: false,
      unknownItemNotFound: false,
      honoursPageSize: false,
      specHeaders: false,
      validatesParameters: true,
      // Prism answers a list with its first example, the documentation's empty page.
      listsItems: false,
    },
  });
});

// Target 3: live Twilio, only with real credentials in the environment; otherwise reported as skipped.
const live = {
  accountSid: process.env.TWILIO_ACCOUNT_SID,
  authToken: process.env.TWILIO_AUTH_TOKEN,
  serviceSid: process.env.PROXY_SERVICE_SID,
};
defineContractSuite({
  name: 'contract: live Twilio',
  skip:
    live.accountSid && live.authToken && live.serviceSid ? false : 'set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and PROXY_SERVICE_SID to run',
  target: () => ({
    baseUrl: 'https://proxy.twilio.com',
    credentials: { username: live.accountSid!, password: live.authToken! },
    serviceSid: live.serviceSid!,
  }),
  pageSize: 50,
  maxPages: 200,
});
