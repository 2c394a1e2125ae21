/**
 * `pnpm registry`: the private npm registry our users run (Verdaccio), embedded for local use.
 * Starts it on 127.0.0.1 with its config and storage in `.registry/` (git-ignored), creates the
 * release user the way `npm adduser` does, and prints the `.npmrc` lines a consumer needs. Runs until
 * Ctrl-C; while it runs, `pnpm release` without NPM_REGISTRY_URL publishes to it.
 *
 *   pnpm registry [--port <n>] [--free-port] [--dir <folder>]
 *
 * Port: `--port`, else REGISTRY_PORT, else 4873; `--free-port` takes any free port (tests).
 * Verdaccio has no uplink: it never fetches from, or proxies to, the public registry.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { npmrcLines, ping, registryDir, releaseUser, runningFile, userToken, verdaccioConfig } from './lib/local-registry.js';
import { repoRoot } from './lib/paths.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'free-port': { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
});

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const env = process.env; // REGISTRY_PORT: read by this long-running command only, never by a cached task
  const dir = path.resolve(values.dir ?? registryDir(repoRoot));
  const port = values['free-port'] ? await freePort() : Number(values.port ?? env.REGISTRY_PORT ?? 4873);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port/REGISTRY_PORT must be a port number, got ${port}`);
  const url = `http://127.0.0.1:${port}/`;
  if (await ping(url)) throw new Error(`something already answers on ${url}; stop it or pick --port / --free-port`);

  await mkdir(path.join(dir, 'storage'), { recursive: true });
  await writeFile(path.join(dir, 'config.yaml'), verdaccioConfig(port));
  const bin = path.join(repoRoot, 'node_modules/verdaccio/bin/verdaccio');
  const child = spawn(process.execPath, [bin, '--config', path.join(dir, 'config.yaml')], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', (code) => {
    exited = true;
    void rm(runningFile(dir), { force: true }).finally(() => process.exit(code ?? 1));
  });
  const stop = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const deadline = Date.now() + 60_000;
  while (!(await ping(url))) {
    if (exited) return;
    if (Date.now() > deadline) {
      stop();
      throw new Error(`Verdaccio did not answer on ${url} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let token: string;
  try {
    token = await userToken(url, await releaseUser(dir));
  } catch (error) {
    stop();
    throw error;
  }
  await writeFile(runningFile(dir), `${JSON.stringify({ url, token, pid: process.pid })}\n`, { mode: 0o600 });

  console.log(
    [
      `registry: Verdaccio on ${url} (storage ${path.relative(process.cwd(), dir) || dir}/storage; Ctrl-C stops it)`,
      '',
      "A consumer's .npmrc (the scope never resolves against the public registry):",
      ...npmrcLines(url, token).map((l) => `  ${l}`),
      '',
      'Publish every package to it (another terminal):',
      '  pnpm release',
      `  # or explicitly: NPM_REGISTRY_URL=${url} NPM_TOKEN=${token} pnpm release`,
      `registry ready: ${url}`,
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  console.error(`registry: ${(error as Error).message}`);
  process.exit(1);
}
