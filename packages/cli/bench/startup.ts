// pnpm bench (start-up): how long a fresh process of the built bins takes to be useful, before and after a change
// to how the spec is read (the bundled spec, $refs kept, read and dereferenced on first use; one walk of it shared
// by the contract and the CLI, `walkedSpec()`):
//   - the mock: `proxy-mock --port 0` from spawn to the first answer of its printed `Try` URL (and its RSS then);
//   - the CLI: `twilio-proxy --help` to exit, and a list of the mock's one top-level resource to exit.
// "Before" is a checkout with built packages named by BENCH_STARTUP_BEFORE (e.g. a worktree of main before this
// change, `pnpm build` run in it; BENCH_STARTUP_BEFORE_LABEL says what it is); without it the section shows the
// figures recorded at 526ff66 beside this run's.
// Runs interleave before and after; each figure is a median of BENCH_RUNS (default 15). Writes BENCHMARKS.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { operationsMeta } from '@twilio-proxy/types';
import { kebabCase } from '@twilio-proxy/types/walker';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { repoRoot } from '../../../scripts/lib/paths.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 15));
const beforeRoot = process.env.BENCH_STARTUP_BEFORE;
// What the before tree is, for the section (its path means nothing on another machine).
const beforeLabel = process.env.BENCH_STARTUP_BEFORE_LABEL ?? beforeRoot;

/** Wall and CPU (user + system) ms of each measure, and the mock's RSS in bytes at its first answer. */
type Figures = Record<'mock' | 'help' | 'list', { wall: number; cpu: number }> & { rss: number; spec: number };
// Medians measured at 526ff66 with this file (BENCH_STARTUP_BEFORE = a copy of its build, 15 runs), 2026-12-03.
const RECORDED: Figures & { commit: string } = {
  commit: '526ff66',
  mock: { wall: 228, cpu: 307 },
  help: { wall: 175, cpu: 173 },
  list: { wall: 260, cpu: 266 },
  rss: 70.3 * 2 ** 20,
  spec: 9.8,
};

