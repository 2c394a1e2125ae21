import type { Factory, FactoryOptions } from './core/fixtures/factory.js';
import type { MockProxy, MockProxyOptions } from './core/mock-proxy/options.js';
import type { MockNamedFields, MockNamedOptions, TargetNamedValues } from './generated/names.gen.js';
import type { ContractTarget } from './vitest/contract-suite/options.js';

/** The hand-written members of a type that also carries generated named fields. */
type Own<T, Named> = Exclude<keyof T, keyof Named>;
/** Every member of T, each exactly once: the compiler fails when one is added to T and missed here. */
type Every<K extends PropertyKey> = Record<K, true>;

const mock = {
  url: true,
  accountSid: true,
  authToken: true,
  parents: true,
  requests: true,
  violations: true,
  items: true,
  add: true,
  urlFor: true,
  setFaults: true,
  close: true,
} satisfies Every<Own<MockProxy, MockNamedFields>>;

const mockOptions = {
  count: true,
  perParent: true,
  counts: true,
  parents: true,
  productionUrls: true,
  seed: true,
  accountSid: true,
  authToken: true,
  apiKeys: true,
  port: true,
  host: true,
  faults: true,
  latencyMs: true,
  selfCheck: true,
  recordRequests: true,
  requestLog: true,
} satisfies Every<Own<Required<MockProxyOptions>, MockNamedOptions>>;

const target = { baseUrl: true, credentials: true, parents: true } satisfies Every<Own<Required<ContractTarget>, TargetNamedValues>>;

const factory = { schema: true, parents: true, accountSid: true, next: true, take: true } satisfies Every<keyof Factory<unknown>>;

const factoryOptions = { seed: true, parents: true, accountSid: true, start: true, baseUrl: true } satisfies Every<keyof FactoryOptions>;

/**
 * Members of the mock, its options, the suite's target and the factories that a generated named field must never
 * shadow. `pnpm generate` reads this list (render-contract.ts), so a member added here is reserved at once.
 */
export const RESERVED_MEMBER_NAMES: ReadonlySet<string> = new Set(
  [mock, mockOptions, target, factory, factoryOptions].flatMap((members) => Object.keys(members)),
);
