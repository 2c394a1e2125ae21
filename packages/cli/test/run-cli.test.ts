import { operationsMeta } from '@twilio-proxy/types';
import { kebabCase } from '@twilio-proxy/types/spec';
import { describe, expect, it } from 'vitest';
import { commandsOfSpec } from '../src/index.js';
import { stringWidth } from '../src/internal/cell-width.js';
import { COMPAT_BIN, env, exampleSessions, fakeSource, listSessionsCommand, run, SERVICE, type SourceCall } from './helpers.js';

const LIST = ['sessions', 'list', '--service-sid', SERVICE];
const sessionPropertyNames = listSessionsCommand().properties.map((p) => p.name);

describe('commands come from the spec', () => {
  it('one command per operation, named from its path and operationId, with the defaults of the path', () => {
    // Whatever operations the spec has (a spec author may add some, reads or writes): each one is a command.
    expect(commandsOfSpec().map((c) => [c.resource, c.action, c.operation.operationId])).toEqual(
      Object.entries(operationsMeta).map(([id, m]) => [kebabCase(m.resource), kebabCase(m.action), id]),
    );
    const list = listSessionsCommand();
    expect([list.resource, list.action]).toEqual(['sessions', 'list']);
    // twilio-cli's flag names; the paging parameters the CLI handles itself are not offered.
    expect(list!.flags.map((f) => f.name)).toEqual(['service-sid', 'page-size']);
    expect(list!.defaultProperties).toEqual(list!.operation.extensions['x-twilio'].defaultOutputProperties);
    expect(sessionPropertyNames).toEqual(Object.keys(exampleSessions()[0]!));
  });
});

describe('formats (injected source)', () => {
  it('ndjson: one object per line, whole sessions', async () => {
    const r = await run([...LIST, '--format', 'ndjson'], { source: fakeSource(5) });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(Object.keys(lines[0])).toEqual(Object.keys(exampleSessions()[0]!));
  });

  it.each([0, 1, 4])('json with %i sessions is one valid array', async (n) => {
    const r = await run([...LIST, '-f', 'json'], { source: fakeSource(n) });
    expect(r.code).toBe(0);
    const arr = JSON.parse(r.stdout);
    expect(arr).toHaveLength(n);
  });

  it('csv: RFC 4180 header of every spec property, quoted fields, empty for null', async () => {
    const r = await run([...LIST, '-f', 'csv'], { source: fakeSource(2) });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(sessionPropertyNames.join(','));
    expect(lines[1]).toContain(String(exampleSessions()[0]!.unique_name));
    expect(lines[2]!.split(',')[sessionPropertyNames.indexOf('unique_name')]).toBe('');
    expect(lines.at(-1)).toBe('');
  });

  it('csv quotes commas, quotes and newlines', async () => {
    const source = {
      ...fakeSource(0),
      async *each() {
        yield { sid: 'KC1', unique_name: 'a,"b"\nc' };
      },
    };
    const r = await run([...LIST, '-f', 'csv', '-p', 'sid,unique_name'], { source });
    expect(r.stdout).toBe('sid,unique_name\r\nKC1,"a,""b""\nc"\r\n');
  });

  it.each([60, 100, 160])('table fits %i columns and never truncates a SID at the default width', async (columns) => {
    const r = await run(LIST, { source: fakeSource(3), ttyOut: true, columns });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // The default columns are the path's x-twilio defaultOutputProperties.
    expect(lines[0]).toMatch(/^SID\s+UNIQUE_NAME\s+STATUS\s+DATE_CREATED$/);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns);
    if (columns >= 100) expect(lines[1]).toContain(`KC${'0'.repeat(32)}`);
  });

  it('table defaults to 100 columns when stdout is not a terminal', async () => {
    const r = await run([...LIST, '-p', sessionPropertyNames.join(',')], { source: fakeSource(2) });
    for (const l of r.stdout.trimEnd().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(100);
  });

  it('--properties picks and orders fields in every format; --limit and --page-size reach each()', async () => {
    const calls: SourceCall[] = [];
    const r = await run([...LIST, '-f', 'ndjson', '-p', 'status,sid', '--limit', '2', '--page-size', '7'], {
      source: fakeSource(10, calls),
    });
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual(['status', 'sid']);
    expect(calls).toEqual([
      { operationId: 'ListSession', params: { path: { ServiceSid: SERVICE }, query: { PageSize: 7 } }, options: { limit: 2 } },
    ]);
  });
});

