import { describe, expect, it } from 'vitest';
import { stringWidth } from '../src/internal/cell-width.js';
import { sessionPropertyNames } from '../src/internal/session-schema.js';
import { env, exampleSessions, fakeSource, run, SERVICE } from './helpers.js';

describe('formats (injected source)', () => {
  it('ndjson: one object per line, whole sessions', async () => {
    const r = await run(['list', '--service', SERVICE, '--format', 'ndjson'], { source: fakeSource(5) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0])).toEqual(Object.keys(exampleSessions()[0]!));
  });

  it.each([0, 1, 4])('json with %i sessions is one valid array', async (n) => {
    const r = await run(['list', '-s', SERVICE, '-f', 'json'], { source: fakeSource(n) });
    expect(r.code).toBe(0);
    const arr = JSON.parse(r.stdout);
    expect(arr).toHaveLength(n);
  });

  it('csv: RFC 4180 header of every spec property, quoted fields, empty for null', async () => {
    const r = await run(['list', '-s', SERVICE, '-f', 'csv'], { source: fakeSource(2) });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(sessionPropertyNames.join(','));
    expect(lines[1]).toContain(String(exampleSessions()[0]!.unique_name));
    expect(lines[2]!.split(',')[sessionPropertyNames.indexOf('unique_name')]).toBe('');
    expect(lines.at(-1)).toBe('');
  });

  it('csv quotes commas, quotes and newlines', async () => {
    const source = { async *each() { yield { sid: 'KC1', unique_name: 'a,"b"\nc' }; } };
    const r = await run(['list', '-s', SERVICE, '-f', 'csv', '-p', 'sid,unique_name'], { source });
    expect(r.stdout).toBe('sid,unique_name\r\nKC1,"a,""b""\nc"\r\n');
  });

  it.each([60, 100, 160])('table fits %i columns and never truncates a SID at the default width', async (columns) => {
    const r = await run(['list', '-s', SERVICE], { source: fakeSource(3), ttyOut: true, columns });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SID\s+UNIQUE_NAME\s+STATUS\s+DATE_CREATED$/);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    if (columns >= 100) expect(lines[1]).toContain(`KC${'0'.repeat(32)}`);
  });

  it('table defaults to 100 columns when stdout is not a terminal', async () => {
    const r = await run(['list', '-s', SERVICE, '-p', sessionPropertyNames.join(',')], { source: fakeSource(2) });
    for (const l of r.stdout.trimEnd().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(100);
  });

  it('--properties picks and orders fields in every format; --limit and --page-size reach each()', async () => {
    const calls: unknown[] = [];
    const r = await run(['list', '-s', SERVICE, '-f', 'ndjson', '-p', 'status,sid', '--limit', '2', '--page-size', '7'], {
      source: fakeSource(10, calls),
    });
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual(['status', 'sid']);
    expect(calls).toEqual([{ serviceSid: SERVICE, options: { limit: 2, pageSize: 7 } }]);
  });
});

