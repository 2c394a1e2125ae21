/**
 * `pnpm dev`: watches every spec file under openapi/ and, on every save (debounced), gives a verdict in seconds:
 *   1. lints the spec in-process (Redocly, the project's redocly.yaml);
 *   2. regenerates every package's src/generated (only files whose bytes change are written) and says
 *      what changed in the API;
 *   3. typechecks the packages whose generated files changed and their dependents (the native compiler);
 *   4. runs the inner-tier tests that import a changed generated file (`vitest related`), but not the files
 *      tagged `@module-tag slow` (they start processes or soak; `pnpm test` and `--full` run them);
 * then prints one verdict line with each step's time. After a passing verdict it rebuilds the HTML docs and
 * the API reports of the affected packages (build, then `api:report --if-built`), on a line of their own.
 * A newer save cancels whatever is still running. An invalid save (YAML or lint error) is printed with
 * file:line and leaves the last good output in place; the next good save recovers. Generated files, docs and
 * turbo outputs are never watched, so nothing loops. A save never runs the outer tier (clones, installs).
 *
 *   --root <dir>     repository to work on (default: this one)
 *   --once           run one pass and exit (1 when the spec is invalid or the verdict fails)
 *   --full           after regenerating, run the whole inner tier (`pnpm test`) instead of steps 3 and 4
 *   --no-tests       skip typecheck and tests;  --no-docs  skip the docs and API reports after the verdict
 *   --debounce <ms>  quiet time after the last save (default 100)
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { watch } from 'chokidar';
import { dereferenceDocument, type JsonObject } from '../packages/types/src/walker/index.js';
import { generate } from './generate.js';
import { lintSpec } from './lib/dev-lint.js';
import {
  affectedPackages,
  graphEntries,
  type Running,
  relatedTestArgs,
  start,
  stepTimes,
  stop,
  testCounts,
  typecheckArgs,
} from './lib/dev-verdict.js';
import { generatedPath, repoRoot, specPath } from './lib/paths.js';
import { classifySpecChanges } from './lib/spec-changes.js';
import { syncTree } from './lib/sync-files.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: repoRoot },
    once: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    'no-tests': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    debounce: { type: 'string', default: '100' },
  },
});
const root = path.resolve(values.root!);
const specFile = path.join(root, specPath);
const specDir = path.dirname(specFile);
const rel = (f: string) => path.relative(root, f);
const log = (msg: string) => console.log(`[dev ${new Date().toISOString().slice(11, 23)}] ${msg}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let lastGood: JsonObject | null = null;
/** Files regenerated since the last verdict: a pass cancelled by a newer save hands its changes on. */
const unchecked = new Set<string>();
let running: Running | null = null;
/** Bumped by every save: a pass that sees a newer one stops, without a verdict. */
let generation = 0;

/** A one-line summary per API change, from the classifier the breaking-change gate uses. */
function summarize(before: JsonObject | null, after: JsonObject): string[] {
  if (!before) return [];
  const changes = classifySpecChanges(before, after);
  if (changes.length === 0) return ['  no API change (descriptions/examples only)'];
  return changes.map((c) => `  ${c.breaking ? 'BREAKING ' : ''}${c.kind}: ${c.where}: ${c.message}`);
}

/** Runs one child (cancellable by a newer save); its output is echoed only when it fails. */
async function runStep(command: string, args: string[], echo = false): Promise<{ code: number; output: string }> {
  running = start(command, args, root, echo);
  const result = await running.done;
  running = null;
  if (result.code !== 0 && result.code !== 130 && !echo) process.stdout.write(result.output);
  return result;
}

type Times = [string, number][];

/** Lint and regenerate. Returns the changed files, or null when the spec is invalid (nothing was written). */
async function regenerate(trigger: string, times: Times): Promise<string[] | null> {
  let t = performance.now();
  const problems = await lintSpec(root, specFile);
  times.push(['lint', performance.now() - t]);
  if (problems.some((p) => / error /.test(p))) {
    log(`spec invalid after ${trigger}: keeping the last good generated files`);
    for (const p of problems) console.log(`  ${p}`);
    return null;
  }
  for (const p of problems) console.log(`  ${p}`);
  t = performance.now();
  let report: Awaited<ReturnType<typeof syncTree>>;
  let files: Awaited<ReturnType<typeof generate>>;
  try {
    files = await generate(specFile);
    report = await syncTree(root, files, false);
  } catch (error) {
    log(`spec invalid after ${trigger}: ${(error as Error).message}`);
    return null;
  }
  const ms = performance.now() - t;
  times.push(['generate', ms]);
  const json = files.get(generatedPath)?.get('openapi.gen.json');
  // The file is the bundled spec; the change summary compares dereferenced documents.
  const doc = json ? dereferenceDocument(JSON.parse(json) as JsonObject) : null;
  if (report.changed.length === 0) log(`regenerated in ${Math.round(ms)} ms: nothing changed`);
  else {
    log(`regenerated in ${Math.round(ms)} ms: ${report.changed.map((f) => `${report.reasons.get(f)} ${f}`).join(', ')}`);
    if (doc) for (const line of summarize(lastGood, doc)) console.log(line);
  }
  if (doc) lastGood = doc;
  return report.changed;
}

