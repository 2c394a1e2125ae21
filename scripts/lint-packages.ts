/**
 * `pnpm lint:package`: every publishable package (non-private, under packages/) must pass
 * `publint --strict` (exports, files, types as packed) and `attw --pack` (types resolve for
 * ESM consumers under node16 and bundler resolution; CJS `require` is not offered), and its
 * tarball must hold README.md, the root LICENSE and every source a shipped map points at, and its
 * typedoc.json must document every entry point it exports.
 * Every workspace package, private ones too, carries description, keywords, homepage, license,
 * repository and the root's engines. Needs dist/ (turbo runs the builds first).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { apiDocsProblems, manifestProblems, packedFiles, packProblems } from './lib/packed-files.js';
import { repoRoot } from './lib/paths.js';

const exec = promisify(execFile);
const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name);

/** The directories of the packages that get published. */
export async function publishablePackages(root = repoRoot): Promise<string[]> {
  const dirs: string[] = [];
  for (const name of (await readdir(path.join(root, 'packages'))).sort()) {
    const dir = path.join(root, 'packages', name);
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => '{"private":true}'));
    if (!manifest.private) dirs.push(dir);
  }
  return dirs;
}

async function check(label: string, command: string, args: string[], cwd: string): Promise<boolean> {
  try {
    await exec(command, args, { cwd, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    console.log(`  ✓ ${label}`);
    return true;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    console.log(`  ✗ ${label}\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().replace(/^/gm, '    ')}`);
    return false;
  }
}

/** `label` passes when `problems` is empty; otherwise prints them under it. */
function report(label: string, problems: string[]): boolean {
  console.log(problems.length === 0 ? `  ✓ ${label}` : `  ✗ ${label}\n${problems.map((p) => `    ${p}`).join('\n')}`);
  return problems.length === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let ok = true;
  const rootManifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  const rootLicense = await readFile(path.join(repoRoot, 'LICENSE'), 'utf8');
  const publishable = await publishablePackages();
  const workspace = [
    path.join(repoRoot, 'openapi'),
    ...(await readdir(path.join(repoRoot, 'packages'))).sort().map((n) => path.join(repoRoot, 'packages', n)),
  ];
  for (const dir of workspace) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => 'null'));
    if (!manifest || publishable.includes(dir)) continue;
    console.log(`${path.relative(repoRoot, dir)} (private)`);
    ok = report('package.json metadata', manifestProblems(manifest, rootManifest, path.relative(repoRoot, dir))) && ok;
  }
  for (const dir of publishable) {
    console.log(path.relative(repoRoot, dir));
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    ok = report('package.json metadata', manifestProblems(manifest, rootManifest, path.relative(repoRoot, dir))) && ok;
    ok =
      report('tarball: README.md, LICENSE, the sources of every map', await packProblems(dir, await packedFiles(dir), rootLicense)) && ok;
    const typedoc = JSON.parse(await readFile(path.join(dir, 'typedoc.json'), 'utf8').catch(() => 'null'));
    ok = report('typedoc.json entry points are the exports', apiDocsProblems(manifest, typedoc ?? undefined)) && ok;
    ok = (await check('publint --strict', bin('publint'), ['--strict', '.'], dir)) && ok;
    ok =
      (await check('attw --pack --profile esm-only', bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], dir)) &&
      ok;
  }
  process.exitCode = ok ? 0 : 1;
}
