import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLIENT_PACKAGE } from '../../../../scripts/lib/sample-client.js';
import type { Command, OperationSource } from '../../src/index.js';
import { BIN } from './bin-helpers.js';
import { run, type SourceCall } from './helpers.js';

/** The repository root: where `tsx` resolves from for the client samples. */
export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** The built client, as a user installs it (turbo builds it before this package's tests). */
const CLIENT_DIST = join(ROOT, 'packages/client/dist/index.js');
/** The variable the test's stand-in for `@twilio-proxy/client` reads the mock's URL from. */
export const SAMPLE_BASE_URL_VARIABLE = 'TWILIO_PROXY_SAMPLE_BASE_URL';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a child with piped output and the given environment only (no developer credentials leak in). */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Where `curl` is, or null: the curl samples are skipped (with a message) only when it is absent. */
export function findCurl(path = process.env.PATH ?? ''): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin', ...path.split(':')]) {
    if (dir && existsSync(join(dir, 'curl'))) return join(dir, 'curl');
  }
  return null;
}

/**
 * A scratch folder for running samples as a user would: `bin/twilio-proxy` (the built CLI, so the shell finds the
 * bin by name) and `client.mjs`, the stand-in for `@twilio-proxy/client`: the built client, whose
 * `createProxyClient` defaults `baseUrl` to `$TWILIO_PROXY_SAMPLE_BASE_URL` (the mock's). That is the one
 * change a client sample gets; its credentials come from the environment, as the sample says.
 */
export interface SampleSandbox {
  readonly dir: string;
  runClient(source: string, env: Record<string, string>): Promise<RunResult>;
  /** A shell sample through `sh -c`, with the sandbox's bin first on PATH. */
  runShell(source: string, env: Record<string, string>): Promise<RunResult>;
  dispose(): void;
}

export function createSampleSandbox(): SampleSandbox {
  for (const file of [BIN, CLIENT_DIST])
    if (!existsSync(file)) throw new Error(`${file} is missing: run "pnpm turbo run build --filter=@twilio-proxy/cli..."`);
  const dir = mkdtempSync(join(tmpdir(), 'docs-samples-'));
  const bin = join(dir, 'bin');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(bin);
  const cli = join(bin, 'twilio-proxy');
  writeFileSync(cli, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(cli, 0o755);
  const client = pathToFileURL(CLIENT_DIST).href;
  writeFileSync(
    join(dir, 'client.mjs'),
    [
      `import * as client from ${JSON.stringify(client)};`,
      `export * from ${JSON.stringify(client)};`,
      `export const createProxyClient = (options = {}) => client.createProxyClient({ baseUrl: process.env.${SAMPLE_BASE_URL_VARIABLE}, ...options });`,
      '',
    ].join('\n'),
  );
  let n = 0;
  const basePath = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? dir };
  return {
    dir,
    runClient(source, env) {
      const file = join(dir, `sample-${++n}.mts`);
      const imported = `'${CLIENT_PACKAGE}'`;
      if (!source.includes(imported)) throw new Error(`the client sample does not import ${imported}`);
      writeFileSync(file, source.replace(imported, JSON.stringify(pathToFileURL(join(dir, 'client.mjs')).href)));
      return runChild(process.execPath, ['--import', 'tsx', file], { ...basePath, ...env });
    },
    runShell(source, env) {
      return runChild('/bin/sh', ['-c', source], { ...basePath, ...env }, dir);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A stand-in `twilio-proxy` in `dir` that prints, as JSON, the words the shell split its command line into. */
export function writeArgvBin(dir: string): void {
  const bin = join(dir, 'twilio-proxy');
  writeFileSync(
    bin,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@"\n`,
  );
  chmodSync(bin, 0o755);
}

/** Runs argv through the real CLI with a fake client that records what it is asked to send. */
export async function parsedByCli(argv: string[], commands: Command[]) {
  const calls: SourceCall[] = [];
  const source: OperationSource = {
    async *each(operationId, params, options) {
      calls.push({ operationId, params, options });
      yield* [];
    },
    async request(operationId, params, options) {
      calls.push({ operationId, params, options });
      return {};
    },
  };
  const { code, stderr } = await run(argv, { commands, source });
  return { calls, code, stderr };
}
