#!/usr/bin/env node
import './internal/memory-mode.js';
import { readFileSync } from 'node:fs';
import { runCli } from './core/run.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

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
  env: process.env,
  version,
  userAgent: `proxy-sessions/${version} node/${process.versions.node}`,
  signal: controller.signal,
});

if (process.env.PROXY_SESSIONS_REPORT_RSS) {
  // Peak resident memory of this process, for the memory test (getrusage reports kilobytes).
  process.stderr.write(`proxy-sessions: peak RSS ${process.resourceUsage().maxRSS} kB\n`);
}
process.exitCode = code;
