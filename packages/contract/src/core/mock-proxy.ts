// The mock Proxy server, in `mock-proxy/`: its options and handle (`options.ts`), the parents it is given or
// draws (`parents.ts`), CORS and URL helpers (`http.ts`) and the server itself (`start.ts`). This file keeps
// the import path stable.
export { MOCK_ERROR_CODES } from '../internal/mock/answer.js';
export type { ApiKey } from '../internal/mock/auth.js';
export type { SelfCheckViolation } from '../internal/mock/self-check.js';
export type { MockProxy, MockProxyOptions, RecordedRequest } from './mock-proxy/options.js';
export { startMockProxy } from './mock-proxy/start.js';
