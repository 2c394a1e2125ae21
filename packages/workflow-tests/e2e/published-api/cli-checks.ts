import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishedRepo } from '../helpers/published-repo.js';
import { run } from '../helpers/temp-repo.js';

type Any = any;

/**
 * The copy's built `twilio-proxy` against the copy's mock: creates, updates and removes Sessions, and twilio-cli's
 * habits. What changed is read from the mock's stored state and the requests it received, not from the CLI's own
 * output. Stdin is never a terminal here (`ignore`), as in a script.
 */
export function describeCli(copy: () => PublishedRepo): void {
  describe('the CLI in that copy: writes against the mock, twilio-cli habits', () => {
    let mock: Any;
    let bin: string;
    let cliEnv: NodeJS.ProcessEnv;
    beforeAll(async () => {
      const contract = await copy().load('contract');
      mock = await contract.startMockProxy({ count: 3, seed: 5 });
      bin = path.join(copy().dir, 'packages/cli/dist/bin.js');
      cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
    });
    afterAll(() => mock?.close());

    const cli = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(process.execPath, [bin, ...args, '--base-url', mock.url], { env: cliEnv });
        return { code: 0, stdout, stderr };
      } catch (e) {
        const x = e as { code: number; stdout: string; stderr: string };
        return { code: x.code, stdout: x.stdout, stderr: x.stderr };
      }
    };
    const stored = (sid: string) => mock.items('sessions').find((s: Any) => s.sid === sid);
    const writes = () => mock.requests.filter((r: Any) => r.method !== 'GET');
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
      const gone = await cli('sessions', 'fetch', '--service-sid', mock.serviceSid, '--sid', sid);
      expect(gone.code).not.toBe(0);
    });

    test('-o json, --no-header and camelCase --properties on a list', async () => {
      const json = await cli(
        'sessions',
        'list',
        '--service-sid',
        mock.serviceSid,
        '-o',
        'json',
        '--properties',
        'sid,uniqueName,dateCreated',
      );
      expect(json.code, json.stderr).toBe(0);
      expect(Object.keys(JSON.parse(json.stdout)[0])).toEqual(['sid', 'unique_name', 'date_created']);
      const table = await cli('sessions', 'list', '--service-sid', mock.serviceSid, '-o', 'tsv', '--no-header', '--properties', 'sid');
      expect(table.stdout.trim().split('\n')).toEqual(mock.sessions.map((s: Any) => s.sid));
    });

    test('-l debug shows the request, the form body and the response lines, and no secret', async () => {
      const r = await cli('services', 'create', '--unique-name', 'svc-debug', '-l', 'debug', '-o', 'json');
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^\[DEBUG\] request: POST http:\/\/127\.0\.0\.1:\d+\/v1\/Services\n/);
      expect(r.stderr).toMatch(/\[DEBUG\] request body \(application\/x-www-form-urlencoded[^)]*\): UniqueName=svc-debug\n/);
      expect(r.stderr).toMatch(/\[DEBUG\] response: 201 /);
      expect(r.stderr).not.toContain(mock.authToken);
      expect(r.stderr.toLowerCase()).not.toContain('authorization');
      expect(JSON.parse(r.stdout).unique_name).toBe('svc-debug');
      const list = await cli('services', 'list', '-l', 'debug');
      expect(list.code, list.stderr).toBe(0);
      expect(list.stderr).toMatch(/GET .*\/v1\/Services/);
      expect(list.stderr).not.toContain(mock.authToken);
    });
  });
}
