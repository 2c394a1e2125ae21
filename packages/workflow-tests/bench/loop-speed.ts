/**
 * `pnpm bench` (this package): how fast the spec author's loop and the test tiers are, beside the figures before
 * TypeScript 7 and the test tiers (issue 22), on a clean clone of HEAD:
 *   - `pnpm test` after install (the inner tier), once: it also builds what the other rows need;
 *   - a cold `pnpm generate` (the clone's first run, then the median of the next runs);
 *   - `pnpm typecheck --force` (no turbo cache), median of several;
 *   - `pnpm dev`: save → verdict with one property edited, by step (lint, generate, typecheck, tests, from the
 *     verdict line; docs and API reports follow the verdict on a line of their own), median of several saves;
 *   - `.ci/run` by step, read from a log of a whole run when `CI_RUN_LOG` names one (it takes minutes and runs
 *     in CI on a clean clone; this bench does not start it).
 * Takes about 6 minutes on a 2-core machine.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { machineLine, writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { cloneRepo, Proc } from '../e2e/helpers/temp-repo.js';
import { median, secs, timed } from './timed.js';

const RUNS = Number(process.env.LOOP_SPEED_RUNS ?? 3);
const log = (msg: string) => console.log(`[loop-speed ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const VERDICT = /verdict: (PASS|FAIL) in ([\d.]+) s \((.*)\)\n/;
const FOLLOW = /docs and API reports: (\S+) in ([\d.]+) s/;

/** The first spec file (openapi/**) with a text field's `maxLength: N` (N ≥ 100, not a SID's 34): the property each save edits. */
async function editableProperty(dir: string): Promise<{ file: string; text: string; line: string }> {
  const files = (await readdir(path.join(dir, 'openapi'), { recursive: true }))
    .filter((f) => f.endsWith('.yaml') && !f.includes('redocly') && !f.includes('node_modules'))
    .sort();
  for (const f of files) {
    const file = path.join(dir, 'openapi', f);
    const text = await readFile(file, 'utf8');
    const line = /^\s+maxLength: \d{3,}$/m.exec(text)?.[0];
    if (line) return { file, text, line };
  }
  throw new Error('no `maxLength: N` in the spec: pick another property to edit');
}

const clone = await cloneRepo('loop-speed-');
const rows: { measure: string; before: string; now: string; target: string; met: string }[] = [];
const breakdown: string[] = [];
try {
  log('pnpm test on the clean clone (inner tier)');
  const test = await timed(clone.dir, ['pnpm', 'test']);
  if (!test.ok) throw new Error(`pnpm test failed on the clone:\n${test.output.slice(-4000)}`);
  const testTasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(test.output);
  rows.push({
    measure: '`pnpm test` on a clean clone, after install (1 run)',
    before: '8.0 min (Node 24)',
    now: `${(test.wallMs / 60_000).toFixed(1)} min (${testTasks?.[1] ?? '?'} tasks)`,
    target: '≤ 3 min',
    met: test.wallMs <= 180_000 ? 'met' : 'not met',
  });

  log('cold pnpm generate');
  const gens = [];
  for (let i = 0; i < RUNS + 2; i++) gens.push(await timed(clone.dir, ['pnpm', 'generate']));
  const genMedian = median(gens.slice(1).map((g) => g.wallMs));
  rows.push({
    measure: 'cold `pnpm generate` (first run of the clone; median of the next)',
    before: '4.1 s',
    now: `${secs(gens[0]!.wallMs)}; ${secs(genMedian)}`,
    target: '≤ 1.5 s',
    met: gens[0]!.wallMs <= 1500 ? 'met' : genMedian <= 1500 ? 'met warm, not met cold' : 'not met',
  });

  log('pnpm typecheck --force');
  const checks = [];
  for (let i = 0; i < RUNS; i++) checks.push((await timed(clone.dir, ['pnpm', 'typecheck', '--force'])).wallMs);
  rows.push({
    measure: '`pnpm typecheck`, no turbo cache',
    before: '42 s',
    now: secs(median(checks)),
    target: '≤ 6 s',
    met: median(checks) <= 6000 ? 'met' : 'not met',
  });

  log('pnpm dev: save → verdict');
  const property = await editableProperty(clone.dir);
  const dev = new Proc(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], clone.dir);
  const verdicts: { ms: number; steps: string; follow: string }[] = [];
  try {
    await dev.waitFor(/watching/, 60_000);
    for (let i = 0; i < RUNS; i++) {
      const from = dev.output.length;
      const n = Number(/\d+/.exec(property.line)![0]) - (i % 2 === 0 ? 1 : 0);
      const started = performance.now();
      await writeFile(property.file, property.text.replace(property.line, property.line.replace(/\d+/, String(n))));
      const m = await dev.waitFor(VERDICT, 600_000, from);
      const ms = performance.now() - started;
      if (m[1] !== 'PASS') throw new Error(`the verdict failed:\n${dev.output.slice(from)}`);
      const follow = await dev.waitFor(FOLLOW, 600_000, from);
      verdicts.push({ ms, steps: m[3]!, follow: `${follow[1]} in ${follow[2]} s` });
    }
  } finally {
    await dev.stop();
  }
  const mid = [...verdicts].sort((a, b) => a.ms - b.ms)[Math.floor(verdicts.length / 2)]!;
  rows.push({
    measure: 'save → verdict under `pnpm dev`, one property edited',
    before: '189 s (25 operations); 118–126 s (1 operation)',
    now: secs(mid.ms),
    target: '≤ 10 s',
    met: mid.ms <= 10_000 ? 'met' : 'not met',
  });
  breakdown.push(
    `**\`pnpm dev\`, the median save** (${verdicts.length} saves of \`${property.line.trim()}\` in ` +
      `\`${path.relative(clone.dir, property.file)}\`): ${mid.steps}. After the verdict, docs and API reports: ${mid.follow}.`,
  );
} finally {
  await clone.remove();
}

if (process.env.CI_RUN_LOG) {
  const text = await readFile(process.env.CI_RUN_LOG, 'utf8');
  const table = text.slice(text.indexOf('== step times'));
  const total = /total\s+(\d+) s/.exec(table)?.[1];
  rows.push({
    measure: '`.ci/run` on a clean clone (1 run, from `CI_RUN_LOG`)',
    before: '33–36 min',
    now: total ? `${(Number(total) / 60).toFixed(1)} min` : 'unreadable log',
    target: '≤ 15 min',
    met: total && Number(total) <= 900 ? 'met' : 'not met',
  });
  breakdown.push(`**\`.ci/run\` by step** (wall seconds):\n\n\`\`\`\n${table.split('\n').slice(1).join('\n').trim()}\n\`\`\``);
} else {
  rows.push({
    measure: '`.ci/run` on a clean clone',
    before: '33–36 min',
    now: 'not run (set CI_RUN_LOG)',
    target: '≤ 15 min',
    met: 'n/a',
  });
}

const body = [
  machineLine(),
  '',
  `A clean clone of HEAD; medians of ${RUNS} runs unless a row says otherwise. "Before" is the figure measured before`,
  'TypeScript 7 and the test tiers (issue 22).',
  '',
  '| measure | before | now | target | |',
  '| --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.measure} | ${r.before} | ${r.now} | ${r.target} | ${r.met} |`),
  '',
  ...breakdown.flatMap((b) => [b, '']),
].join('\n');
await writeBenchmarkSection('loop-speed', "The spec author's loop and the test tiers", body);
console.log(body);
