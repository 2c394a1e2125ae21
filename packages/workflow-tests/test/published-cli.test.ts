import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mergePublished } from './fixtures/published/merge-published.js';
import { cloneRepo } from './helpers/temp-repo.js';

/**
 * The CLI's writes, end to end: every operation of Twilio's published Proxy v1 API is merged into a copy of
 * the repo's spec, `pnpm generate` and a build run with no other edit, and the copy's built `twilio-proxy`
 * creates, updates and removes Sessions on the copy's mock. What changed is read from the mock's stored
 * state and the requests it received, not from the CLI's own output.
 */
const exec = promisify(execFile);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', FORCE_COLOR: '0' };

type Any = any;
let repo: { dir: string; remove: () => Promise<void> };
let mock: Any;
let cliEnv: NodeJS.ProcessEnv;

const sh = (cmd: string, args: string[]) => exec(cmd, args, { cwd: repo.dir, env, maxBuffer: 64 * 1024 * 1024 });

/** The copy's built CLI; stdin is never a terminal here (`ignore`), as in a script. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(repo.dir, 'packages/cli/dist/bin.js');
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args, '--base-url', mock.url], { env: cliEnv });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  repo = await cloneRepo('published-cli-');
  const spec = path.join(repo.dir, 'openapi/proxy-v1.yaml');
  await writeFile(spec, await mergePublished(await readFile(spec, 'utf8')));
  await sh('pnpm', ['generate']);
  await sh('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@twilio-proxy/cli...', '--filter=@twilio-proxy/contract...']);
  const contract = await import(pathToFileURL(path.join(repo.dir, 'packages/contract/dist/index.js')).href);
  mock = await contract.startMockProxy({ count: 3, seed: 11 });
  cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
}, 600_000);

// Removing the clone (its node_modules included) can take longer than the default hook timeout on a busy machine.
afterAll(async () => {
  await mock?.close();
  await repo?.remove();
}, 120_000);

const stored = (sid: string) => mock.items('sessions', { ServiceSid: mock.serviceSid }).find((s: Any) => s.sid === sid);
const writes = () => mock.requests.filter((r: Any) => r.method !== 'GET');

describe('twilio-proxy writes against the mock, in a copy with the published API', () => {
  let sid: string;

  test('sessions create: the flags become the stored Session; the printed record is what the mock answered', async () => {
    const r = await cli(
      'sessions',
      'create',
      '--service-sid',
      mock.serviceSid,
      '--unique-name',
      'Order 1',
      '--ttl',
      '3600',
      '--mode',
      'message-only',
      '-o',
      'json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    sid = printed.sid;
    expect(stored(sid)).toMatchObject({ unique_name: 'Order 1', ttl: 3600, mode: 'message-only' });
    expect(printed).toEqual(stored(sid));
    expect(writes().at(-1)).toMatchObject({ method: 'POST', status: 201 });
  });

  test('sessions update: --status closed is stored; --properties in camelCase picks the printed columns', async () => {
    const r = await cli(
      'sessions',
      'update',
      '--service-sid',
      mock.serviceSid,
      '--sid',
      sid,
      '--status',
      'closed',
      '-o',
      'json',
      '--properties',
      'sid,status,uniqueName',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ sid, status: 'closed', unique_name: 'Order 1' });
    expect(stored(sid).status).toBe('closed');
  });

  test('a bad value is refused before anything is sent', async () => {
    const before = mock.requests.length;
    const r = await cli('sessions', 'update', '--service-sid', mock.serviceSid, '--sid', sid, '--ttl', 'ten');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ttl must be an integer, got 'ten'/);
    expect(mock.requests.length).toBe(before);
  });

  test('sessions remove without --yes and without a terminal: refused, exit 2, nothing sent, the Session stays', async () => {
    const before = mock.requests.length;
    const r = await cli('sessions', 'remove', '--service-sid', mock.serviceSid, '--sid', sid);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --yes to confirm \(nothing was sent\)/);
    expect(mock.requests.length).toBe(before);
    expect(stored(sid)).toBeDefined();
  });

  test('sessions remove --yes: gone from the mock; nothing on stdout, what was removed on stderr', async () => {
    const r = await cli('sessions', 'remove', '--service-sid', mock.serviceSid, '--sid', sid, '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Removed /v1/Services/${mock.serviceSid}/Sessions/${sid}\n`);
    expect(stored(sid)).toBeUndefined();
    expect(writes().at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
  });

  test('-l debug shows the form body and the response lines, and no secret', async () => {
    const r = await cli('services', 'create', '--unique-name', 'svc-debug', '-l', 'debug', '-o', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\[DEBUG\] request: POST http:\/\/127\.0\.0\.1:\d+\/v1\/Services\n/);
    expect(r.stderr).toMatch(/\[DEBUG\] request body \(application\/x-www-form-urlencoded[^)]*\): UniqueName=svc-debug\n/);
    expect(r.stderr).toMatch(/\[DEBUG\] response: 201 /);
    expect(r.stderr).not.toContain(mock.authToken);
    expect(r.stderr.toLowerCase()).not.toContain('authorization');
    expect(JSON.parse(r.stdout).unique_name).toBe('svc-debug');
  });
});
