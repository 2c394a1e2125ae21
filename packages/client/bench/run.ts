// pnpm bench (client): this client against a raw fetch loop, bare openapi-fetch and twilio-node on one loopback
// server; peak RSS and live memory from 100k to 1M sessions at PageSize 50 and 1000; the gain of fetching one
// page ahead; the bundle size. Every figure is a median over interleaved runs, printed with its target and
// whether it is met, and the table replaces the client's section of BENCHMARKS.md. About 9 minutes on 2 cores.
import { type ChildProcess, fork } from 'node:child_process';
import { setTimeout as wait } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { bundledSize, openapiFetchSize } from '../test/helpers/bundle-size.js';
import {
  ACCOUNT,
  bareOpenapiFetch,
  type Contender,
  createProxyClient,
  rawFetch,
  SERVICE,
  TOKEN,
  thisClient,
  twilioNode,
} from './contenders.js';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 9));
const RSS_RUNS = Math.max(3, Number(process.env.BENCH_RSS_RUNS ?? 5));
const TOTAL = 100_000;
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

async function startServer(total: number, latencyMs: number, cache: boolean): Promise<{ origin: string; child: ChildProcess }> {
  const child = fork(here('./server.ts'), [String(total), String(latencyMs), cache ? 'cache' : ''], { execArgv: ['--import', 'tsx'] });
  const { origin } = await new Promise<{ origin: string }>((resolve) => child.once('message', resolve as never));
  return { origin, child };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

/** Wall time and this process's CPU time (user + system): CPU time hardly moves when other jobs share the machine. */
async function timeBoth(f: () => Promise<unknown>): Promise<[wall: number, cpu: number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  await f();
  const wall = performance.now() - t;
  const { user, system } = process.cpuUsage(c);
  return [wall, (user + system) / 1000];
}

const out: string[] = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};
/** One row of the targets table: the median (and range over the runs), then the target and verdict, if any. */
const targets: string[] = [];
const summary = (measure: string, values: number[], goal = '', verdict = '') =>
  targets.push(`| ${measure} | ${median(values).toFixed(2)}× | ${range(values)} | ${goal} | ${verdict} |`);
function target(measure: string, values: number[], limit: number, every = false) {
  const judged = every ? Math.max(...values) : median(values);
  summary(measure, values, `≤ ${limit}×${every ? ' every run' : ''}`, judged <= limit ? 'met' : '**not met**');
}

// 1. Time to list 100,000 sessions: each round runs every contender once, in a rotated order; ratios are taken
// within a round (same machine state), then the median over the rounds.
const contenders: [string, Contender][] = [
  ['raw fetch loop', rawFetch],
  ['bare openapi-fetch', bareOpenapiFetch],
  ['@twilio-proxy/client each()', thisClient],
  ['twilio-node each()', twilioNode],
];
const { origin, child: server } = await startServer(TOTAL, 0, true);
log(`### Listing ${TOTAL.toLocaleString('en')} sessions over loopback`);
log();
log(`Median of ${RUNS} interleaved rounds, ms of wall clock and of the client process's CPU (user + system). The`);
log('server runs in its own process with its page bodies cached, so it costs next to nothing.');
log();
log('| page size | clock | raw fetch | bare openapi-fetch | this client | twilio-node |');
log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const pageSize of [50, 1000]) {
  const wall = contenders.map((): number[] => []);
  const cpu = contenders.map((): number[] => []);
  for (const [, f] of contenders) await f(origin, pageSize); // warm-up: JIT, connections, the server's cache
  for (let r = 0; r < RUNS; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const k = (i + r) % contenders.length;
      const [name, f] = contenders[k]!;
      let count = 0;
      const [w, c] = await timeBoth(async () => (count = await f(origin, pageSize)));
      if (count !== TOTAL) throw new Error(`${name} listed ${count} sessions`);
      wall[k]!.push(w);
      cpu[k]!.push(c);
    }
  }
  for (const [clock, series] of [
    ['wall', wall],
    ['CPU', cpu],
  ] as const) {
    log(`| ${pageSize} | ${clock} | ${series.map((s) => median(s).toFixed(0)).join(' | ')} |`);
    const ratio = (a: number, b: number) => series[a]!.map((x, r) => x / series[b]![r]!);
    target(`client ÷ raw fetch, PageSize ${pageSize}, ${clock}`, ratio(2, 0), 1.05);
    target(`client ÷ twilio-node, PageSize ${pageSize}, ${clock}`, ratio(2, 3), 0.5, true);
    // No target: the same ratio for the bare fetch loop shows how low any fetch-based client can go.
    summary(`(floor) raw fetch ÷ twilio-node, PageSize ${pageSize}, ${clock}`, ratio(0, 3));
  }
}
server.kill();

