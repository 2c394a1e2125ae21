export { createProxyClient, type ProxyClient, type ProxyClientOptions } from './core/client.js';
export {
  CREDENTIAL_VARIABLES,
  type CredentialEnv,
  type Credentials,
  credentialSecrets,
  findCredentials,
  type ResolvedCredentials,
  resolveCredentials,
} from './core/credentials.js';
export { type DateField, parseDates, type WithDates } from './core/dates.js';
export {
  ProxyApiError,
  ProxyError,
  type ProxyErrorFields,
  ProxyNetworkError,
  ProxyPaginationError,
  ProxyTimeoutError,
  ProxyValidationError,
} from './core/errors.js';
export { type IterateOptions, type ListItem, type ListOperationId, Page, PagePromise } from './core/pagination.js';
export { createRedactor, MIN_SECRET_LENGTH, redact } from './core/redact.js';
export type {
  BodyOf,
  BodyOptions,
  BodyOptionsOf,
  ParamsOf,
  QueryOptions,
  RequestBody,
  RequestOptions,
  SuccessBody,
  SuccessOf,
} from './core/request.js';
export type { OperationsApi } from './core/resource.js';
export type { Logger, RetryOptions } from './core/transport.js';
export * from './generated/resources.gen.js';
