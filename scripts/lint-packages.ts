/**
 * `pnpm lint:package`: every publishable package (non-private, under packages/) must pass
 * `publint --strict` (exports, files, types as packed) and `attw --pack` (types resolve for
 * ESM consumers under node16 and bundler resolution; CJS `require` is not offered). Needs dist/
 * (turbo runs the builds first).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
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

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let ok = true;
  for (const dir of await publishablePackages()) {
    console.log(path.relative(repoRoot, dir));
    ok = (await check('publint --strict', bin('publint'), ['--strict', '.'], dir)) && ok;
    ok = (await check('attw --pack --profile esm-only', bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], dir)) && ok;
  }
  process.exitCode = ok ? 0 : 1;
}
