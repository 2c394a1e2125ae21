#!/usr/bin/env node
/**
 * `pnpm mock --count 1000 --port 4010`: a mock Twilio Proxy server for local work, serving every operation
 * of the spec. The printed token is the mock's own, generated per run unless given; it is no real secret.
 */
import { parseArgs } from 'node:util';
import { fillPath, kebabCase, sidShapeOf } from '@twilio-proxy/types/walker';
import { FAULT_KINDS, type FaultKind, type MockProxy, startMockProxy } from '../index.js';
import { isTopLevel, parentParamsOf } from '../internal/mock/default-parents.js';
import { isSidPattern, pathParamSchema, specCollections } from '../internal/walked-spec.js';

/** Parent path parameters get a flag each (`{FooSid}` → `--foo-sid`) and a label (`Foo SID`): the default parents. */
const roots = parentParamsOf(specCollections()).map((p) => p.param);
const label = (param: string) => param.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/\bSid\b/, 'SID');
const placeholder = (param: string) => {
  const pattern = pathParamSchema(param)?.pattern;
  return isSidPattern(pattern) ? `<${sidShapeOf({ pattern })!.prefix}…>` : '<value>';
};
const rootFlags = roots
  .map((p) => `  --${`${kebabCase(p)} ${placeholder(p)}`.padEnd(18)} ${label(p)} to serve (default: derived from the seed)`)
  .join('\n');

const USAGE = `Usage: proxy-mock [options]
  --count <n>          items in each top-level collection (default 1000)
  --per-parent <n>     items per parent in each nested collection (default 3)
  --port <n>           port on 127.0.0.1 (default 4010; 0 = any free port)
  --host <addr>        address to bind (default 127.0.0.1)
  --seed <n>           seed of items and faults (default 1)
${rootFlags}
  --account-sid <AC…>  Account SID (default: derived from the seed)
  --auth-token <t>     auth token to accept (default: random)
  --latency <ms>       delay added to every answer
  --fault-rate <0..1>  share of requests that get a fault
  --faults <a,b>       fault kinds to draw from: ${FAULT_KINDS.join(', ')}
  --self-check         validate every answer against the spec and report violations
  --request-log <n>    keep the last n requests, printed on stop (default 0: none, so memory stays flat)
  -h, --help`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      'per-parent': { type: 'string', default: '3' },
      ...Object.fromEntries(roots.map((p) => [kebabCase(p), { type: 'string' as const }])),
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      'account-sid': { type: 'string' },
      'auth-token': { type: 'string' },
      latency: { type: 'string' },
      'fault-rate': { type: 'string' },
      faults: { type: 'string' },
      'self-check': { type: 'boolean', default: false },
      'request-log': { type: 'string', default: '0' },
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
    perParent: int('per-parent', values['per-parent'] as string | undefined) ?? 3,
    parents: Object.fromEntries(
      roots.flatMap((p) => {
        const v = (values as Record<string, unknown>)[kebabCase(p)];
        return typeof v === 'string' ? [[p, v]] : [];
      }),
    ),
    port: int('port', values.port) ?? 4010,
    host: values.host,
    seed,
    accountSid: values['account-sid'],
    authToken: values['auth-token'],
    latencyMs: int('latency', values.latency),
    faults: rate !== undefined || kinds ? { seed, rate: rate ?? (kinds ? 0.1 : 0), kinds } : undefined,
    selfCheck: values['self-check'],
    // A long-running server must not keep every request: a bounded ring, off unless asked for.
    requestLog: int('request-log', values['request-log']) ?? 0,
  });
}

async function run(options: Parameters<typeof startMockProxy>[0] & {}): Promise<void> {
  const mock = await startMockProxy(options);
  console.log(`Mock Twilio Proxy listening on ${mock.url}\n${describe(mock, options.perParent ?? 3)}\nPress Ctrl-C to stop.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const log = mock.requests.map((r) => `  ${r.method} ${r.url} → ${r.status ?? '-'}${r.fault ? ` (${r.fault})` : ''}`);
    console.log(`\n${signal}: stopping.${log.length ? `\nLast ${log.length} requests:\n${log.join('\n')}` : ''}`);
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

/** What the mock serves, read from the spec: credentials, root values, every list with its size and URL. */
function describe(mock: MockProxy, perParent: number): string {
  const rows: Array<[string, string]> = [
    ['Account SID', mock.accountSid],
    ['Auth token', mock.authToken],
    ...roots.flatMap((p): Array<[string, string]> => (mock.parents[p] ? [[label(p), mock.parents[p]]] : [])),
  ];
  let example: string | undefined;
  for (const c of specCollections()) {
    if (!c.list) continue;
    const topLevel = isTopLevel(c) && c.parentParams.every((p) => mock.parents[p]);
    const path = fillPath(c.list.path, (p) => mock.parents[p] ?? `{${p}}`);
    rows.push([c.resource, `${topLevel ? mock.items(c.resource).length : `${perParent} per parent`}  GET ${path}`]);
    // The first list's page size under the name its spec gives it (none when the list has no such parameter).
    const size = c.list.list!.paging.pageSize;
    if (topLevel) example ??= mock.urlFor(c.list.operationId, {}, size ? { [size]: 5 } : {});
  }
  if (example) rows.push(['Try', `curl -u ${mock.accountSid}:${mock.authToken} '${example}'`]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `  ${`${k}:`.padEnd(width)}${v}`).join('\n');
}

try {
  await main();
} catch (err) {
  console.error(`proxy-mock: ${(err as Error).message}\n\n${USAGE}`);
  process.exitCode = 2;
}
