/** What the workflow benches share: a command timed as a whole (wall and CPU of every process it waited for). */
import { spawn } from 'node:child_process';

export const benchEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };

export interface Timed {
  wallMs: number;
  cpuMs: number;
  ok: boolean;
  output: string;
}

/**
 * Runs a command in `cwd` and measures its wall clock and its CPU time: user + system of every process it started
 * and waited for (bash's `times` reports the children's rusage on fd 3).
 */
export function timed(cwd: string, command: string[], env: NodeJS.ProcessEnv = benchEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', '"$@" 2>&1; rc=$?; times >&3; exit $rc', 'bash', ...command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    });
    let output = '';
    let times = '';
    child.stdout!.on('data', (d) => {
      output += d;
    });
    child.stdio[3]!.on('data', (d) => {
      times += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      // Second line: the children's user and system time, as `0m1.234s 0m0.567s`.
      const [user, sys] = [...(times.trim().split('\n')[1] ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map(
        (m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000,
      );
      resolve({ wallMs, cpuMs: (user ?? Number.NaN) + (sys ?? Number.NaN), ok: code === 0, output });
    });
  });
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
