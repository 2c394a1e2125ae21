/**
 * `pnpm bench` (this package): save → regenerated types latency of `pnpm dev`.
 * Runs scripts/dev.ts on a temp copy of the spec and the generated folder, saves the spec with a
 * new description N times, and times each save until schema.gen.ts holds the new text.
 * Target: ≤ 1.5 s per save on a 2-core machine (includes the watcher's debounce).
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { repoRoot } from '../e2e/helpers/temp-repo.js';
import { startDev, timeSave, withMarker } from './dev-saves.js';

const TARGET_MS = 1_500;
const RUNS = 7;

const dir = await mkdtemp(path.join(tmpdir(), 'dev-bench-'));
await mkdir(path.join(dir, 'openapi'));
for (const f of ['proxy-v1.yaml', 'redocly.yaml']) await cp(path.join(repoRoot, 'openapi', f), path.join(dir, 'openapi', f));
await cp(path.join(repoRoot, 'packages/types/src/generated'), path.join(dir, 'packages/types/src/generated'), { recursive: true });
const spec = path.join(dir, 'openapi/proxy-v1.yaml');
const schema = path.join(dir, 'packages/types/src/generated/schema.gen.ts');
const original = await readFile(spec, 'utf8');

const samples: number[] = [];
const dev = await startDev(dir, ['--no-tests', '--no-docs']);
try {
  for (let i = 0; i < RUNS; i++) {
    const marker = `Bench marker ${i}.`;
    const started = performance.now();
    const { ms } = await timeSave(spec, withMarker(original, marker), async () => {
      while (!(await readFile(schema, 'utf8')).includes(marker)) {
        if (performance.now() - started > 15_000) throw new Error(`no regeneration after 15 s:\n${dev.output}`);
        await sleep(5);
      }
    });
    samples.push(ms);
    await sleep(300); // let the pass finish before the next save
  }
} finally {
  await dev.stop();
  await rm(dir, { recursive: true, force: true });
}

const sorted = [...samples].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const max = sorted[sorted.length - 1]!;
const report = [
  `${RUNS} saves (the first includes warm-up): ${samples.map((s) => `${Math.round(s)} ms`).join(', ')}.`,
  '',
  '| measure | median | max | target | |',
  '| --- | ---: | ---: | ---: | :---: |',
  `| save → regenerated types | ${Math.round(median)} ms | ${Math.round(max)} ms | ≤ ${TARGET_MS} ms | ${median <= TARGET_MS ? 'met' : 'not met'} |`,
].join('\n');
console.log(`pnpm dev: save → regenerated types\n${report}`);
await writeBenchmarkSection('dev-latency', '`pnpm dev`: save → regenerated types', report);
if (median > TARGET_MS) process.exitCode = 1;
