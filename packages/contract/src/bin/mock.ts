#!/usr/bin/env node
/**
 * `pnpm mock --count 1000 --port 4010`: a mock Twilio Proxy List Sessions server for local work.
 * The printed token is the mock's own, generated per run unless given; it is no real secret.
 */
import { parseArgs } from 'node:util';
import { FAULT_KINDS, startMockProxy, type FaultKind } from '../index.js';

const USAGE = `Usage: proxy-mock [options]
  --count <n>          sessions to generate (default 1000)
  --port <n>           port on 127.0.0.1 (default 4010; 0 = any free port)
  --host <addr>        address to bind (default 127.0.0.1)
  --seed <n>           seed of sessions and faults (default 1)
  --service-sid <KS…>  Service SID to serve (default: derived from the seed)
  --account-sid <AC…>  Account SID (default: derived from the seed)
  --auth-token <t>     auth token to accept (default: random)
  --latency <ms>       delay added to every answer
  --fault-rate <0..1>  share of requests that get a fault
  --faults <a,b>       fault kinds to draw from: ${FAULT_KINDS.join(', ')}
  --self-check         validate every answer against the spec and report violations
  -h, --help`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      'service-sid': { type: 'string' },
      'account-sid': { type: 'string' },
      'auth-token': { type: 'string' },
      latency: { type: 'string' },
      'fault-rate': { type: 'string' },
      faults: { type: 'string' },
      'self-check': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const int = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  const kinds = values.faults?.split(',').map((k) => k.trim()) as FaultKind[] | undefined;
  for (const k of kinds ?? []) if (!FAULT_KINDS.includes(k)) throw new Error(`Unknown fault ${k}; use ${FAULT_KINDS.join(', ')}`);
  const rate = values['fault-rate'] === undefined ? undefined : Number(values['fault-rate']);
  if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new Error('--fault-rate must be between 0 and 1');
  const seed = int('seed', values.seed) ?? 1;
  return run({
    count: int('count', values.count) ?? 1000,
    port: int('port', values.port) ?? 4010,
    host: values.host,
    seed,
    serviceSid: values['service-sid'],
    accountSid: values['account-sid'],
    authToken: values['auth-token'],
    latencyMs: int('latency', values.latency),
    faults: rate !== undefined || kinds ? { seed, rate: rate ?? (kinds ? 0.1 : 0), kinds } : undefined,
    selfCheck: values['self-check'],
  });
}

async function run(options: Parameters<typeof startMockProxy>[0] & {}): Promise<void> {
  const mock = await startMockProxy(options);
  const list = `${mock.url}/v1/Services/${mock.serviceSid}/Sessions`;
  console.log(`Mock Twilio Proxy listening on ${mock.url}
  Account SID:  ${mock.accountSid}
  Auth token:   ${mock.authToken}
  Service SID:  ${mock.serviceSid}
  Sessions:     ${mock.sessions.length}
  Try:          curl -u ${mock.accountSid}:${mock.authToken} '${list}?PageSize=5'
Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping after ${mock.requests.length} requests.`);
    mock.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(err.message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

try {
  await main();
} catch (err) {
  console.error(`proxy-mock: ${(err as Error).message}\n\n${USAGE}`);
  process.exitCode = 2;
}
