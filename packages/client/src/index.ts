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
export {
  Page,
  type IterateOptions,
  type ListItem,
  type ListOperationId,
  type ParamsOf,
  type RequestOptions,
} from './core/pagination.js';
export type { ListSessionsOptions, SessionsResource } from './core/sessions.js';
export { parseSessionDates, type SessionDateField, type WithDates } from './core/session-dates.js';
export type { Logger, RetryOptions } from './core/transport.js';
export type { Session, SessionStatus, SessionMode, PageMeta } from '@twilio-proxy/types';
