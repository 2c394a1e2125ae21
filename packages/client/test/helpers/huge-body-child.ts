// Child process of response-size.test.ts: one list request against a server whose body never ends, then the
// outcome and this process's peak RSS (so the test process's own memory does not count).
import { createProxyClient } from '../../src/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID } from './sessions.js';

const client = createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: process.argv[2]!, timeoutMs: 60_000 });
const err = (await client.sessions.list(SERVICE_SID).then(
  () => undefined,
  (e: unknown) => e,
)) as Record<string, unknown> | undefined;
process.send!({
  error: err && { name: err.name, reason: err.reason, status: err.status, requestId: err.requestId, attempts: err.attempts },
  maxRssMb: process.resourceUsage().maxRSS / 1024,
});
