import { PassThrough } from 'node:stream';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { walkOperations } from '@twilio-proxy/types/spec';
import { describe, expect, it } from 'vitest';
import { type Command, commandsOfSpec, type OperationSource, runCli } from '../src/index.js';
import { Capture, env, SERVICE, type SourceCall } from './helpers.js';

// Every operation of the spec (Twilio's whole published Proxy v1 API) is a command: they come from the spec, with
// no CLI code naming any of them. The client is a fake that records what it is asked to send; bin-against-mock
// runs the built CLI against the mock.
const SESSION = `KC${'b'.repeat(32)}`;

const commands: Command[] = commandsOfSpec();
const doc = openapiDocument as Record<string, any>;
const session: Record<string, unknown> =
  doc.paths['/v1/Services/{ServiceSid}/Sessions'].post.responses['201'].content['application/json'].example;

/** A fake of the client's generic API: `request` answers `answer` (a record, or undefined for a 204). */
function recording(calls: SourceCall[], answer: unknown): OperationSource {
  return {
    // biome-ignore lint/correctness/useYield: no list is run here
    async *each() {
      throw new Error('not a list');
    },
    async request(operationId, params, options) {
      calls.push({ operationId, params, options });
      return answer;
    },
  };
}

interface RunOptions {
  answer?: unknown;
  /** Lines typed at a terminal; none means stdin is not a terminal. */
  typed?: string | null;
}

async function run(argv: string[], options: RunOptions = {}) {
  const { typed = null } = options;
  const answer = 'answer' in options ? options.answer : session;
  const stdout = new Capture();
  const stderr = new Capture();
  const calls: SourceCall[] = [];
  let stdin: (PassThrough & { isTTY?: boolean }) | undefined;
  if (typed !== null) {
    stdin = Object.assign(new PassThrough(), { isTTY: true });
    stdin.end(typed);
  }
  const code = await runCli(argv, {
    stdout: stdout as never,
    stderr: stderr as never,
    env,
    version: '0',
    userAgent: 'test',
    commands,
    ...(stdin ? { stdin } : {}),
    createSource: () => recording(calls, answer),
  });
  return { code, stdout: stdout.text, stderr: stderr.text, calls };
}

const SESSIONS = ['--service-sid', SERVICE];
const ONE_SESSION = ['--service-sid', SERVICE, '--sid', SESSION];

describe('every operation of the spec is a command', () => {
  it('reads and writes, named by resource and action, with body fields as kebab-case flags', () => {
    const ids = commands.map((c) => c.operation.operationId);
    expect(ids).toEqual(walkOperations(openapiDocument).map((op) => op.operationId));
    const table = Object.fromEntries(commands.map((c) => [`${c.resource} ${c.action}`, c.bodyFlags.map((b) => b.name)]));
    expect(table['sessions create']).toEqual(['unique-name', 'date-expiry', 'ttl', 'mode', 'status', 'participants']);
    expect(table['sessions update']).toEqual(['date-expiry', 'ttl', 'status']);
    expect(table['sessions remove']).toEqual([]);
    expect(table['services create']).toContain('unique-name');
    expect(table['participants create']).toContain('identifier');
    expect(table['sessions list']).toEqual([]);
    expect(commands.filter((c) => c.confirm).map((c) => c.action)).toEqual(
      commands.filter((c) => c.operation.method === 'DELETE').map(() => 'remove'),
    );
  });
});

