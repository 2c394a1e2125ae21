/**
 * `pnpm release`: publishes every public package (changesets: `changeset publish`, which publishes
 * each package whose version the registry does not have yet, through `pnpm publish`) to the
 * registry at NPM_REGISTRY_URL with NPM_TOKEN. With neither set it targets the local Verdaccio of
 * `pnpm registry`. Idempotent: versions already published are skipped, and the run exits 0.
 *
 *   pnpm release [--git-tag]
 *
 * Builds first (turbo, cached). The scope and the token go to npm and pnpm through a temporary
 * userconfig, so nothing is written to ~/.npmrc and the scope never resolves against the public
 * registry. `--git-tag` also tags each published version (CI's release job, which pushes the tags).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRunningRegistry, npmrcLines } from './lib/local-registry.js';
import { repoRoot } from './lib/paths.js';

const { values } = parseArgs({ options: { 'git-tag': { type: 'boolean', default: false } } });

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** The target registry and its token: the environment's, else the running `pnpm registry`. */
async function target(): Promise<{ url: string; token: string; local: boolean }> {
  // Read at release time only, never by a cached turbo task.
  const { NPM_REGISTRY_URL: url, NPM_TOKEN: token } = process.env;
  if (url) {
    if (!token) throw new Error('NPM_REGISTRY_URL is set but NPM_TOKEN is not: a publish needs a token');
    if (!/^https?:\/\//.test(url)) throw new Error('NPM_REGISTRY_URL must be an http(s) URL');
    return { url: url.endsWith('/') ? url : `${url}/`, token, local: false };
  }
  if (token) throw new Error('NPM_TOKEN is set but NPM_REGISTRY_URL is not: set both, or neither for the local registry');
  const local = await findRunningRegistry(repoRoot);
  if (!local)
    throw new Error(
      'neither NPM_REGISTRY_URL nor a running local registry: start `pnpm registry` in another terminal, or set NPM_REGISTRY_URL and NPM_TOKEN',
    );
  return { url: local.url, token: local.token, local: true };
}

async function main(): Promise<number> {
  const { url, token, local } = await target();
  console.log(`release: publishing to ${url}${local ? ' (the local registry of pnpm registry)' : ''}`);
  const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' };
  if ((await run(path.join(repoRoot, 'node_modules/.bin/turbo'), ['run', 'build', '--output-logs=errors-only'], env)) !== 0) return 1;

  const tmp = await mkdtemp(path.join(tmpdir(), 'release-'));
  try {
    const userconfig = path.join(tmp, 'npmrc');
    await writeFile(userconfig, `${npmrcLines(url, token).join('\n')}\n`, { mode: 0o600 });
    const publishEnv = {
      ...env,
      npm_config_userconfig: userconfig,
      NPM_CONFIG_USERCONFIG: userconfig,
      'npm_config_@twilio-proxy:registry': url,
    };
    const args = ['publish', ...(values['git-tag'] ? [] : ['--no-git-tag'])];
    return await run(path.join(repoRoot, 'node_modules/.bin/changeset'), args, publishEnv);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`release: ${(error as Error).message}`);
  process.exitCode = 1;
}