/** Typecheck, then related tests, of what `changed` reaches. Returns false on the first failure. */
async function check(changed: string[], times: Times, mine: number): Promise<boolean | null> {
  const packages = await affectedPackages(root, changed);
  if (packages.length === 0) return true;
  let t = performance.now();
  for (const [command, args] of typecheckArgs(root, packages)) {
    const { code } = await runStep(command, args);
    if (mine !== generation) return null;
    if (code !== 0) {
      times.push(['typecheck', performance.now() - t]);
      log(`typecheck failed: ${path.relative(root, path.dirname(args[1]!))}`);
      return false;
    }
  }
  times.push([`typecheck (${packages.join(', ')})`, performance.now() - t]);
  // Tests that read the HTML docs need them once; after that they are refreshed after the verdict.
  if (!existsSync(path.join(root, 'openapi/dist/docs/index.html'))) {
    t = performance.now();
    const docs = await runStep(path.join(root, 'node_modules/.bin/turbo'), [
      'run',
      'docs',
      '--filter=@twilio-proxy/openapi',
      '--output-logs=errors-only',
    ]);
    if (mine !== generation) return null;
    times.push(['docs (first build)', performance.now() - t]);
    if (docs.code !== 0) return false;
  }
  // Tests that run a package's bin or dist need it built (the native compiler makes this a second or two).
  t = performance.now();
  const build = await runStep('pnpm', [...packages.flatMap((p) => ['--filter', `./packages/${p}`]), 'run', 'build']);
  if (mine !== generation) return null;
  times.push(['build', performance.now() - t]);
  if (build.code !== 0) return false;
  t = performance.now();
  const [command, args] = relatedTestArgs(root, packages, await graphEntries(root, changed));
  const { code, output } = await runStep(command, args);
  if (mine !== generation) return null;
  times.push([`tests ${testCounts(output)}`, performance.now() - t]);
  return code === 0;
}

/** The docs and the API reports of the packages the verdict built, after a passing verdict. */
async function refreshDocsAndReports(mine: number): Promise<void> {
  const t = performance.now();
  const turbo = path.join(root, 'node_modules/.bin/turbo');
  const docs = await runStep(turbo, ['run', 'docs', '--filter=@twilio-proxy/openapi', '--output-logs=errors-only']);
  if (mine !== generation || docs.code !== 0) return;
  const reports = await runStep(process.execPath, [
    '--import',
    'tsx',
    path.join(root, 'scripts/api-report.ts'),
    '--if-built',
    '--root',
    root,
  ]);
  if (mine !== generation) return;
  const outcome = reports.code === 0 ? 'refreshed' : `FAILED (exit ${reports.code})`;
  log(`docs and API reports: ${outcome} in ${seconds(performance.now() - t)}`);
}

/** One pass: regenerate, then the verdict. Returns the verdict (null when a newer save cancelled it). */
async function pass(trigger: string, mine: number): Promise<boolean | null> {
  const started = performance.now();
  const times: Times = [];
  const regenerated = await regenerate(trigger, times);
  if (regenerated === null) return false;
  for (const f of regenerated) unchecked.add(f);
  if (mine !== generation) return null;
  const changed = [...unchecked].sort();
  let ok: boolean | null = true;
  if (values.full) {
    const result = await runStep('pnpm', ['run', 'test'], true);
    if (mine !== generation) return null;
    times.push(['inner tier (pnpm test)', performance.now() - started]);
    ok = result.code === 0;
  } else if (!values['no-tests']) ok = await check(changed, times, mine);
  if (ok === null || mine !== generation) return null;
  // A failed verdict keeps its files: the next save checks them again even when it changes nothing.
  if (ok) unchecked.clear();
  log(`verdict: ${ok ? 'PASS' : 'FAIL'} in ${seconds(performance.now() - started)} (${stepTimes(times)})`);
  if (ok && !values['no-docs'] && changed.length > 0) await refreshDocsAndReports(mine);
  return ok;
}

// Passes run one at a time; a save cancels the running child and every pass queued before it.
let queue: Promise<unknown> = Promise.resolve();
function schedule(trigger: string): Promise<boolean | null> {
  const mine = ++generation;
  stop(running);
  const next = queue.then(() => (mine === generation ? pass(trigger, mine) : null));
  queue = next;
  return next;
}

if (values.once) {
  process.exitCode = (await schedule('--once')) ? 0 : 1;
} else {
  // Baseline: the current generated JSON, so the first save's summary has something to diff against.
  lastGood = await readFile(path.join(root, generatedPath, 'openapi.gen.json'), 'utf8')
    .then((t) => dereferenceDocument(JSON.parse(t) as JsonObject))
    .catch(() => null);
  let timer: NodeJS.Timeout | undefined;
  const isSpecFile = (p: string) => /\.ya?ml$/.test(p);
  const watcher = watch(specDir, {
    ignoreInitial: true,
    // Every spec file at any depth; dist/, node_modules/ and .turbo/ are outputs.
    ignored: (p, stats) => /[\\/](dist|node_modules|\.turbo)([\\/]|$)/.test(p) || (stats?.isFile() === true && !isSpecFile(p)),
  });
  watcher.on('all', (event, file) => {
    if (!isSpecFile(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(`${event} ${rel(file)}`), Number(values.debounce));
  });
  watcher.on('ready', () => log(`watching ${rel(specDir)}/**/*.yaml (Ctrl-C to stop)`));
  const shutdown = () => {
    stop(running);
    void watcher.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
