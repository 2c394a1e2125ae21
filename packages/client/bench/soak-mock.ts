// Child process of the soak: the mock alone, with faults on and no request log, so the live memory it reports
// (after full GCs, on the parent's asking) is the mock's own and not the load generator's.
import { startMockProxy } from '@twilio-proxy/contract';

const [seedArg, rateArg] = process.argv.slice(2);
const mock = await startMockProxy({
  count: 20,
  seed: Number(seedArg ?? 1),
  selfCheck: false,
  requestLog: 0,
  // 429s (retried, Retry-After 0 so the run keeps its pace), 500s (a create is not retried: told it failed)
  // and slow answers; no resets or cut bodies: with those a create may be done and still be reported failed.
  faults: { seed: 7, rate: Number(rateArg ?? 0.05), kinds: ['rate-limit', 'server-error', 'latency'], retryAfter: 0, latencyMs: 50 },
});

/** Heap used + external after full GCs; the second comes after a turn of the loop, once freed buffers are swept. */
async function live(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('soak-mock needs --expose-gc');
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}

process.on('message', async (m: { type: string }) => {
  if (m.type === 'sample') process.send!({ type: 'sample', mb: await live() });
  if (m.type === 'stop') await mock.close().finally(() => process.exit(0));
});
process.send!({ type: 'ready', url: mock.url, accountSid: mock.accountSid, authToken: mock.authToken, parents: mock.parents });
