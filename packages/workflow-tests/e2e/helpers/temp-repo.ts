import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** A clean clone of the committed HEAD with its dependencies installed from the local pnpm store. */
export async function cloneRepo(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(tmpdir(), prefix));
  const dir = path.join(parent, 'repo');
  await run('git', ['clone', '-q', '--no-hardlinks', repoRoot, dir]);
  await run('pnpm', ['install', '--offline', '--frozen-lockfile'], { cwd: dir, maxBuffer: 32 * 1024 * 1024 });
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** A running child whose output can be awaited line by line. */
export class Proc {
  output = '';
  readonly child: ChildProcess;
  private waiters: { re: RegExp; from: number; resolve: (m: RegExpExecArray) => void }[] = [];

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (d: Buffer) => {
      this.output += d.toString();
      this.waiters = this.waiters.filter((w) => {
        const m = w.re.exec(this.output.slice(w.from));
        if (m) w.resolve(m);
        return !m;
      });
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
  }

  /** Resolves when `re` matches output written after offset `from` (default: from now). */
  waitFor(re: RegExp, timeoutMs: number, from = this.output.length): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const m = re.exec(this.output.slice(from));
      if (m) return resolve(m);
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${this.output}`)), timeoutMs);
      this.waiters.push({
        re,
        from,
        resolve: (x) => {
          clearTimeout(timer);
          resolve(x);
        },
      });
    });
  }

  /** Stops the child and everything it started (its own process group). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.pid) return;
    const closed = new Promise((r) => this.child.once('close', r));
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-this.child.pid!, signal);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    // A child that ignores SIGTERM for 10 s gets SIGKILL.
    const timer = setTimeout(() => kill('SIGKILL'), 10_000);
    await closed;
    clearTimeout(timer);
  }
}
