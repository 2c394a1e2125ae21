import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterAll, beforeAll } from 'vitest';

/** The built CLI, as users run it (turbo builds it before this package's tests). */
export const BIN = process.env.TWILIO_PROXY_BIN ?? fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
/** The built compatibility bin (`proxy-<resource>`), which package.json's other bin entry points at. */
export const ALIAS_BIN = fileURLToPath(new URL('../../dist/alias-bin.js', import.meta.url));

export function assertBuilt(): void {
  for (const file of [BIN, ALIAS_BIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "pnpm turbo run build --filter=@twilio-proxy/cli"`);
  }
}

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: nothing from the developer's shell (no real Twilio credentials) leaks in. */
export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** Runs the built binary with piped stdio; `onStdout` sees chunks instead of them being kept. */
export function runBin(args: string[], env: NodeJS.ProcessEnv, onStdout?: (chunk: string) => void, bin = BIN): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream, so a multi-byte character split across two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      if (onStdout) onStdout(c);
      else stdout += c;
    });
    child.stderr.on('data', (c: string) => {
      stderr += c;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The command the built-bin tests run; each adds its flags. */
export const LIST = ['sessions', 'list'];
/** How many sessions the shared mock of the built-bin tests serves. */
export const COUNT = 57;

/** Checks the bins are built, then starts the shared mock; `env` holds its credentials and nothing else. */
export async function startBinMock(): Promise<{ mock: MockProxy; env: NodeJS.ProcessEnv }> {
  assertBuilt();
  const mock = await startMockProxy({ count: COUNT, seed: 7 });
  return { mock, env: baseEnv({ TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken }) };
}

/** `sessions list` of the mock's service at the mock's URL, then `args`. */
export const listOn = (mock: MockProxy, ...args: string[]): string[] => [
  ...LIST,
  '--service-sid',
  mock.serviceSid,
  '--base-url',
  mock.url,
  ...args,
];

/** The shared mock of one built-bin test file, read inside its tests (it starts in `beforeAll`). */
export interface BinMock {
  readonly mock: MockProxy;
  /** Its credentials and nothing else. */
  readonly env: NodeJS.ProcessEnv;
  /** `sessions list` of its service at its URL, then `args`. */
  list(...args: string[]): string[];
}

/** Starts the shared mock before the enclosing suite's tests and closes it after them (registers both hooks). */
export function useBinMock(): BinMock {
  let started: { mock: MockProxy; env: NodeJS.ProcessEnv } | undefined;
  beforeAll(async () => {
    started = await startBinMock();
  });
  afterAll(async () => {
    await started?.mock.close();
  });
  const get = () => {
    if (!started) throw new Error('the bin mock starts in beforeAll: read it inside a test or a hook');
    return started;
  };
  return {
    get mock() {
      return get().mock;
    },
    get env() {
      return get().env;
    },
    list: (...args) => listOn(get().mock, ...args),
  };
}
