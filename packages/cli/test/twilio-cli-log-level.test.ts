import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationSource, runCli, type SourceOptions } from '../src/index.js';
import { Capture, fakeSource, LIST, run } from './helpers/helpers.js';

// twilio-cli's `-l, --log-level`: debug prints each request and response on stderr, never a credential.
describe('-l, --log-level debug against the mock server (the real client)', () => {
  let mock: MockProxy;
  beforeAll(async () => {
    mock = await startMockProxy({ count: 5, seed: 3 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  const runReal = async (argv: string[], environment: Record<string, string>) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(argv, {
      stdout: stdout as never,
      stderr: stderr as never,
      env: environment,
      version: '0',
      userAgent: 'test',
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };
  const basic = (user: string, secret: string) => Buffer.from(`${user}:${secret}`).toString('base64');

  it('prints each request and response line on stderr, nothing of the credentials; stdout is the data alone', async () => {
    const argv = ['sessions', 'list', '--service-sid', mock.serviceSid, '--base-url', mock.url, '--page-size', '2', '-o', 'json'];
    const quiet = await runReal(argv, { TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken });
    const r = await runReal([...argv, '-l', 'debug'], { TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken });
    expect(r.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(r.stdout).toBe(quiet.stdout);
    const lines = r.stderr.trimEnd().split('\n');
    // Three pages of 2 for 5 sessions: a request line and a response line each.
    expect(lines.filter((l) => l.startsWith('[DEBUG] request: GET '))).toHaveLength(3);
    expect(lines.filter((l) => /^\[DEBUG\] response: 200 .*in \d+ ms, Twilio-Request-Id RQ[0-9a-f]{32}$/i.test(l))).toHaveLength(3);
    expect(lines[0]).toBe(`[DEBUG] request: GET ${mock.url}/v1/Services/${mock.serviceSid}/Sessions?PageSize=2`);
    for (const l of lines) expect(l).toMatch(/^\[DEBUG\] /);
    expect(r.stderr).not.toContain(mock.authToken);
    expect(r.stderr).not.toContain(basic(mock.accountSid, mock.authToken));
    expect(r.stderr.toLowerCase()).not.toContain('authorization');
  });

  it('an API key secret stays out too, through a 401 and its error', async () => {
    const secret = 'api-secret-0123456789abcdef0123456789';
    const environment = { TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_API_KEY: `SK${'0'.repeat(32)}`, TWILIO_API_SECRET: secret };
    const r = await runReal(['sessions', 'list', '--service-sid', mock.serviceSid, '--base-url', mock.url, '-l', 'debug'], environment);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[DEBUG\] response: 401/);
    expect(r.stderr).not.toContain(secret);
    expect(r.stderr).not.toContain(basic(environment.TWILIO_API_KEY, secret));
  });

  it('info (the default), warn, error and none print no request line', async () => {
    for (const level of ['info', 'warn', 'error', 'none']) {
      const r = await runReal(['sessions', 'list', '--service-sid', mock.serviceSid, '--base-url', mock.url, '--log-level', level], {
        TWILIO_ACCOUNT_SID: mock.accountSid,
        TWILIO_AUTH_TOKEN: mock.authToken,
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});

describe('an injected source gets the log only at debug', () => {
  it.each([
    [['-l', 'debug'], true],
    [['--log-level', 'info'], false],
    [[], false],
  ])('%j', async (flags, expected) => {
    let seen: SourceOptions | undefined;
    await run([...LIST, ...flags], {
      createSource: (o): OperationSource => {
        seen = o;
        return fakeSource(0);
      },
    });
    expect(typeof seen?.log === 'function').toBe(expected);
  });
});
