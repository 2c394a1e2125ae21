/**
 * `pnpm dev`: watches every YAML file under openapi/ (the root document and its per-resource files) and, on
 * every save (debounced):
 *   1. lints the spec in-process (Redocly, the project's redocly.yaml);
 *   2. regenerates packages/types/src/generated (only files whose bytes change are written);
 *   3. rebuilds the HTML docs and re-runs typecheck + tests of @twilio-proxy/types and its
 *      dependents through turbo, in the background (a newer save cancels a stale run);
 *   4. when those passed, refreshes the API reports of every package whose build is fresh
 *      (`pnpm api:report --if-built`: a narrower `--filter` leaves the other packages alone).
 * An invalid save (YAML or lint error) is printed with file:line and leaves the last good
 * output in place; the next good save recovers. Only YAML under openapi/ is watched (never node_modules/, dist/
 * or .turbo/), so the generated files, docs and turbo outputs can never trigger a loop.
 *
 *   --root <dir>     repository to work on (default: this one)
 *   --once           run the pipeline once and exit (1 when the spec is invalid)
 *   --no-tests       skip typecheck/tests;  --no-docs  skip the docs build
 *   --filter <f>     turbo filter for the re-run (default `...@twilio-proxy/types`)
 *   --debounce <ms>  quiet time after the last save (default 100)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { watch } from 'chokidar';
import type { JsonObject } from '../packages/types/src/spec/index.js';
import { generate } from './generate.js';
import { generatedPath, repoRoot, specPath } from './lib/paths.js';
import { classifySpecChanges } from './lib/spec-changes.js';
import { type GeneratedTree, syncTree } from './lib/sync-files.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: repoRoot },
    once: { type: 'boolean', default: false },
    'no-tests': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    filter: { type: 'string', default: '...@twilio-proxy/types' },
    debounce: { type: 'string', default: '100' },
  },
});
const root = path.resolve(values.root!);
const specFile = path.join(root, specPath);
const specDir = path.dirname(specFile);
const rel = (f: string) => path.relative(root, f);
const log = (msg: string) => console.log(`[dev ${new Date().toISOString().slice(11, 23)}] ${msg}`);

let lastGood: JsonObject | null = null;
/** Folders under openapi/ that hold outputs or dependencies, never the spec. */
const OUTPUT_DIRS = new Set(['node_modules', 'dist', '.turbo']);

/** Lint errors (and YAML errors) as `file:line:col message` lines; empty when the spec is fine. */
async function lintSpec(): Promise<string[]> {
  try {
    const config = await loadConfig({ configPath: path.join(specDir, 'redocly.yaml') });
    const problems = await lint({ ref: specFile, config });
    const lines = problems
      .filter((p) => p.severity === 'error' || p.severity === 'warn')
      .map((p) => {
        const loc = p.location[0] ? getLineColLocation(p.location[0]) : null;
        const where = loc ? `${rel(loc.source.absoluteRef)}:${loc.start.line}:${loc.start.col}` : rel(specFile);
        // A YAML error in a file the root refers to comes back as an unresolved ref, once per ref into that file.
        const rule = p.ruleId === 'no-unresolved-refs' && p.message.startsWith('Failed to parse') ? 'yaml' : p.ruleId;
        return `${where} ${p.severity} ${rule}: ${p.message}`;
      });
    return [...new Set(lines)];
  } catch (error) {
    // YAML syntax errors throw, with "(line:col)" in the message.
    const message = (error as Error).message;
    const m = /\((\d+):(\d+)\)/.exec(message);
    return [`${rel(specFile)}${m ? `:${m[1]}:${m[2]}` : ''} error yaml: ${message.split('\n')[0]}`];
  }
}

/** A one-line summary per API change, from the classifier the breaking-change gate uses. */
function summarize(before: JsonObject | null, after: JsonObject): string[] {
  if (!before) return [];
  const changes = classifySpecChanges(before, after);
  if (changes.length === 0) return ['  no API change (descriptions/examples only)'];
  return changes.map((c) => `  ${c.breaking ? 'BREAKING ' : ''}${c.kind}: ${c.where}: ${c.message}`);
}

let follow: ChildProcess | null = null;
function stopFollowUp() {
  if (follow?.pid && follow.exitCode === null) {
    try {
      process.kill(-follow.pid, 'SIGTERM'); // its own process group: turbo and the tasks under it
    } catch {
      // already gone
    }
  }
  follow = null;
}

