import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basic } from './helpers/helpers.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../src/bin/mock.ts');

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=@twilio-proxy/source', '--import', 'tsx', bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('Ctrl-C') && resolve(out));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  ready.catch(() => {}); // awaited by the tests that expect a start
  return { child, ready, output: () => out };
}

describe('pnpm mock (src/bin/mock.ts)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'prints URL, credentials and service SID, serves, and stops cleanly on %s',
    async (signal) => {
      const cli = startCli(['--count', '25', '--port', '0', '--seed', '5', '--self-check']); // exit 0 also means no spec violation
      const out = await cli.ready;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const account = /Account SID:\s+(AC[0-9a-f]{32})/.exec(out)![1]!;
      const token = /Auth token:\s+([0-9a-f]{32})/.exec(out)![1]!;
      const service = /Service SID:\s+(KS[0-9a-f]{32})/.exec(out)![1]!;
      const res = await fetch(`${url}/v1/Services/${service}/Sessions`, { headers: { authorization: basic(account, token) } });
      expect(res.status).toBe(200);
      expect((await res.json()).sessions).toHaveLength(25);
      const exited = once(cli.child, 'exit');
      cli.child.kill(signal);
      const [code] = await exited;
      expect(code).toBe(0);
      expect(cli.output()).toContain(`${signal}: stopping`);
      expect(cli.output()).not.toContain('requests:'); // no request log by default
    },
    60_000,
  );

  it('keeps the last n requests with --request-log n, printed on stop', async () => {
    const cli = startCli(['--count', '3', '--port', '0', '--request-log', '2']);
    const out = await cli.ready;
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const account = /Account SID:\s+(AC[0-9a-f]{32})/.exec(out)![1]!;
    const token = /Auth token:\s+([0-9a-f]{32})/.exec(out)![1]!;
    const service = /Service SID:\s+(KS[0-9a-f]{32})/.exec(out)![1]!;
    for (const size of [1, 2, 3])
      await fetch(`${url}/v1/Services/${service}/Sessions?PageSize=${size}`, { headers: { authorization: basic(account, token) } });
    const exited = once(cli.child, 'exit');
    cli.child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    const logged = cli
      .output()
      .split('Last 2 requests:')[1]!
      .trim()
      .split('\n')
      .map((l) => l.trim());
    expect(logged).toEqual([expect.stringMatching(/^GET \S+PageSize=2 → 200$/), expect.stringMatching(/^GET \S+PageSize=3 → 200$/)]);
  }, 60_000);

  it('rejects bad options with usage and exit code 2', async () => {
    const cli = startCli(['--count', 'many']);
    const [code] = await once(cli.child, 'exit');
    expect(code).toBe(2);
    expect(cli.output()).toMatch(/--count must be a non-negative integer[\s\S]*Usage: proxy-mock/);
  }, 60_000);
});
