export { createProxyClient, type ProxyClient, type ProxyClientOptions } from './core/client.js';
export {
  CREDENTIAL_VARIABLES,
  credentialSecrets,
  findCredentials,
  resolveCredentials,
  type CredentialEnv,
  type Credentials,
  type ResolvedCredentials,
} from './core/credentials.js';
export { createRedactor, MIN_SECRET_LENGTH, redact } from './core/redact.js';
export {
  ProxyApiError,
  ProxyError,
  ProxyNetworkError,
  ProxyPaginationError,
  ProxyTimeoutError,
  ProxyValidationError,
  type ProxyErrorFields,
} from './core/errors.js';
export { Page, type IterateOptions, type ListItem, type ListOperationId } from './core/pagination.js';
export type { ParamsOf, QueryOptions, RequestBody, RequestOptions, SuccessBody } from './core/request.js';
export type { OperationsApi } from './core/resource.js';
export { parseDates, type DateField, type WithDates } from './core/dates.js';
export type { Logger, RetryOptions } from './core/transport.js';
export * from './generated/resources.gen.js';