// 2. Peak RSS of each() from the built client, one plain-Node child process per run, 100k vs 1M sessions.
const big = await startServer(1_000_000, 0, false);
const listIn = async (limit: number, pageSize: number, mode: string, execArgv: string[] = []) => {
  const child = fork(here('./rss-child.mjs'), [big.origin, String(limit), String(pageSize), SERVICE, ACCOUNT, TOKEN, mode], {
    execArgv,
  });
  const r = await new Promise<{ count: number; maxRssMb: number; live: number[] }>((resolve) => child.once('message', resolve as never));
  if (r.count !== limit) throw new Error(`rss child listed ${r.count}`);
  return r;
};
const rss = async (limit: number, pageSize: number, mode = 'client') => (await listIn(limit, pageSize, mode)).maxRssMb;
log();
log(`### Peak RSS of \`each()\` (median of ${RSS_RUNS} runs, one child process each, built client, no loader)`);
log();
log('The raw fetch loop is the control: what Node itself does over the same pages. Each run lists 100k and 1M');
log('sessions back to back, in alternating order; ranges are over the runs, the ratio is taken within a run. Peak');
log("RSS varies by ±5% between identical runs, and part of the 1M ÷ 100k growth is V8's, not the lister's: its");
log('young generation grows (to 2 × 16 MB) with the bytes that survive scavenges, so it can finish growing before or');
log('after 100k sessions, and a longer run has more major GCs whose peaks it keeps. The control shows both.');
log();
log('| page size | lister | 100,000 sessions | 1,000,000 sessions | 1M ÷ 100k (range) |');
log('| --- | --- | ---: | ---: | ---: |');
const mb = (xs: number[], digits = 0) =>
  `${median(xs).toFixed(digits)} MB (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const LISTERS = { client: 'this client', raw: 'raw fetch loop (control)' } as const;
for (const pageSize of [50, 1000]) {
  const growth: Record<string, number[]> = {};
  for (const mode of ['client', 'raw'] as const) {
    const small: number[] = [];
    const large: number[] = [];
    for (let r = 0; r < RSS_RUNS; r++) {
      // Alternating which size goes first, so a drift of the machine's state does not favour one of them.
      for (const limit of r % 2 ? [1_000_000, 100_000] : [100_000, 1_000_000])
        (limit === 100_000 ? small : large).push(await rss(limit, pageSize, mode));
    }
    const ratios = large.map((l, r) => l / small[r]!);
    growth[mode] = ratios;
    log(`| ${pageSize} | ${LISTERS[mode]} | ${mb(small)} | ${mb(large)} | ${median(ratios).toFixed(2)}× (${range(ratios)}) |`);
    if (mode === 'client') target(`peak RSS 1M ÷ 100k sessions, PageSize ${pageSize}`, ratios, 1.05);
  }
  log(`| ${pageSize} | client's growth ÷ control's | | | ${(median(growth.client!) / median(growth.raw!)).toFixed(2)}× |`);
}

// Peak RSS keeps V8's sizing of its heap; what the lister itself holds is what survives a full GC. One 1M listing
// per run with --expose-gc, sampled at every 100,000th session: live memory at 1M against live at 100k. These are
// runs of their own: the forced GCs would lower the peaks measured above.
log();
log(`### Live memory after full GCs (heap used + external; median of ${RSS_RUNS} runs, one 1M listing each)`);
log();
log('| page size | lister | at 100,000 sessions | at 1,000,000 sessions | 1M ÷ 100k (range) |');
log('| --- | --- | ---: | ---: | ---: |');
for (const pageSize of [50, 1000]) {
  for (const mode of ['client', 'raw'] as const) {
    const first: number[] = [];
    const last: number[] = [];
    for (let r = 0; r < RSS_RUNS; r++) {
      const { live } = await listIn(1_000_000, pageSize, mode, ['--expose-gc']);
      first.push(live[0]!);
      last.push(live.at(-1)!);
    }
    const ratios = last.map((l, r) => l / first[r]!);
    log(`| ${pageSize} | ${LISTERS[mode]} | ${mb(first, 1)} | ${mb(last, 1)} | ${median(ratios).toFixed(2)}× (${range(ratios)}) |`);
    if (mode === 'client') target(`live memory 1M ÷ 100k sessions (after full GCs), PageSize ${pageSize}`, ratios, 1.05);
  }
}
big.child.kill();