describe('usage errors exit 2 and send nothing', () => {
  it.each([
    [['sessions', 'list'], /--service-sid <KS…> is required[\s\S]*Run 'twilio-proxy sessions list --help'/],
    [[...LIST, '-f', 'xml'], /--format must be one of table, json, ndjson, csv/],
    [[...LIST, '-p', 'sid,nope'], /unknown Session property 'nope'[\s\S]*Valid properties: sid, service_sid/],
    [[...LIST, '--limit', 'ten'], /--limit must be an integer, got 'ten'/],
    [[...LIST, '--page-size', '1.5'], /--page-size must be an integer/],
    [[...LIST, '--base-url', 'ftp://x'], /--base-url must be an absolute http\(s\) URL/],
    [[...LIST, '--bogus'], /Unknown option '--bogus'/],
    // The paging parameters are the CLI's own business: it follows next_page_url.
    [[...LIST, '--page-token', 'x'], /Unknown option '--page-token'/],
    // The short forms belong to the compatibility bin only.
    [['sessions', 'list', '--service', SERVICE], /Unknown option '--service'/],
    // Whatever other resources the spec has (a spec author may add some), sessions is among them.
    [['frobnicate'], /unknown command 'frobnicate'. Resources: (\S+, )*sessions\b/],
    [['sessions'], /sessions needs an action: list/],
    [['sessions', 'frobnicate'], /unknown action 'frobnicate' for sessions; it has: list/],
    [['list', '--service', SERVICE], /unknown command 'list'/],
    [[], /Usage:/],
  ])('%j', async (argv, message) => {
    const calls: SourceCall[] = [];
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
    const r = await run(LIST, { env: e });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET/);
    expect(r.stderr).toMatch(detail);
    expect(r.stderr).toContain("Run 'twilio-proxy sessions list --help'");
  });

  it('uses API key credentials when there is no auth token', async () => {
    let seen: unknown;
    const r = await run(LIST, {
      env: { TWILIO_ACCOUNT_SID: env.TWILIO_ACCOUNT_SID, TWILIO_API_KEY: 'SKkey', TWILIO_API_SECRET: 'shh-secret' },
      createSource: (o) => {
        seen = o.credentials;
        return fakeSource(0);
      },
    });
    expect(r.code).toBe(0);
    expect(seen).toEqual({ accountSid: env.TWILIO_ACCOUNT_SID, apiKeySid: 'SKkey', apiKeySecret: 'shh-secret' });
  });
});

