/**
 * `pnpm bench` (this package): what the project costs as the spec grows. Two clones of HEAD: one with the real
 * spec, one with the synthetic resource of the growth proof added to its spec (e2e/fixtures/synthetic: 5 more
 * operations under a new parent), as a spec author adds it. Side by side: `pnpm generate`, `pnpm dev`'s save → verdict (typecheck and tests of the
 * dependents), `pnpm typecheck`, the client's min+gzip size, the generated files' bytes, and what each added
 * operation costs. Every timed run starts with a save of the spec (a changed description), so turbo's cache
 * misses as it does for an author. The copies alternate within a round; ratios are taken within a round.
 * SPEC_GROWTH_RUNS rounds (default 3): about 25 minutes on a 2-core machine (a `pnpm dev` verdict takes about 3).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBenchmarkSection } from '../../../scripts/lib/benchmarks-md.js';
import { addSyntheticResource } from '../e2e/fixtures/synthetic/add-synthetic-resource.js';
import { cloneRepo, type Proc } from '../e2e/helpers/temp-repo.js';
import { startDev, timeSave, withMarker } from './dev-saves.js';
import { median, secs, type Timed, timed } from './timed.js';

const RUNS = Number(process.env.SPEC_GROWTH_RUNS ?? 3);
const SPEC = 'openapi/proxy-v1.yaml';
const VERDICT = /typecheck, test: (passed|FAILED \(exit \d+\)) in [\d.]+ s/;
const REGENERATED = /regenerated in (\d+) ms/;

interface Copy {
  label: string;
  dir: string;
  remove: () => Promise<void>;
  original: string;
  operations: number;
  /** Bytes of the whole spec: the root document and its per-resource files. */
  specBytes: number;
}