// Each child reports its own CPU time at exit on fd 3: CPU time hardly moves when other jobs share the machine,
// where wall time does. The mock's includes its shutdown (a few ms): it is stopped right after its first answer.
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });",
)}`;
const bins = (root: string) => ({
  mock: path.join(root, 'packages/contract/dist/bin/mock.js'),
  cli: path.join(root, 'packages/cli/dist/bin.js'),
});
const launch = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawn(process.execPath, ['--import', REPORT_CPU, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    env: { ...process.env, ...env },
  });

/** The exit code and the CPU ms a child reported, once it has exited. */
const exited = (child: ChildProcess): Promise<{ code: number | null; cpu: number }> =>
  new Promise((resolve) => {
    let text = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => {
      text += c;
    });
    child.once('close', (code) => resolve({ code, cpu: Number(text.trim()) }));
  });

/** A mock from `root`, up and answering: ms from spawn to the first answer of its `Try` URL, its RSS then. */
async function startMock(root: string) {
  const t0 = performance.now();
  const child = launch(bins(root).mock, ['--port', '0']);
  const done = exited(child);
  let text = '';
  const [, account, token, url] = await new Promise<string[]>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      const found = /curl -u (\w+):(\S+) '([^']+)'/.exec(text);
      if (found) resolve([...found]);
    });
    void done.then(() => reject(new Error(`proxy-mock exited: ${text}`)));
  });
  const res = await fetch(url!, { headers: { authorization: `Basic ${Buffer.from(`${account}:${token}`).toString('base64')}` } });
  if (!res.ok) throw new Error(`the mock answered ${res.status}`);
  await res.arrayBuffer();
  const wall = performance.now() - t0;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const stop = async () => {
    child.kill();
    return (await done).cpu;
  };
  return { wall, rss, origin: new URL(url!).origin, env: { TWILIO_ACCOUNT_SID: account!, TWILIO_AUTH_TOKEN: token! }, stop };
}

/** Wall and CPU ms of the CLI of `root` with `args`, spawn to exit; a non-zero exit fails the bench. */
async function timeCli(root: string, args: string[], env?: Record<string, string>) {
  const t0 = performance.now();
  const { code, cpu } = await exited(launch(bins(root).cli, args, env));
  if (code !== 0) throw new Error(`twilio-proxy ${args.join(' ')}: exit ${code}`);
  return { wall: performance.now() - t0, cpu };
}

// The one list that needs no parent: the mock's printed top-level resource, as the CLI spells it.
const topLevel = Object.values(operationsMeta).find((op) => op.list && !op.parameters.some((p) => p.in === 'path'));
if (!topLevel) throw new Error('the spec has no top-level list');
const listArgs = [kebabCase(topLevel.resource), 'list', '--output', 'json'];

/** ms to import `openapi-document` from `root`'s build and read a member: the spec load alone, eager or lazy. */
async function timeSpecLoad(root: string): Promise<number> {
  const url = pathToFileURL(path.join(root, 'packages/types/dist/openapi-document.js')).href;
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(url)}); m.openapiDocument.openapi; console.log(performance.now() - t);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (c: Buffer) => {
    text += c;
  });
  await new Promise((resolve) => child.once('close', resolve));
  return Number(text.trim());
}

type Sample = { wall: number; cpu: number };
const trees: Array<[label: string, root: string]> = [['after', repoRoot]];
if (beforeRoot) trees.push(['before', beforeRoot]);
const samples = new Map(
  trees.map(([label]) => [
    label,
    { mock: [] as Sample[], help: [] as Sample[], list: [] as Sample[], rss: [] as number[], spec: [] as number[] },
  ]),
);
// One mock, of this tree, serves every CLI list run: only the CLI's own start-up differs between trees.
const server = await startMock(repoRoot);
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [label, root] of run % 2 ? [...trees].reverse() : trees) {
      const s = samples.get(label)!;
      const mock = await startMock(root);
      s.mock.push({ wall: mock.wall, cpu: await mock.stop() });
      s.rss.push(mock.rss);
      s.spec.push(await timeSpecLoad(root));
      s.help.push(await timeCli(root, ['--help']));
      s.list.push(await timeCli(root, [...listArgs, '--base-url', server.origin], server.env));
    }
  }
} finally {
  await server.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const both = (xs: Sample[]) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
const figures = (label: string): Figures => {
  const s = samples.get(label)!;
  return { mock: both(s.mock), help: both(s.help), list: both(s.list), rss: median(s.rss), spec: median(s.spec) };
};
const after = figures('after');
const before: Figures = beforeRoot ? figures('before') : RECORDED;
const beforeNote = beforeRoot
  ? `before: ${beforeLabel}, measured in this run, interleaved`
  : `before: recorded at ${RECORDED.commit} (set BENCH_STARTUP_BEFORE to a built checkout to measure it in the same run)`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
// A process's start-up moves by ±5% from run to run on a shared machine: within that, it is no slower.
const SPREAD = 1.05;
const verdict = (a: number, b: number) => `${(a / b).toFixed(2)}× | ${a <= b * SPREAD ? 'met' : '**not met**'}`;
const rows = (what: string, key: 'mock' | 'help' | 'list') => [
  `| ${what}, CPU | ${ms(before[key].cpu)} | ${ms(after[key].cpu)} | ${verdict(after[key].cpu, before[key].cpu)} |`,
  `| ${what}, wall | ${ms(before[key].wall)} | ${ms(after[key].wall)} | ${(after[key].wall / before[key].wall).toFixed(2)}× | |`,
];
const MiB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const out = [
  `Fresh processes of the built bins (Node ${process.version}), medians of ${RUNS} runs; ${beforeNote}.`,
  'Target: no slower than before in CPU time, within the ±5% a process start-up moves from run to run here',
  '(after ÷ before ≤ 1.05×); wall time is shown beside it and moves with the machine’s load. The spec load alone',
  '(import `openapi-document` and read a member, in a fresh process) is the part the lazy spec moves; the rest of a',
  'start-up is Node and the modules. A process loads the spec on first use only: importing a package reads no file. The mock',
  'and the CLI read the bundled spec, dereference it in memory, and share one walk of it (`walkedSpec()`), where each',
  'package used to walk it again.',
  '',
  '| start-up | before | after | after ÷ before | |',
  '| --- | ---: | ---: | ---: | :---: |',
  `| spec load: import \`openapi-document\`, read a member | ${before.spec.toFixed(1)} ms | ${after.spec.toFixed(1)} ms | ${verdict(after.spec, before.spec)} |`,
  ...rows('mock: spawn `proxy-mock --port 0` → first answer', 'mock'),
  `| mock: RSS at its first answer | ${MiB(before.rss)} | ${MiB(after.rss)} | ${verdict(after.rss, before.rss)} |`,
  ...rows('CLI: `twilio-proxy --help` → exit', 'help'),
  ...rows(`CLI: \`twilio-proxy ${listArgs.join(' ')}\` against the mock → exit`, 'list'),
].join('\n');
console.log(out);
await writeBenchmarkSection('startup', 'Mock and CLI start-up (the spec read on first use)', out);
console.log('\nwrote the startup section of BENCHMARKS.md');
