// pnpm bench: this client against a raw fetch loop, bare openapi-fetch and twilio-node on one loopback
// server, plus peak RSS (100k vs 1M sessions) and the gain of fetching one page ahead. Prints markdown.
import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as wait } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createProxyClient } from '../src/index.js';
import { ACCOUNT, bareOpenapiFetch, rawFetch, SERVICE, thisClient, TOKEN, twilioNode, type Contender } from './contenders.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOTAL = 100_000;
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const execArgv = ['--conditions=@twilio-proxy/source', '--import', 'tsx'];

async function startServer(total: number, latencyMs: number, cache: boolean): Promise<{ origin: string; child: ChildProcess }> {
  const child = fork(here('./server.ts'), [String(total), String(latencyMs), cache ? 'cache' : ''], { execArgv: ['--import', 'tsx'] });
  const { origin } = await new Promise<{ origin: string }>((resolve) => child.once('message', resolve as never));
  return { origin, child };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}
/** Wall time and this process's CPU time (user + system): CPU time hardly moves when other jobs share the machine. */
async function timeBoth(f: () => Promise<unknown>): Promise<[number, number]> {
  const c = process.cpuUsage();
  const wall = await time(f);
  const { user, system } = process.cpuUsage(c);
  return [wall, (user + system) / 1000];
}

const out: string[] = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};
const verdict = (ratio: number, target: number) => `${ratio.toFixed(2)}× (target ≤ ${target}×) ${ratio <= target ? '✅' : '❌'}`;

// 1. Time to list 100,000 sessions.
const contenders: [string, Contender][] = [
  ['raw fetch loop', rawFetch],
  ['bare openapi-fetch', bareOpenapiFetch],
  ['@twilio-proxy/client each()', thisClient],
  ['twilio-node each()', twilioNode],
];
const { origin, child: server } = await startServer(TOTAL, 0, true);
log(`### Listing ${TOTAL.toLocaleString('en')} sessions (median of ${RUNS}, ms of wall clock and of client-process CPU; Node ${process.version}, loopback)`);
log();
log('| page size | clock | raw fetch | bare openapi-fetch | this client | twilio-node | client ÷ raw fetch | client ÷ twilio-node |');
log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const pageSize of [50, 1000]) {
  const times = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  const cpu = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  await rawFetch(origin, pageSize); // warm-up: fills the server's page cache
  for (let r = 0; r < RUNS; r++) {
    // Rotate the order each round so no contender always runs on a warmer machine.
    for (let i = 0; i < contenders.length; i++) {
      const [name, f] = contenders[(i + r) % contenders.length]!;
      let count = 0;
      const [wall, used] = await timeBoth(async () => (count = await f(origin, pageSize)));
      if (count !== TOTAL) throw new Error(`${name} listed ${count} sessions`);
      times.get(name)!.push(wall);
      cpu.get(name)!.push(used);
    }
  }
  for (const [clock, series] of [['wall', times], ['CPU', cpu]] as const) {
    const m = contenders.map(([name]) => median(series.get(name)!));
    log(`| ${pageSize} | ${clock} | ${m.map((x) => x.toFixed(0)).join(' | ')} | ${verdict(m[2]! / m[0]!, 1.05)} | ${verdict(m[2]! / m[3]!, 0.5)} |`);
  }
}
server.kill();

// 2. Peak RSS of each() over 100k and 1M sessions, one child process per measurement.
const big = await startServer(1_000_000, 0, false);
const rss = async (limit: number, pageSize: number) => {
  const child = fork(here('./rss.ts'), [big.origin, String(limit), String(pageSize)], { execArgv });
  const r = await new Promise<{ count: number; maxRssMb: number }>((resolve) => child.once('message', resolve as never));
  if (r.count !== limit) throw new Error(`rss child listed ${r.count}`);
  return r.maxRssMb;
};
log();
log('### Peak RSS of `each()` (one child process per run)');
log();
log('| page size | 100,000 sessions | 1,000,000 sessions | 1M ÷ 100k |');
log('| --- | --- | --- | --- |');
// PageSize 1000 (the bulk setting); 1M at PageSize 50 is 20,000 requests, too slow for a 5-minute bench.
for (const pageSize of [1000]) {
  const small = await rss(100_000, pageSize);
  const large = await rss(1_000_000, pageSize);
  log(`| ${pageSize} | ${small.toFixed(0)} MB | ${large.toFixed(0)} MB | ${verdict(large / small, 1.1)} |`);
}
big.child.kill();

// 3. Prefetch: 20 ms server latency and 20 ms of consumer work per page.
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
  seq.push(await time(sequential));
  pre.push(await time(prefetched));
}
slow.child.kill();
log();
log(`### Prefetch (${PAGES} pages of 50, 20 ms server latency + 20 ms consumer work per page)`);
log();
log('| sequential list()/nextPage() | each() with one page ahead | each() ÷ sequential |');
log('| --- | --- | --- |');
log(`| ${median(seq).toFixed(0)} ms | ${median(pre).toFixed(0)} ms | ${verdict(median(pre) / median(seq), 0.6)} |`);
process.exit(0);