describe('create and update send the body fields, typed, and print the answered record', () => {
  it('sessions create: every type of field reaches the client under its wire name', async () => {
    const r = await run([
      'sessions',
      'create',
      ...SESSIONS,
      '--unique-name',
      'Order #1',
      '--ttl',
      '3600',
      '--date-expiry',
      '2026-12-01T10:00:00Z',
      '--mode',
      'message-only',
      '--participants',
      '{"Identifier":"+15550100"}',
      '--participants',
      '{"Identifier":"+15550101"}',
      '-o',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      {
        operationId: 'CreateSession',
        params: {
          path: { ServiceSid: SERVICE },
          query: {},
          body: {
            UniqueName: 'Order #1',
            Ttl: 3600,
            DateExpiry: '2026-12-01T10:00:00Z',
            Mode: 'message-only',
            Participants: ['{"Identifier":"+15550100"}', '{"Identifier":"+15550101"}'],
          },
        },
        options: {},
      },
    ]);
    expect(JSON.parse(r.stdout)).toEqual(session);
  });

  it('a unique name stands for the SID where the spec allows it: sent as the Sid; help says either', async () => {
    const update = await run(['sessions', 'update', ...SESSIONS, '--sid', 'Order #1234', '--ttl', '60']);
    expect(update.code).toBe(0);
    expect(update.calls[0]!.params.path).toEqual({ ServiceSid: SERVICE, Sid: 'Order #1234' });
    const help = await run(['sessions', 'update', '--help']);
    expect(help.stdout).toMatch(/--sid <KC…\|unique_name>/);
    // A strict SID parameter takes no name: --service-sid still shows only the SID.
    expect(help.stdout).toMatch(/--service-sid <KS…>/);
  });

  it('a field not given is not sent; booleans are true/false', async () => {
    const update = await run(['sessions', 'update', ...ONE_SESSION, '--status', 'closed']);
    expect(update.calls[0]!.params).toEqual({ path: { ServiceSid: SERVICE, Sid: SESSION }, query: {}, body: { Status: 'closed' } });
    const phone = commands.find((c) => c.bodyFlags.some((b) => b.field.type === 'boolean') && c.action === 'update')!;
    const sid = `${phone.flags.at(-1)!.example}`;
    const r = await run([phone.resource, 'update', ...SESSIONS, '--sid', sid, '--is-reserved', 'false']);
    expect(r.code).toBe(0);
    expect(r.calls[0]!.params.body).toEqual({ IsReserved: false });
  });

  it.each([
    [
      ['-o', 'ndjson', '--properties', 'sid,uniqueName,dateCreated'],
      (out: string) =>
        expect(out).toBe(`${JSON.stringify({ sid: session.sid, unique_name: session.unique_name, date_created: session.date_created })}\n`),
    ],
    [['-o', 'tsv', '-p', 'sid,status', '--no-header'], (out: string) => expect(out).toBe(`${session.sid}\t${session.status}\n`)],
    [['-p', 'status,sid'], (out: string) => expect(out).toMatch(/^status {2}open\nsid {5}KC/)],
  ])('the record respects -o, --properties and --no-header: %j', async (flags, check) => {
    const r = await run(['sessions', 'create', ...SESSIONS, ...flags]);
    expect(r.code).toBe(0);
    check(r.stdout);
  });

  it('an update the API answers with no body prints nothing', async () => {
    const r = await run(['sessions', 'update', ...ONE_SESSION, '--ttl', '5'], { answer: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('bad body values: exit 2, nothing sent', () => {
  it.each([
    [['sessions', 'create', ...SESSIONS, '--ttl', 'ten'], /--ttl must be an integer, got 'ten'/],
    [['sessions', 'create', ...SESSIONS, '--ttl', '1.5'], /--ttl must be an integer/],
    [
      ['sessions', 'create', ...SESSIONS, '--mode', 'telepathy'],
      /--mode must be one of message-only, voice-only, voice-and-message, got 'telepathy'/,
    ],
    [['sessions', 'update', ...ONE_SESSION, '--status', 'paused'], /--status must be one of open, in-progress, closed, failed, unknown/],
    [['sessions', 'create', ...SESSIONS, '--date-expiry', 'tomorrow'], /--date-expiry must be an ISO 8601 date-time/],
    [['sessions', 'create', ...SESSIONS, '--date-expiry', '2026-13-45T99:00:00Z'], /--date-expiry must be an ISO 8601 date-time/],
    [['sessions', 'create', ...SESSIONS, '--ttl', '1', '--ttl', '2'], /--ttl is given more than once/],
    [['sessions', 'create', ...SESSIONS, '--colour', 'red'], /Unknown option '--colour'/],
    [['sessions', 'create', ...SESSIONS, '--yes'], /Unknown option '--yes'/],
    [['services', 'create'], /--unique-name <value> is required/],
    [['participants', 'create', ...ONE_SESSION.slice(0, 2), '--session-sid', SESSION], /--identifier <value> is required/],
    [['sessions', 'update', ...SESSIONS, '--ttl', '5'], /--sid <KC…\|unique_name> is required/],
  ])('%j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.calls).toEqual([]);
  });

  it('a body field the client rejects names its flag', async () => {
    const failing: OperationSource = {
      ...recording([], session),
      request: async () => {
        throw Object.assign(new Error('uniqueName is too long'), { name: 'ProxyValidationError', parameter: 'UniqueName' });
      },
    };
    const stderr = new Capture();
    const code = await runCli(['sessions', 'create', ...SESSIONS, '--unique-name', 'x'], {
      stdout: new Capture() as never,
      stderr: stderr as never,
      env,
      version: '0',
      userAgent: 'test',
      commands,
      createSource: () => failing,
    });
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/^twilio-proxy: --unique-name: uniqueName is too long \(nothing was sent\)/);
  });
});

describe('remove', () => {
  const REMOVE = ['sessions', 'remove', ...ONE_SESSION];
  const path = `/v1/Services/${SERVICE}/Sessions/${SESSION}`;

  it('--yes removes without asking: nothing on stdout, what was removed on stderr', async () => {
    const r = await run([...REMOVE, '--yes'], { answer: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Removed ${path}\n`);
    expect(r.calls).toEqual([
      { operationId: 'DeleteSession', params: { path: { ServiceSid: SERVICE, Sid: SESSION }, query: {} }, options: {} },
    ]);
  });

  it('-l warn, error or none keep stderr quiet too', async () => {
    for (const level of ['warn', 'error', 'none']) {
      const r = await run([...REMOVE, '--yes', '-l', level], { answer: undefined });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('with no terminal and no --yes it refuses: exit 2, nothing sent', async () => {
    const r = await run(REMOVE);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`sessions remove removes ${path}; with no terminal to ask on, pass --yes to confirm (nothing was sent)`);
    expect(r.calls).toEqual([]);
  });

  it.each([
    ['y\n', true],
    ['YES\n', true],
    ['n\n', false],
    ['\n', false],
    ['', false],
  ])('on a terminal it asks; %j removes: %s', async (typed, removed) => {
    const r = await run(REMOVE, { typed, answer: undefined });
    expect(r.stderr).toContain(`Remove ${path}? This cannot be undone. [y/N] `);
    expect(r.calls).toHaveLength(removed ? 1 : 0);
    expect(r.code).toBe(removed ? 0 : 2);
    expect(r.stderr).toContain(removed ? `Removed ${path}` : 'Not removed: nothing was sent.');
  });

  it('a bad SID is refused before the question', async () => {
    const r = await run(['sessions', 'remove', ...SESSIONS], { typed: 'y\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('[y/N]');
  });
});

describe('help lists the body fields from the spec', () => {
  it('sessions create --help: each field with its description, type, enum and wire name', async () => {
    const r = await run(['sessions', 'create', '--help']);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(r.stdout).toMatch(/Body fields \(from the spec; sent as application\/x-www-form-urlencoded\):/);
    expect(text).toMatch(/--ttl <n> The time, in seconds, when the session will expire\. .*\(an integer\) Sent as Ttl\./);
    expect(text).toMatch(/--mode <message-only\|voice-only\|voice-and-message> .*one of message-only, voice-only, voice-and-message/);
    expect(text).toMatch(/--date-expiry <date-time> .*\(an ISO 8601 date-time\)/);
    expect(text).toMatch(/--participants <value> .*Repeat the flag for each element\. Sent as Participants\./);
  });

  it('a required field is in the usage line and marked Required.', async () => {
    const r = await run(['services', 'create', '--help']);
    expect(r.stdout).toMatch(/twilio-proxy services create --unique-name <value> \[options\]/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--unique-name <value> .*Required\./);
  });

  it('remove documents --yes; the main help lists the writes with their summaries', async () => {
    const remove = await run(['sessions', 'remove', '--help']);
    expect(remove.stdout).toMatch(/--yes\s+Remove without asking/);
    expect(remove.stdout).toContain(`--sid KC${'x'.repeat(32)} --yes`);
    const main = await run(['--help']);
    const text = main.stdout.replace(/\s+/g, ' ');
    for (const c of commands) expect(text).toContain(`${c.resource} ${c.action} ${c.operation.summary}`);
    // Grouped by resource: a resource's actions are listed together.
    const section = main.stdout.slice(main.stdout.indexOf('Commands:\n'), main.stdout.indexOf('\nOptions:'));
    const order = [...section.matchAll(/^ {2}([a-z-]+) [a-z-]+ /gm)].map((m) => m[1]);
    expect(order).toHaveLength(commands.length);
    expect(order.filter((r, i) => r !== order[i - 1])).toEqual([...new Set(order)]);
  });
});
