import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../src/core/output-format.js';
import { stringWidth } from '../src/internal/cell-width.js';
import { ALIAS_BIN, assertBuilt, BIN, baseEnv, runBin } from './bin-helpers.js';
import { COMPAT_BIN, listSessionsCommand } from './helpers.js';

const sessionPropertyNames = listSessionsCommand().properties.map((p) => p.name);
const LIST = ['sessions', 'list'];

const COUNT = 57;

describe('the built twilio-proxy binary against the mock Proxy server', () => {
  let mock: MockProxy;
  let env: NodeJS.ProcessEnv;
  const list = (...args: string[]) => [...LIST, '--service-sid', mock.serviceSid, '--base-url', mock.url, ...args];

  beforeAll(async () => {
    assertBuilt();
    mock = await startMockProxy({ count: COUNT, seed: 7 });
    env = baseEnv({ TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('ndjson: every session, in order, exactly as served; nothing on stderr when piped', async () => {
    const r = await runBin(list('--format', 'ndjson', '--page-size', '10'), env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual(mock.sessions);
  });

  it('json: one valid array equal to the served sessions', async () => {
    const r = await runBin(list('--format', 'json'), env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(mock.sessions);
  });

  it('csv: header of every spec property and one RFC 4180 row per session', async () => {
    const r = await runBin(list('--format', 'csv', '--page-size', '20'), env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(sessionPropertyNames.join(','));
    expect(lines.slice(1, -1)).toEqual(
      mock.sessions.map((s) => sessionPropertyNames.map((p) => csvField((s as Record<string, unknown>)[p])).join(',')),
    );
  });

  it('table (the default): a header and one line per session, 100 columns wide when piped', async () => {
    const r = await runBin(list(), env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SID\s+UNIQUE_NAME\s+STATUS\s+DATE_CREATED$/);
    expect(lines).toHaveLength(COUNT + 1);
    lines.slice(1).forEach((l, i) => {
      expect(l.startsWith(mock.sessions[i]!.sid!)).toBe(true);
      expect(l).toContain(mock.sessions[i]!.status);
    });
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(100);
    // Columns line up whatever the names' scripts (CJK takes two cells): every row ends with the
    // fixed-width ASCII STATUS and DATE_CREATED cells, so what precedes them fills the header's cells exactly.
    const statusAt = lines[0]!.indexOf('STATUS');
    const rowTail = lines[0]!.indexOf('DATE_CREATED') - statusAt + '2020-01-01T00:00:00Z'.length;
    lines.slice(1).forEach((l, i) => {
      if (mock.sessions[i]!.date_created) expect(stringWidth(l.slice(0, l.length - rowTail)), l).toBe(statusAt);
    });
  });

  it('--limit stops early: 7 sessions with PageSize 5 fetch 2 pages, not 12', async () => {
    const before = mock.requests.length;
    const r = await runBin(list('--format', 'ndjson', '--limit', '7', '--page-size', '5'), env);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).sid),
    ).toEqual(mock.sessions.slice(0, 7).map((s) => s.sid));
    expect(mock.requests.length - before).toBe(2);
  });

  it.each([
    [
      'ndjson',
      (out: string) =>
        out
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
    ],
    ['json', (out: string) => JSON.parse(out)],
  ])('--properties picks and orders fields (%s)', async (format, parse) => {
    const r = await runBin(list('--format', format, '--properties', 'status,sid,ttl', '--limit', '3'), env);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual(mock.sessions.slice(0, 3).map((s) => ({ status: s.status, sid: s.sid, ttl: s.ttl })));
  });

  it('--properties in csv and table', async () => {
    const csv = await runBin(list('--format', 'csv', '--properties', 'sid,mode', '--limit', '2'), env);
    expect(csv.stdout).toBe(['sid,mode', ...mock.sessions.slice(0, 2).map((s) => `${s.sid},${s.mode}`), ''].join('\r\n'));
    const table = await runBin(list('--properties', 'mode,sid', '--limit', '2'), env);
    expect(table.stdout.split('\n')[0]).toMatch(/^MODE\s+SID$/);
  });

  describe('errors', () => {
    const otherService = () => `KS${'f'.repeat(32)}`;

    type Args = (list: (...a: string[]) => string[]) => string[];
    it.each<[string, Args, RegExp]>([
      [
        'a SID that breaks the pattern',
        () => [...LIST, '--service-sid', `KS${'z'.repeat(32)}`],
        /--service-sid: .*ServiceSid[\s\S]*matching \^KS\[0-9a-fA-F\]\{32\}\$/,
      ],
      ['a SID of the wrong length', () => [...LIST, '--service-sid', 'KS123'], /--service-sid: .*ServiceSid[\s\S]*exactly 34 characters/],
      ['PageSize outside the spec range', (l) => l('--page-size', '5000'), /--page-size: .*PageSize[\s\S]*from 1 to 1000/],
      ['a non-positive limit', (l) => l('--limit', '0'), /--limit: .*limit/],
      ['an unknown property', (l) => l('-p', 'sid,colour'), /unknown Session property 'colour'/],
      ['a missing --service-sid', () => LIST, /--service-sid <KS…> is required/],
      ['an unknown format', (l) => l('-f', 'yaml'), /--format must be one of/],
    ])('%s: exit 2, no request sent', async (_name, args, message) => {
      const before = mock.requests.length;
      // `--base-url` once: a flag given twice is itself a usage error.
      const r = await runBin([...args((...a) => [...LIST, '--service-sid', mock.serviceSid, ...a]), '--base-url', mock.url], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(mock.requests.length).toBe(before);
    });

    it('missing credentials: exit 2 naming the variables to set', async () => {
      const r = await runBin(list(), baseEnv());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET');
    });

    it('401: exit 1 with Twilio code 20003, message, more_info; the token is never printed', async () => {
      const wrong = 'wrong-token-0123456789abcdef';
      const r = await runBin(list(), baseEnv({ TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: wrong }));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/HTTP 401, Twilio error 20003: /);
      expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20003');
      expect(r.stderr).toMatch(/Request id: RQ[0-9a-f]{32}/i);
      expect(r.stdout + r.stderr).not.toContain(wrong);
      expect(r.stdout + r.stderr).not.toContain(mock.authToken);
    });

    it('404: exit 1 with Twilio code 20404 and a hint about --service-sid', async () => {
      const r = await runBin([...LIST, '--service-sid', otherService(), '--base-url', mock.url], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/HTTP 404, Twilio error 20404: /);
      expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20404');
      expect(r.stderr).toContain('Check --service-sid');
    });

    it('429 after the client retries: exit 1 with Twilio code 20429', async () => {
      const limited = await startMockProxy({
        count: 3,
        seed: 7,
        faults: { sequence: ['rate-limit', 'rate-limit', 'rate-limit', 'rate-limit'], retryAfter: 0 },
      });
      try {
        const r = await runBin(
          [...LIST, '--service-sid', limited.serviceSid, '--base-url', limited.url],
          baseEnv({ TWILIO_ACCOUNT_SID: limited.accountSid, TWILIO_AUTH_TOKEN: limited.authToken }),
        );
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/HTTP 429, Twilio error 20429: /);
        expect(r.stderr).toContain('https://www.twilio.com/docs/errors/20429');
        expect(limited.requests.length).toBeGreaterThan(1);
      } finally {
        await limited.close();
      }
    });

    it('an unreachable server: exit 1, "could not reach the API"', async () => {
      const gone = await startMockProxy({ count: 1 });
      const url = gone.url;
      await gone.close();
      const r = await runBin([...LIST, '--service-sid', mock.serviceSid, '--base-url', url], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not reach the API/);
    });
  });

  it('Ctrl-C while a page is pending: exit 130, "interrupted"', async () => {
    const stalled = await startMockProxy({ count: 3, seed: 7, faults: { sequence: ['stall'] } });
    try {
      const child = spawn(process.execPath, [BIN, ...LIST, '--service-sid', stalled.serviceSid, '--base-url', stalled.url], {
        env: baseEnv({ TWILIO_ACCOUNT_SID: stalled.accountSid, TWILIO_AUTH_TOKEN: stalled.authToken }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      await expect.poll(() => stalled.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
      child.kill('SIGINT');
      const [code] = (await once(child, 'close')) as [number];
      expect(code).toBe(130);
      expect(stderr).toContain('interrupted');
    } finally {
      await stalled.close();
    }
  });

  it('a reader that stops early (| head -1) ends the listing quietly with exit 0', async () => {
    const many = await startMockProxy({ count: 5_000, seed: 7, selfCheck: false });
    try {
      const child = spawn(process.execPath, [BIN, ...LIST, '--service-sid', many.serviceSid, '--base-url', many.url, '-f', 'ndjson'], {
        env: baseEnv({ TWILIO_ACCOUNT_SID: many.accountSid, TWILIO_AUTH_TOKEN: many.authToken }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      await once(child.stdout, 'data');
      child.stdout.destroy();
      const [code] = (await once(child, 'close')) as [number];
      expect(code).toBe(0);
      expect(stderr).toBe('');
    } finally {
      await many.close();
    }
  });

  it('--help works for the program, the resource and the command, with examples and exit codes', async () => {
    for (const args of [['--help'], ['sessions', '--help'], [...LIST, '--help'], ['help', ...LIST]]) {
      const r = await runBin(args, baseEnv());
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain('Exit codes:');
    }
  });

  describe(`the compatibility bin ${COMPAT_BIN} (dist/alias-bin.js)`, () => {
    const old = (...args: string[]) => ['list', '--service', mock.serviceSid, '--base-url', mock.url, ...args];
    let links: string;
    beforeAll(() => {
      links = mkdtempSync(join(tmpdir(), 'cli-bin-links-'));
      // As npm installs it: a link named after the bin entry.
      symlinkSync(ALIAS_BIN, join(links, COMPAT_BIN));
    });
    afterAll(() => {
      if (links) rmSync(links, { recursive: true, force: true });
    });

    it.each([
      ['started by its file (as pnpm and Windows shims do)', () => ALIAS_BIN],
      ['started through a link named after it (as npm links bins)', () => join(links, COMPAT_BIN)],
    ])('%s: the old command line prints what the new one prints', async (_how, bin) => {
      const [before, after] = [
        await runBin(list('--format', 'csv', '--limit', '9'), env),
        await runBin(old('--format', 'csv', '--limit', '9'), env, undefined, bin()),
      ];
      expect(after.code).toBe(0);
      expect(after.stderr).toBe('');
      expect(after.stdout).toBe(before.stdout);
      const short = await runBin(['list', '-s', mock.serviceSid, '--base-url', mock.url, '-f', 'ndjson', '-l', '2'], env, undefined, bin());
      expect(
        short.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).sid),
      ).toEqual(mock.sessions.slice(0, 2).map((s) => s.sid));
    });

    it('errors and help speak its own name and the old flags', async () => {
      const missing = await runBin(['list', '--base-url', mock.url], env, undefined, ALIAS_BIN);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`${COMPAT_BIN}: --service <KS…> is required\nRun '${COMPAT_BIN} list --help' for usage.\n`);
      const help = await runBin(['list', '--help'], baseEnv(), undefined, ALIAS_BIN);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('-s, --service <KS…>');
      const version = await runBin(['--version'], baseEnv(), undefined, ALIAS_BIN);
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    });
  });
});
