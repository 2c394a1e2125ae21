import { describe, expect, it } from 'vitest';
import { COMPAT_BIN, fakeSource, run, SERVICE, type SourceCall } from './helpers/helpers.js';

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
