import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { walkOperations } from '@twilio-proxy/types/walker';
import { describe, expect, it } from 'vitest';
import { SERVICE } from './helpers/helpers.js';
import { commands, ONE_SESSION, runWrite, SESSION, SESSIONS, session } from './helpers/write-run.js';

// Every operation of the spec (Twilio's whole published Proxy v1 API) is a command: they come from the spec, with
// no CLI code naming any of them. The client is a fake that records what it is asked to send; bin-*.test.ts
// runs the built CLI against the mock.
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
    const r = await runWrite([
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
    const update = await runWrite(['sessions', 'update', ...SESSIONS, '--sid', 'Order #1234', '--ttl', '60']);
    expect(update.code).toBe(0);
    expect(update.calls[0]!.params.path).toEqual({ ServiceSid: SERVICE, Sid: 'Order #1234' });
    const help = await runWrite(['sessions', 'update', '--help']);
    expect(help.stdout).toMatch(/--sid <KC…\|unique_name>/);
    // A strict SID parameter takes no name: --service-sid still shows only the SID.
    expect(help.stdout).toMatch(/--service-sid <KS…>/);
  });

  it('a field not given is not sent; booleans are true/false', async () => {
    const update = await runWrite(['sessions', 'update', ...ONE_SESSION, '--status', 'closed']);
    expect(update.calls[0]!.params).toEqual({ path: { ServiceSid: SERVICE, Sid: SESSION }, query: {}, body: { Status: 'closed' } });
    const phone = commands.find((c) => c.bodyFlags.some((b) => b.field.type === 'boolean') && c.action === 'update')!;
    const sid = `${phone.flags.at(-1)!.example}`;
    const r = await runWrite([phone.resource, 'update', ...SESSIONS, '--sid', sid, '--is-reserved', 'false']);
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
    const r = await runWrite(['sessions', 'create', ...SESSIONS, ...flags]);
    expect(r.code).toBe(0);
    check(r.stdout);
  });

  it('an update the API answers with no body prints nothing', async () => {
    const r = await runWrite(['sessions', 'update', ...ONE_SESSION, '--ttl', '5'], { answer: undefined });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});
