import { readFileSync } from 'node:fs';
import { runCli } from '../core/run.js';

export interface PackageJson {
  version: string;
  bin?: Record<string, string>;
}

export const packageJson = (): PackageJson =>
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageJson;

/** Runs the CLI as this process: Ctrl-C, a closed pipe and the exit code wired to the real process. */
export async function runProcess(bin: string, version: string): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  // A closed pipe (`| head`) ends the listing quietly: the reader has what it wanted.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      controller.abort();
      process.exit(0);
    }
    throw err;
  });

  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: process.stdin is opened only when a remove asks for confirmation.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    version,
    bin,
    userAgent: `twilio-proxy/${version} node/${process.versions.node}`,
    signal: controller.signal,
  });

  if (process.env.TWILIO_PROXY_REPORT_RSS) {
    // Peak resident memory of this process, for the memory test (getrusage reports kilobytes).
    process.stderr.write(`${bin}: peak RSS ${process.resourceUsage().maxRSS} kB\n`);
  }
  process.exitCode = code;
}
