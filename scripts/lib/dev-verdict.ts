/**
 * What `pnpm dev` checks after a save regenerated files: the packages whose generated files changed and every
 * workspace package depending on them (their manifests say which), each typechecked by the native compiler,
 * then the inner-tier tests that import a changed file (`vitest related`, which follows the module graph).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** A workspace package: its folder under packages/ and the workspace packages it depends on. */
interface WorkspacePackage {
  dir: string;
  name: string;
  deps: string[];
}

async function workspacePackages(root: string): Promise<WorkspacePackage[]> {
  const out: WorkspacePackage[] = [];
  for (const dir of (await readdir(path.join(root, 'packages'))).sort()) {
    const text = await readFile(path.join(root, 'packages', dir, 'package.json'), 'utf8').catch(() => null);
    if (!text) continue;
    const manifest = JSON.parse(text);
    const all = { ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies };
    out.push({ dir, name: manifest.name, deps: Object.keys(all).filter((d) => d.startsWith('@twilio-proxy/')) });
  }
  return out;
}

/**
 * The package folders (`types`, `client`, …) a change of `files` (repo-relative) reaches: the packages holding
 * them and, transitively, their dependents. A change under a root folder (openapi/, scripts/) reaches none.
 */
export async function affectedPackages(root: string, files: readonly string[]): Promise<string[]> {
  const packages = await workspacePackages(root);
  const reached = new Set(files.map((f) => /^packages\/([^/]+)\//.exec(f)?.[1]).filter((d): d is string => d !== undefined));
  for (let grew = true; grew; ) {
    grew = false;
    const names = new Set(packages.filter((p) => reached.has(p.dir)).map((p) => p.name));
    for (const p of packages) {
      if (!reached.has(p.dir) && p.deps.some((d) => names.has(d))) {
        reached.add(p.dir);
        grew = true;
      }
    }
  }
  return packages.filter((p) => reached.has(p.dir)).map((p) => p.dir);
}

/** A child in its own process group, so a newer save can stop it and everything it started. */
export interface Running {
  child: ChildProcess;
  done: Promise<{ code: number; output: string }>;
}

export function start(command: string, args: string[], cwd: string, echo: boolean): Running {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' },
  });
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    if (echo) process.stdout.write(d);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const done = new Promise<{ code: number; output: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: signal ? 130 : (code ?? 1), output }));
  });
  return { child, done };
}

/** Stops a running child's whole process group (no-op once it ended). */
export function stop(running: Running | null): void {
  const pid = running?.child.pid;
  if (!pid || running.child.exitCode !== null) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** `tsc --noEmit` of each package, by the root's TypeScript (the native compiler). */
export function typecheckArgs(root: string, packages: readonly string[]): [string, string[]][] {
  const tsc = path.join(root, 'node_modules/.bin/tsc');
  return packages.map((dir) => [tsc, ['-p', path.join(root, 'packages', dir, 'tsconfig.json'), '--noEmit', '--pretty', 'false']]);
}

/**
 * The modules that stand for `files` in the module graph: a TypeScript file is itself; a data file (the
 * generated JSON, read with `readFileSync`, which vitest cannot follow) is every source file that names it.
 */
export async function graphEntries(root: string, files: readonly string[]): Promise<string[]> {
  const out = new Set(files.filter((f) => f.endsWith('.ts')));
  const data = files.filter((f) => !f.endsWith('.ts')).map((f) => path.basename(f));
  if (data.length === 0) return [...out];
  for (const dir of await readdir(path.join(root, 'packages'))) {
    const src = path.join(root, 'packages', dir, 'src');
    const entries = await readdir(src, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.gen.ts')) continue;
      const file = path.join(e.parentPath, e.name);
      const text = await readFile(file, 'utf8');
      if (data.some((d) => text.includes(d))) out.add(path.relative(root, file));
    }
  }
  return [...out];
}

/** `vitest related` over the changed files, limited to the affected packages' projects; no test is no failure. */
export function relatedTestArgs(root: string, packages: readonly string[], files: readonly string[]): [string, string[]] {
  const projects = packages.flatMap((p) => ['--project', p]);
  return [
    path.join(root, 'node_modules/.bin/vitest'),
    [
      'related',
      '--run',
      '--passWithNoTests',
      '--reporter=dot',
      '--typecheck.enabled=false',
      // The save loop's own choices (`pnpm test` keeps vitest's defaults): files tagged slow (processes, soaks)
      // wait for `pnpm test`; one shared module graph in threads cuts start-up from ~9 s to ~1 s on 2 cores.
      '--tags-filter=!slow',
      '--pool=threads',
      '--isolate=false',
      ...projects,
      ...files.map((f) => path.join(root, f)),
    ],
  ];
}

/** Test files vitest ran and how many failed, read from its closing lines. */
export function testCounts(output: string): string {
  const plain = stripVTControlCharacters(output);
  const files = /Test Files\s+(.*?)\s*\(/.exec(plain)?.[1];
  return files ? `(${files})` : '(no related test)';
}

/** `lint 0.3 s · generate 0.2 s · …` */
export function stepTimes(times: readonly [string, number][]): string {
  return times.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(' · ');
}
