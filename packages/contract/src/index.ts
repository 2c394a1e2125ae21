export {
  validateResponse,
  validateRequest,
  validateSchema,
  assertResponse,
  assertRequest,
  responseKeyFor,
  type ContractIssue,
  type ValidationResult,
  type RequestValidationResult,
  type RequestInput,
  type HeadersLike,
  type ParamValue,
} from './core/validators.js';
export { ContractError, formatIssues } from './core/contract-error.js';
export {
  createFactory,
  namedFactory,
  randomPathValue,
  sidFromPattern,
  type Factory,
  type FactoryOptions,
  type SchemaItem,
  type SchemaName,
} from './core/fixtures.js';
export type { Rng } from './internal/prng.js';
export { ENDED_STATUSES } from './domain-rules.js';
// Named per schema and per root parameter, generated from the spec (e.g. `create<Schema>Factory`).
export * from './generated/factories.gen.js';
export type * from './generated/names.gen.js';
export {
  startMockProxy,
  MOCK_ERROR_CODES,
  type MockProxy,
  type MockProxyOptions,
  type RecordedRequest,
  type SelfCheckViolation,
  type ApiKey,
} from './core/mock-proxy.js';
export { FAULT_KINDS, type FaultKind, type FaultOptions } from './core/faults.js';
