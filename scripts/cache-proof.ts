/**
 * `pnpm cache:proof`: turbo's remote cache is shared between machines, configured only through
 * TURBO_API / TURBO_TOKEN / TURBO_TEAM, with nothing machine-specific in task hashes.
 *   1. starts `turborepo-remote-cache` on 127.0.0.1 (free port, local storage in a temp dir);
 *   2. clone A (a clean `git clone` of HEAD's commit in its own temp dir): install, `turbo run build`;
 *   3. clone B (another dir, so absolute paths differ): install, `turbo run build --summarize`,
 *      and asserts every lint:spec / generate / build task is a REMOTE cache hit;
 *   4. runs the packages' tests in clone B for real (`--force`, one task at a time like `pnpm test`), which must pass.
 * Exits 1 when any of that fails.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './lib/paths.js';
import { step } from './lib/step.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`remote cache did not listen on 127.0.0.1:${port}`);
}

/** A step of the proof; its output is stdout and stderr together (turbo's summary goes to either). */
async function sh(label: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout, stderr } = await step(label, command, args, cwd, env);
  return stdout + stderr;
}

async function cloneAndInstall(name: string, commit: string, parent: string, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = path.join(parent, name);
  await sh(
    `clone ${name}: git clone, checkout ${commit.slice(0, 10)}`,
    'git',
    ['clone', '-q', '--no-hardlinks', repoRoot, dir],
    parent,
    env,
  );
  await sh(`clone ${name}: checkout`, 'git', ['checkout', '-q', commit], dir, env);
  await sh(`clone ${name}: pnpm install --frozen-lockfile --offline`, 'pnpm', ['install', '--frozen-lockfile', '--offline'], dir, env);
  return dir;
}

interface TaskSummary {
  taskId: string;
  cache: { status: string; source?: string };
}

async function lastSummary(dir: string): Promise<TaskSummary[]> {
  const runs = path.join(dir, '.turbo/runs');
  const files = (await readdir(runs)).filter((f) => f.endsWith('.json')).sort();
  const summary = JSON.parse(await readFile(path.join(runs, files[files.length - 1]!), 'utf8'));
  return summary.tasks as TaskSummary[];
}

async function main(): Promise<boolean> {
  const parent = await mkdtemp(path.join(tmpdir(), 'cache-proof-'));
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const server = spawn(path.join(repoRoot, 'node_modules/.bin/turborepo-remote-cache'), [], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: path.join(parent, 'storage'),
      TURBO_TOKEN: token,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  // Only these three variables point turbo at the shared cache; nothing else changes.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_API: `http://127.0.0.1:${port}`,
    TURBO_TOKEN: token,
    TURBO_TEAM: 'cache-proof',
    TURBO_TELEMETRY_DISABLED: '1',
    REDOCLY_TELEMETRY: 'off',
    TURBO_UI: 'false',
  };
  try {
    await waitForPort(port, 20_000);
    console.log(`remote cache: turborepo-remote-cache on 127.0.0.1:${port}, local storage`);

    // Both clones at the same commit, even if someone commits meanwhile.
    const commit = (await sh('resolve HEAD', 'git', ['rev-parse', 'HEAD'], repoRoot, env)).trim();
    const a = await cloneAndInstall('A', commit, parent, env);
    await sh(
      'clone A: turbo run build (fills the remote cache)',
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'],
      a,
      env,
    );

    const b = await cloneAndInstall('B', commit, parent, env);
    const output = await sh(
      'clone B: turbo run build --summarize',
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--summarize', '--output-logs=hash-only'],
      b,
      env,
    );
    const tasks = await lastSummary(b);
    let ok = true;
    for (const t of tasks) {
      const hit = t.cache.status === 'HIT' && t.cache.source === 'REMOTE';
      if (!hit) ok = false;
      console.log(`  ${hit ? '✓' : '✗'} ${t.taskId}: ${t.cache.status}${t.cache.source ? ` (${t.cache.source})` : ''}`);
    }
    const kinds = new Set(tasks.map((t) => t.taskId.split('#')[1]));
    for (const needed of ['generate', 'build']) {
      if (!kinds.has(needed)) {
        ok = false;
        console.log(`  ✗ no ${needed} task in clone B's run`);
      }
    }
    const line = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
    console.log(`  turbo says: ${line ? line[0] : '(no Cached: line)'}; FULL TURBO: ${/FULL TURBO/.test(output)}`);
    if (!ok) {
      console.error('cache-proof: FAILED: clone B rebuilt something the remote cache should have served');
      return false;
    }

    await sh(
      "clone B: the packages' tests pass (run for real, --force)",
      'pnpm',
      ['exec', 'turbo', 'run', 'test', '--force', '--concurrency=1', '--filter=!@twilio-proxy/workflow-tests', '--output-logs=errors-only'],
      b,
      env,
    );
    console.log('cache-proof: passed: every generate/build task of clone B was a remote cache hit, and its tests pass');
    return true;
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await rm(parent, { recursive: true, force: true });
  }
}

try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(`cache-proof: FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
}