/** Runs one follow-up child in its own process group (a newer save cancels it). Resolves with its exit code. */
function runFollow(label: string, command: string, args: string[]): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off' },
    });
    follow = child;
    child.stdout!.on('data', (d) => process.stdout.write(d));
    child.stderr!.on('data', (d) => process.stderr.write(d));
    child.on('close', (code, signal) => {
      if (follow === child) follow = null;
      if (signal) log(`${label}: cancelled by a newer save`);
      else log(`${label}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(signal ? 130 : (code ?? 1));
    });
  });
}

/**
 * Docs and tests after a regeneration, serially, in the background; then, once the tests (and so the
 * builds) passed, the API reports from the fresh dist (`pnpm api:report`). Resolves with the exit code.
 */
async function followUp(): Promise<number> {
  const turbo = path.join(root, 'node_modules/.bin/turbo');
  const tasks = [...(values['no-docs'] ? [] : ['docs']), ...(values['no-tests'] ? [] : ['typecheck', 'test'])];
  if (tasks.length === 0) return 0;
  const args = [
    'run',
    ...tasks,
    `--filter=${values.filter}`,
    ...(values['no-docs'] ? [] : ['--filter=@twilio-proxy/openapi']),
    '--output-logs=errors-only',
    '--log-prefix=task',
  ];
  log(`running ${tasks.join(', ')} (turbo ${args.slice(1).join(' ')})`);
  const code = await runFollow(tasks.join(', '), turbo, args);
  if (code !== 0 || values['no-tests']) return code;
  log('refreshing the API reports of the freshly built packages (pnpm api:report --if-built)');
  return runFollow('api:report', process.execPath, [
    '--import',
    'tsx',
    path.join(root, 'scripts/api-report.ts'),
    '--if-built',
    '--root',
    root,
  ]);
}

/** One pass of the pipeline. Returns false when the spec is invalid (nothing was written). */
async function regenerate(trigger: string): Promise<boolean> {
  const t0 = performance.now();
  stopFollowUp();
  const problems = await lintSpec();
  if (problems.some((p) => / error /.test(p))) {
    log(`spec invalid after ${trigger}: keeping the last good generated files`);
    for (const p of problems) console.log(`  ${p}`);
    return false;
  }
  for (const p of problems) console.log(`  ${p}`);
  let files: GeneratedTree;
  try {
    files = await generate(specFile);
  } catch (error) {
    log(`spec invalid after ${trigger}: ${(error as Error).message}`);
    return false;
  }
  const report = await syncTree(root, files, false);
  const ms = Math.round(performance.now() - t0);
  const json = files.get(generatedPath)?.get('openapi.gen.json');
  const doc = json ? (JSON.parse(json) as JsonObject) : null;
  if (report.changed.length === 0) {
    log(`regenerated in ${ms} ms: nothing changed`);
  } else {
    const list = report.changed.map((f) => `${report.reasons.get(f)} ${f}`).join(', ');
    log(`regenerated in ${ms} ms: ${list}`);
    if (doc) for (const line of summarize(lastGood, doc)) console.log(line);
  }
  if (doc) lastGood = doc;
  return true;
}

// Saves are serialized: a save during a pass queues exactly one more pass.
let running: Promise<void> | null = null;
let pending: string | null = null;
async function schedule(trigger: string) {
  if (running) {
    pending = trigger;
    return;
  }
  running = (async () => {
    let next: string | null = trigger;
    while (next) {
      pending = null;
      const ok = await regenerate(next);
      if (ok && !pending) void followUp();
      next = pending;
    }
  })();
  await running;
  running = null;
}

if (values.once) {
  const ok = await regenerate('--once');
  process.exitCode = ok ? await followUp() : 1;
} else {
  // Baseline: the current generated JSON, so the first save's summary has something to diff against.
  try {
    lastGood = JSON.parse(await readFile(path.join(root, generatedPath, 'openapi.gen.json'), 'utf8'));
  } catch {
    lastGood = null;
  }
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(specDir, {
    ignoreInitial: true,
    // The spec's files and its config, in any folder: dist/, node_modules/ and .turbo/ are outputs.
    ignored: (p, stats) => p !== specDir && (OUTPUT_DIRS.has(path.basename(p)) || (stats?.isFile() === true && !p.endsWith('.yaml'))),
  });
  watcher.on('all', (event, file) => {
    if (!file.endsWith('.yaml')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(`${event} ${rel(file)}`), Number(values.debounce));
  });
  watcher.on('ready', () => log(`watching ${rel(specDir)}/**/*.yaml (Ctrl-C to stop)`));
  const shutdown = () => {
    stopFollowUp();
    void watcher.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