describe('API errors', () => {
  const failing = (err: object) => ({
    ...fakeSource(0),
    // biome-ignore lint/correctness/useYield: it fails before the first item
    async *each() {
      throw Object.assign(new Error((err as { message: string }).message), err);
    },
  });

  it('ProxyApiError: status, Twilio code, message, more_info, request id, a hint; exit 1; no secret', async () => {
    const r = await run(LIST, {
      source: failing({
        name: 'ProxyApiError',
        status: 401,
        code: 20003,
        message: `Authenticate ${env.TWILIO_AUTH_TOKEN}`,
        moreInfo: 'https://www.twilio.com/docs/errors/20003',
        requestId: `RQ${'0'.repeat(32)}`,
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

  it('404: the hint names the path flags', async () => {
    const r = await run(LIST, { source: failing({ name: 'ProxyApiError', status: 404, code: 20404, message: 'not found' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Check --service-sid: it must name a resource that exists');
  });

  it.each([
    ['ProxyValidationError', 2, /--service-sid: serviceSid must match \^KS…\$ \(nothing was sent\)/],
    ['ProxyValidationError', 2, /The spec's rule for ServiceSid: exactly 34 characters, matching \^KS\[0-9a-fA-F\]\{32\}\$/],
    ['ProxyPaginationError', 1, /stopped paging/],
    ['ProxyNetworkError', 1, /could not reach the API/],
    ['ProxyTimeoutError', 1, /did not answer in time/],
    ['AbortError', 130, /interrupted/],
    ['TypeError', 1, /unexpected error/],
  ])('%s exits %i', async (name, code, message) => {
    const r = await run(LIST, {
      source: failing({ name, message: 'serviceSid must match ^KS…$', parameter: 'ServiceSid' }),
    });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('progress line', () => {
  it('is drawn on stderr only when stderr is a TTY, counts in the item’s words, and is cleared at the end', async () => {
    const tty = await run([...LIST, '-f', 'ndjson'], { source: fakeSource(3), ttyErr: true });
    expect(tty.stderr).toMatch(/\d+ sessions? · \d+ pages? · [\d,]+ sessions\/s/);
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(tty.stdout).not.toContain('sessions/s');
    expect(tty.stdout).not.toContain('\u001b');
    const piped = await run([...LIST, '-f', 'ndjson'], { source: fakeSource(3), ttyErr: false });
    expect(piped.stderr).toBe('');
  });
});

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j lists every command of the spec with its summary', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    // A long summary wraps under its column, so whitespace is compared loosely.
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const c of commandsOfSpec()) expect(text).toContain(`${c.resource} ${c.action} ${c.operation.summary?.replace(/\s+/g, ' ')}`);
    expect(r.stdout).toMatch(/Commands:[\s\S]*Exit codes:[\s\S]*Examples:/);
  });

  it.each([[['sessions', '--help']], [['help', 'sessions']]])('%j lists the actions of the resource', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Commands:\n\s+list\s+List the Sessions of a Service/);
  });

  it.each([[['sessions', 'list', '--help']], [['help', 'sessions', 'list']]])(
    '%j documents every flag, property and exit code from the spec',
    async (argv) => {
      const r = await run(argv);
      expect(r.code).toBe(0);
      const command = listSessionsCommand();
      expect(r.stdout.split('\n').slice(0, 2)).toEqual([command.operation.summary, `GET ${command.operation.path}`]);
      for (const flag of ['--service-sid', '--format', '--properties', '--limit', '--page-size', '--base-url'])
        expect(r.stdout).toContain(flag);
      for (const f of command.flags) expect(r.stdout.replace(/\s+/g, ' ')).toContain(f.parameter.description);
      for (const p of sessionPropertyNames) expect(r.stdout).toContain(p);
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 [\s\S]*\n {2}1 [\s\S]*\n {2}2 /);
      expect(r.stdout).toContain('Examples:\n  twilio-proxy sessions list --service-sid KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n');
    },
  );

  it('--version', async () => {
    expect((await run(['--version'])).stdout).toBe('0.0.0-test\n');
  });
});

describe(`the compatibility bin ${COMPAT_BIN}: the old command line keeps working`, () => {
  const compat = (argv: string[], opts: Parameters<typeof run>[1] = {}) => run(argv, { bin: COMPAT_BIN, ...opts });

  it.each([[['list', '--service', SERVICE]], [['list', '-s', SERVICE]], [['list', '--service-sid', SERVICE]]])(
    '%j lists like `twilio-proxy sessions list --service-sid`',
    async (argv) => {
      const calls: SourceCall[] = [];
      const r = await compat([...argv, '-f', 'ndjson', '-l', '2', '--page-size', '5'], { source: fakeSource(9, calls) });
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
      expect(calls).toEqual([
        { operationId: 'ListSession', params: { path: { ServiceSid: SERVICE }, query: { PageSize: 5 } }, options: { limit: 2 } },
      ]);
    },
  );

  it.each([
    [['list'], /proxy-sessions: --service <KS…> is required\nRun 'proxy-sessions list --help' for usage./],
    [['list', '-s', SERVICE, '--service-sid', SERVICE], /give --service or --service-sid, not both/],
    [['list', '-s', SERVICE, '-p', 'sid,nope'], /unknown Session property 'nope'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /Usage:\n {2}proxy-sessions <action>/],
  ])('%j: exit 2', async (argv, message) => {
    const r = await compat(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a validation error names the short flag', async () => {
    const source = {
      ...fakeSource(0),
      each: () => {
        throw Object.assign(new Error('bad'), { name: 'ProxyValidationError', parameter: 'ServiceSid' });
      },
    };
    const r = await compat(['list', '-s', SERVICE], { source });
    expect(r.stderr).toMatch(/^proxy-sessions: --service: bad \(nothing was sent\)/);
  });

  it.each([[['--help']], [['help']], [['list', '--help']], [['help', 'list']]])('%j', async (argv) => {
    const r = await compat(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toContain(argv.includes('list') ? '-s, --service <KS…>' : 'Commands:\n  list ');
    expect(r.stdout).toContain('Examples:\n  proxy-sessions list --service KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n');
  });
});
