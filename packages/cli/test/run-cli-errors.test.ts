import { describe, expect, it } from 'vitest';
import { env, fakeSource, LIST, run, SERVICE, type SourceCall } from './helpers/helpers.js';

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
