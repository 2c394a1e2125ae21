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
export { createSessionFactory, ENDED_STATUSES, type SessionFactory, type SessionFactoryOptions } from './core/fixtures.js';
export {
  startMockProxy,
  randomServiceSid,
  MOCK_ERROR_CODES,
  type MockProxy,
  type MockProxyOptions,
  type RecordedRequest,
  type SelfCheckViolation,
  type ApiKey,
} from './core/mock-proxy.js';
export { FAULT_KINDS, type FaultKind, type FaultOptions } from './core/faults.js';