const log = (msg: string) => console.log(`[spec-growth ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (n: number) => `${n.toFixed(2)}×`;

/** The number of operations in a copy's dereferenced spec (every method of every path with an operationId). */
async function countOperations(dir: string): Promise<number> {
  const doc = JSON.parse(await readFile(path.join(dir, 'packages/types/src/generated/openapi.gen.json'), 'utf8'));
  return Object.values<Record<string, { operationId?: string }>>(doc.paths).flatMap((item) =>
    Object.values(item).filter((op) => typeof op === 'object' && op !== null && typeof op.operationId === 'string'),
  ).length;
}

/** Bytes of every generated file of a copy, by repo-relative path. */
async function generatedBytes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const pkg of (await readdir(path.join(dir, 'packages'))).sort()) {
    const folder = path.join('packages', pkg, 'src/generated');
    const files = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
    for (const f of files.sort()) out.set(`${folder}/${f}`, (await stat(path.join(dir, folder, f))).size);
  }
  return out;
}

/** The client of a copy bundled by that copy's own size helper (the one its size test uses). */
async function clientSize(dir: string): Promise<{ min: number; gzip: number; inputs: Record<string, number> }> {
  const helper = pathToFileURL(path.join(dir, 'packages/client/test/helpers/bundle-size.ts')).href;
  const { bundledSize } = await import(helper);
  return bundledSize();
}

/** Bytes of every YAML file of a copy's spec (the root and openapi/resources/). */
async function specSize(dir: string): Promise<number> {
  const root = path.join(dir, path.dirname(SPEC));
  const files = [SPEC, ...(await readdir(path.join(root, 'resources'))).map((f) => `${path.dirname(SPEC)}/resources/${f}`)];
  let total = 0;
  for (const f of files.filter((f) => f.endsWith('.yaml'))) total += (await stat(path.join(dir, f))).size;
  return total;
}

async function makeCopy(label: string, grow: boolean): Promise<Copy> {
  const { dir, remove } = await cloneRepo(`spec-growth-${label}-`);
  const spec = path.join(dir, SPEC);
  if (grow) await addSyntheticResource(dir);
  const original = await readFile(spec, 'utf8');
  const gen = await timed(dir, ['pnpm', 'generate']);
  if (!gen.ok) throw new Error(`pnpm generate failed in the ${label} copy:\n${gen.output}`);
  return { label, dir, remove, original, operations: await countOperations(dir), specBytes: await specSize(dir) };
}

const t0 = performance.now();
log('cloning HEAD twice and adding the synthetic resource to one copy');
const real = await makeCopy('real', false);
const grown = await makeCopy('synthetic', true);
const copies = [real, grown];
const added = grown.operations - real.operations;
log(`copies ready: ${real.operations} and ${grown.operations} operations`);

const gens: Timed[][] = [[], []];
const checks: Timed[][] = [[], []];
const saves: { ms: number; regenMs: number; verdict: string }[][] = [[], []];
let bytes: Map<string, number>[] = [];
let sizes: Awaited<ReturnType<typeof clientSize>>[] = [];
const specBytes = copies.map((c) => c.specBytes);
try {
  bytes = await Promise.all(copies.map((c) => generatedBytes(c.dir)));
  sizes = [];
  for (const c of copies) sizes.push(await clientSize(c.dir));
  log(`client min+gzip: ${sizes.map((s) => s.gzip).join(' vs ')} bytes`);

  for (let i = 0; i < RUNS; i++) {
    for (const [k, c] of copies.entries()) {
      await writeFile(path.join(c.dir, SPEC), withMarker(c.original, `Generate marker ${i}.`));
      const r = await timed(c.dir, ['pnpm', 'generate']);
      if (!r.ok) throw new Error(`pnpm generate failed in the ${c.label} copy:\n${r.output}`);
      gens[k]!.push(r);
      log(`round ${i + 1}: pnpm generate, ${c.label}: ${int(r.wallMs)} ms wall, ${int(r.cpuMs)} ms CPU`);
    }
  }

  // pnpm dev in each copy (that copy's own watcher), docs off: save → regenerate → typecheck and test of the dependents.
  const devs: Proc[] = [];
  try {
    for (const c of copies) devs.push(await startDev(c.dir, ['--no-docs'], c.dir));
    for (let i = 0; i < RUNS; i++) {
      for (const [k, c] of copies.entries()) {
        const dev = devs[k]!;
        const from = dev.output.length;
        const { ms, result } = await timeSave(path.join(c.dir, SPEC), withMarker(c.original, `Dev marker ${i}.`), () =>
          dev.waitFor(VERDICT, 900_000, from),
        );
        const regen = REGENERATED.exec(dev.output.slice(from));
        saves[k]!.push({ ms, regenMs: regen ? Number(regen[1]) : Number.NaN, verdict: result[1]! });
        log(`round ${i + 1}: pnpm dev save → verdict, ${c.label}: ${int(ms)} ms (${result[1]})`);
      }
    }
  } finally {
    for (const dev of devs) await dev.stop();
  }

  for (let i = 0; i < RUNS; i++) {
    for (const [k, c] of copies.entries()) {
      await writeFile(path.join(c.dir, SPEC), withMarker(c.original, `Typecheck marker ${i}.`));
      // --continue: a copy with type errors is still checked whole, so both copies do the same work.
      const r = await timed(c.dir, ['pnpm', 'typecheck', '--continue']);
      checks[k]!.push(r);
      log(`round ${i + 1}: pnpm typecheck, ${c.label}: ${int(r.wallMs)} ms wall, ${int(r.cpuMs)} ms CPU (${r.ok ? 'passed' : 'FAILED'})`);
    }
  }
} finally {
  for (const c of copies) await c.remove();
}

/** Medians of both copies and the median of the within-round ratios. */
function row(name: string, samples: number[][], format: (n: number) => string): string {
  const ratios = samples[0]!.map((r, i) => samples[1]![i]! / r);
  return `| ${name} | ${format(median(samples[0]!))} | ${format(median(samples[1]!))} | ${ratio(median(ratios))} |`;
}
const verdicts = (list: string[]) =>
  [...new Set(list)]
    .map((v) => `${v}${list.filter((x) => x === v).length > 1 ? ` ×${list.filter((x) => x === v).length}` : ''}`)
    .join(', ');
const names = [...new Set([...bytes[0]!.keys(), ...bytes[1]!.keys()])];
const total = bytes.map((b) => [...b.values()].reduce((a, x) => a + x, 0));
const json = 'packages/types/src/generated/openapi.gen.json';
const per = (a: number, b: number) => int((b - a) / added);
const elapsed = performance.now() - t0;

const out = [
  `Two clones of HEAD: the real spec (${real.operations} operation${real.operations === 1 ? '' : 's'}, ${int(specBytes[0]!)} bytes) and the same`,
  `spec with the synthetic resource of \`packages/workflow-tests/e2e/fixtures/synthetic\` added (${grown.operations} operations, ${added} added,`,
  `${int(specBytes[1]!)} bytes). Every timed run starts with a save of the spec (a changed description), so turbo's cache`,
  `misses as it does for an author. Median of ${RUNS} rounds; within a round the copies alternate and the ratio is taken,`,
  `then its median. CPU is user + system of every process the command started. This section took ${secs(elapsed)}.`,
  '',
  `| measure | real spec (${real.operations} op.) | ${grown.operations} operations | ${grown.operations} ops ÷ real |`,
  '| --- | ---: | ---: | ---: |',
  row(
    '`pnpm generate`, wall',
    gens.map((g) => g.map((r) => r.wallMs)),
    (n) => `${int(n)} ms`,
  ),
  row(
    '`pnpm generate`, CPU',
    gens.map((g) => g.map((r) => r.cpuMs)),
    (n) => `${int(n)} ms`,
  ),
  row(
    '`pnpm dev` save → verdict (regenerate, typecheck and test the dependents), wall',
    saves.map((s) => s.map((r) => r.ms)),
    secs,
  ),
  row(
    '`pnpm dev` save → regenerated (its own log)',
    saves.map((s) => s.map((r) => r.regenMs)),
    (n) => `${int(n)} ms`,
  ),
  row(
    '`pnpm typecheck`, wall',
    checks.map((c) => c.map((r) => r.wallMs)),
    secs,
  ),
  row(
    '`pnpm typecheck`, CPU',
    checks.map((c) => c.map((r) => r.cpuMs)),
    secs,
  ),
  row(
    'client, min+gzip bytes',
    sizes.map((s) => [s.gzip]),
    int,
  ),
  row(
    'client, minified bytes',
    sizes.map((s) => [s.min]),
    int,
  ),
  row(
    'generated files, bytes',
    total.map((t) => [t]),
    int,
  ),
  '',
  `Verdicts of \`pnpm dev\`: real spec ${verdicts(saves[0]!.map((s) => s.verdict))}; ${grown.operations} operations ${verdicts(saves[1]!.map((s) => s.verdict))}.`,
  `\`pnpm typecheck\`: real spec ${verdicts(checks[0]!.map((c) => (c.ok ? 'passed' : 'FAILED')))}; ${grown.operations} operations ${verdicts(checks[1]!.map((c) => (c.ok ? 'passed' : 'FAILED')))}.`,
  'A failed run is timed as it ran (turbo stops a failed `pnpm dev` verdict at its first failing task).',
  '',
  `### Bytes per added operation (${added} added)`,
  '',
  '| what | bytes per added operation |',
  '| --- | ---: |',
  `| client, min+gzip | ${per(sizes[0]!.gzip, sizes[1]!.gzip)} |`,
  `| client, minified | ${per(sizes[0]!.min, sizes[1]!.min)} |`,
  `| generated files, all | ${per(total[0]!, total[1]!)} |`,
  `| of which \`${path.basename(json)}\` | ${per(bytes[0]!.get(json) ?? 0, bytes[1]!.get(json) ?? 0)} |`,
  `| the spec itself | ${per(specBytes[0]!, specBytes[1]!)} |`,
  '',
  '### Generated files, bytes',
  '',
  `| file | real spec | ${grown.operations} operations | ÷ real | per added operation |`,
  '| --- | ---: | ---: | ---: | ---: |',
  `| \`openapi/**/*.yaml\` (the spec, for scale) | ${int(specBytes[0]!)} | ${int(specBytes[1]!)} | ${ratio(specBytes[1]! / specBytes[0]!)} | ${per(specBytes[0]!, specBytes[1]!)} |`,
  ...names.map((f) => {
    const [a, b] = [bytes[0]!.get(f) ?? 0, bytes[1]!.get(f) ?? 0];
    return `| \`${f}\` | ${int(a)} | ${int(b)} | ${a ? ratio(b / a) : ''} | ${per(a, b)} |`;
  }),
  `| all generated files | ${int(total[0]!)} | ${int(total[1]!)} | ${ratio(total[1]! / total[0]!)} | ${per(total[0]!, total[1]!)} |`,
  `| \`${path.basename(json)}\` ÷ the spec | ${ratio((bytes[0]!.get(json) ?? 0) / specBytes[0]!)} | ${ratio((bytes[1]!.get(json) ?? 0) / specBytes[1]!)} | | |`,
];
const report = out.join('\n');
console.log(`\nCost as the spec grows\n${report}`);
await writeBenchmarkSection(
  'spec-growth',
  `Cost as the spec grows: the real spec and a synthetic resource more (${grown.operations} operations)`,
  report,
);