// 3. Prefetch: 20 ms server latency and 20 ms of consumer work per page; sequential and prefetched alternate.
const PAGES = 40;
const slow = await startServer(PAGES * 50, 20, true);
const client = createProxyClient({ accountSid: ACCOUNT, authToken: TOKEN, baseUrl: slow.origin });
const sequential = async () => {
  for (let page: Awaited<ReturnType<typeof client.sessions.list>> | null = await client.sessions.list(SERVICE); page; ) {
    await wait(20); // the consumer's work on this page, then only ask for the next
    page = await page.nextPage();
  }
};
const prefetched = async () => {
  let i = 0;
  for await (const _ of client.sessions.each(SERVICE)) if (i++ % 50 === 0) await wait(20);
};
await sequential();
await prefetched();
const seq: number[] = [];
const pre: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const order: [() => Promise<void>, number[]][] = [
    [sequential, seq],
    [prefetched, pre],
  ];
  for (const [f, into] of r % 2 ? order.reverse() : order) into.push((await timeBoth(f))[0]);
}
slow.child.kill();
log();
log(`### Prefetch (${PAGES} pages of 50, 20 ms server latency + 20 ms consumer work per page, ${RUNS} rounds)`);
log();
log('| sequential list()/nextPage() | each() with one page ahead | each() ÷ sequential |');
log('| ---: | ---: | ---: |');
log(`| ${median(seq).toFixed(0)} ms | ${median(pre).toFixed(0)} ms | ${(median(pre) / median(seq)).toFixed(2)}× |`);
target(
  'prefetch ÷ sequential',
  pre.map((p, r) => p / seq[r]!),
  0.6,
  true,
);

// 4. Size of the whole client, as test/size.test.ts measures it, and where its bytes are.
const size = await bundledSize();
const base = await openapiFetchSize();
log();
log(
  `### Size: ${size.min.toLocaleString('en')} bytes minified, ${size.gzip.toLocaleString('en')} bytes min+gzip (esbuild, openapi-fetch, the spec table and the generated facade included)`,
);
log();
log(
  `openapi-fetch's createClient alone is ${base.gzip.toLocaleString('en')} bytes min+gzip, so this package adds ${(size.gzip - base.gzip).toLocaleString('en')}. Minified bytes by file:`,
);
log();
log('| file | minified bytes |');
log('| --- | ---: |');
for (const [file, bytes] of Object.entries(size.inputs).sort((a, b) => b[1] - a[1])) log(`| ${file} | ${bytes.toLocaleString('en')} |`);
targets.push(`| size, min+gzip | ${(size.gzip / 1000).toFixed(2)} kB | | ≤ 5 kB | ${size.gzip <= 5000 ? 'met' : '**not met**'} |`);

log();
log('### Targets');
log();
log('Ratios are taken within each round, then summarised: median, and range over the rounds. A target marked');
log('"every run" is met only when the worst round meets it.');
log();
log('| measure | median | range | target | |');
log('| --- | ---: | ---: | ---: | :---: |');
for (const row of targets) log(row);

await writeBenchmarkSection('client', '`@twilio-proxy/client`: speed, memory, prefetch', out.join('\n'));
console.log('\nwrote the client section of BENCHMARKS.md');
process.exit(0);
