export { ContractError, formatIssues } from './core/contract-error.js';
export { FAULT_KINDS, type FaultKind, type FaultOptions } from './core/faults.js';
export {
  createFactory,
  type Factory,
  type FactoryOptions,
  namedFactory,
  randomPathValue,
  type SchemaItem,
  type SchemaName,
  sidFromPattern,
} from './core/fixtures.js';
export {
  type ApiKey,
  MOCK_ERROR_CODES,
  type MockProxy,
  type MockProxyOptions,
  type RecordedRequest,
  type SelfCheckViolation,
  startMockProxy,
} from './core/mock-proxy.js';
export {
  assertRequest,
  assertResponse,
  type ContractIssue,
  type HeadersLike,
  type ParamValue,
  type RequestInput,
  type RequestValidationResult,
  responseKeyFor,
  type ValidationResult,
  validateRequest,
  validateResponse,
  validateSchema,
} from './core/validators.js';
export { ENDED_STATUSES } from './domain-rules.js';
// Named per schema and per root parameter, generated from the spec (e.g. `create<Schema>Factory`).
export * from './generated/factories.gen.js';
export type * from './generated/names.gen.js';
export type { Rng } from './internal/prng.js';
// Types `expect(…).toSatisfyContract` (type-only: the root never loads vitest), so `setupFiles` alone is enough.
export type {} from './vitest/matcher-types.js';