describe('usage errors exit 2 and send nothing', () => {
  it.each([
    [['list'], /--service <KS…> is required/],
    [['list', '-s', SERVICE, '-f', 'xml'], /--format must be one of table, json, ndjson, csv/],
    [['list', '-s', SERVICE, '-p', 'sid,nope'], /unknown Session property 'nope'[\s\S]*Valid properties: sid, service_sid/],
    [['list', '-s', SERVICE, '--limit', 'ten'], /--limit must be an integer, got 'ten'/],
    [['list', '-s', SERVICE, '--page-size', '1.5'], /--page-size must be an integer/],
    [['list', '-s', SERVICE, '--base-url', 'ftp://x'], /--base-url must be an absolute http\(s\) URL/],
    [['list', '-s', SERVICE, '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /Usage:/],
  ])('%j', async (argv, message) => {
    const calls: unknown[] = [];
    const r = await run(argv as string[], { source: fakeSource(1, calls) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(calls).toEqual([]);
  });

  it.each([
    [{}, /none is set/],
    [{ TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID }, /only TWILIO_ACCOUNT_SID is set/],
    [{ TWILIO_API_KEY: 'SK1' }, /only TWILIO_API_KEY is set/],
    [{ TWILIO_API_KEY: 'SK1', TWILIO_API_SECRET: 'x' }, /only TWILIO_API_KEY, TWILIO_API_SECRET are set/],
  ])('missing credentials %j names the variables to set', async (e, detail) => {
    const r = await run(['list', '-s', SERVICE], { env: e });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET/);
    expect(r.stderr).toMatch(detail);
  });

  it('uses API key credentials when there is no auth token', async () => {
    let seen: unknown;
    const r = await run(['list', '-s', SERVICE], {
      env: { TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID, TWILIO_API_KEY: 'SKkey', TWILIO_API_SECRET: 'shh-secret' },
      createSource: (o) => ((seen = o.credentials), fakeSource(0)),
    });
    expect(r.code).toBe(0);
    expect(seen).toEqual({ accountSid: env.TWILIO_ACCOUNT_SID, apiKeySid: 'SKkey', apiKeySecret: 'shh-secret' });
  });
});

describe('API errors', () => {
  const failing = (err: object) => ({
    // eslint-disable-next-line require-yield
    async *each() {
      throw Object.assign(new Error((err as { message: string }).message), err);
    },
  });

  it('ProxyApiError: status, Twilio code, message, more_info, request id, a hint; exit 1; no secret', async () => {
    const r = await run(['list', '-s', SERVICE], {
      source: failing({
        name: 'ProxyApiError', status: 401, code: 20003, message: `Authenticate ${env.TWILIO_AUTH_TOKEN}`,
        moreInfo: 'https://www.twilio.com/docs/errors/20003', requestId: `RQ${'0'.repeat(32)}`,
      }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('HTTP 401, Twilio error 20003: Authenticate');
    expect(r.stderr).toContain('More info:  https://www.twilio.com/docs/errors/20003');
    expect(r.stderr).toContain(`Request id: RQ${'0'.repeat(32)}`);
    expect(r.stderr).toContain('TWILIO_AUTH_TOKEN');
    expect(r.stderr).not.toContain(env.TWILIO_AUTH_TOKEN);
  });

  it.each([
    ['ProxyValidationError', 2, /--service: serviceSid must match \^KS…\$ \(nothing was sent\)/],
    ['ProxyValidationError', 2, /The spec's rule for ServiceSid: exactly 34 characters, matching \^KS\[0-9a-fA-F\]\{32\}\$/],
    ['ProxyPaginationError', 1, /stopped paging/],
    ['ProxyNetworkError', 1, /could not reach the API/],
    ['ProxyTimeoutError', 1, /did not answer in time/],
    ['AbortError', 130, /interrupted/],
    ['TypeError', 1, /unexpected error/],
  ])('%s exits %i', async (name, code, message) => {
    const r = await run(['list', '-s', SERVICE], {
      source: failing({ name, message: 'serviceSid must match ^KS…$', parameter: 'ServiceSid' }),
    });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('progress line', () => {
  it('is drawn on stderr only when stderr is a TTY, and cleared at the end', async () => {
    const tty = await run(['list', '-s', SERVICE, '-f', 'ndjson'], { source: fakeSource(3), ttyErr: true });
    expect(tty.stderr).toMatch(/\d+ sessions? · \d+ pages? · [\d,]+ sessions\/s/);
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(tty.stdout).not.toMatch(/sessions\/s|\u001b/);
    const piped = await run(['list', '-s', SERVICE, '-f', 'ndjson'], { source: fakeSource(3), ttyErr: false });
    expect(piped.stderr).toBe('');
  });
});

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j shows commands, credentials, exit codes, examples', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Commands:[\s\S]*list[\s\S]*Exit codes:[\s\S]*Examples:/);
  });

  it.each([[['list', '--help']], [['help', 'list']]])('%j documents every option, property and exit code', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    for (const flag of ['--service', '--format', '--properties', '--limit', '--page-size', '--base-url']) expect(r.stdout).toContain(flag);
    for (const p of sessionPropertyNames) expect(r.stdout).toContain(p);
    expect(r.stdout).toMatch(/Exit codes:\n  0 [\s\S]*\n  1 [\s\S]*\n  2 /);
    expect(r.stdout).toContain('Examples:');
  });

  it('--version', async () => {
    expect((await run(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});
