// The consumer program of `pnpm test:pack`: copied into a project outside the workspace, typechecked there against
// the packed tarballs (so not by this repo's tsconfig) and run.
import { createProxyClient, ProxyApiError, type ProxyClient } from '@twilio-proxy/client';
import { startMockProxy, validateResponse } from '@twilio-proxy/contract';
import { operationsMeta, type Session } from '@twilio-proxy/types';

const mock = await startMockProxy({ count: 7 });
try {
  const client: ProxyClient = createProxyClient({ accountSid: mock.accountSid, authToken: mock.authToken, baseUrl: mock.url });
  const sessions: Session[] = await client.sessions.all(mock.serviceSid, { pageSize: 3 });
  if (sessions.length !== 7) throw new Error(`expected 7 sessions, got ${sessions.length}`);
  const status: 'open' | 'in-progress' | 'closed' | 'failed' | 'unknown' | null = sessions[0]!.status;

  // @ts-expect-error: the ServiceSid is a string, so the types are real rather than any.
  void (() => client.sessions.list(42));

  const wrong = createProxyClient({ accountSid: mock.accountSid, authToken: 'not-the-token', baseUrl: mock.url, maxRetries: 0 });
  let denied: unknown;
  try {
    await wrong.sessions.list(mock.serviceSid);
  } catch (error) {
    denied = error;
  }
  if (!(denied instanceof ProxyApiError) || denied.status !== 401) throw new Error(`expected a 401 ProxyApiError, got ${String(denied)}`);
  if (typeof validateResponse !== 'function') throw new Error('validateResponse is not exported');

  console.log(JSON.stringify({ ok: true, sessions: sessions.length, status, path: operationsMeta.ListSession.path }));
} finally {
  await mock.close();
}
