import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../scripts/lib/bundle-spec.js';
import { addOperations } from '../../workflow-tests/e2e/fixtures/add-operations.js';
import { buildCommands, type Command } from '../src/index.js';
import { fakeSource, run, SERVICE, type SourceCall } from './helpers/helpers.js';

// The operations a spec author adds in the workflow test (a nested list with two path parameters and a
// fetch by SID), merged into this repo's spec (bundled: the split spec as one document; their paths take the
// place of the spec's own Participants paths) and bundled again as the generator bundles it: the CLI must
// offer them with no code change. The workflow test proves the same on a regenerated, built copy.
const SPEC = fileURLToPath(new URL('../../../openapi/proxy-v1.yaml', import.meta.url));
const SESSION = `KC${'b'.repeat(32)}`;
const PARTICIPANT = `KP${'c'.repeat(32)}`;

describe('commands of operations added to the spec', () => {
  let dir: string;
  let commands: Command[];
  let participant: Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cli-added-ops-'));
    const file = join(dir, 'proxy-v1.yaml');
    // JSON is YAML: the bundled document is the text the fixture is merged into.
    writeFileSync(file, await addOperations(JSON.stringify(await bundleSpec(SPEC))));
    const doc = (await bundleSpec(file, true)) as Record<string, any>;
    // The commands of the operations in play here: whatever else the spec holds (a copy with more
    // operations merged in), these three must be offered as below.
    commands = buildCommands(doc).filter((c) => ['ListSession', 'ListParticipant', 'FetchParticipant'].includes(c.operation.operationId));
    // The fixture's own example of the fetched item.
    const fetch = Object.values(doc.paths as Record<string, any>).find((p) => p.get?.operationId === 'FetchParticipant');
    participant = fetch.get.responses['200'].content['application/json'].example;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('one command per operation, flags in path order as twilio-cli names them', () => {
    expect(commands.map((c) => `${c.resource} ${c.action} ${c.flags.map((f) => `--${f.name}`).join(' ')}`)).toEqual([
      'sessions list --service-sid --page-size',
      'participants list --service-sid --session-sid --page-size',
      'participants fetch --service-sid --session-sid --sid',
    ]);
    expect(commands.find((c) => c.action === 'fetch')!.defaultProperties).toEqual(['sid', 'friendly_name', 'identifier', 'date_created']);
  });

  it('participants list: both path parameters reach the client; table columns from the path’s defaultOutputProperties', async () => {
    const calls: SourceCall[] = [];
    const argv = ['participants', 'list', '--service-sid', SERVICE, '--session-sid', SESSION];
    const r = await run([...argv, '--limit', '2'], { commands, source: fakeSource(5, calls, [participant]), ttyErr: true });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SID\s+FRIENDLY_NAME\s+IDENTIFIER\s+DATE_CREATED$/);
    expect(lines).toHaveLength(3);
    // Counted in the item’s own words: the schema name for one, the resource for many.
    expect(r.stderr).toMatch(/1 participant · \d+ pages? · [\d,]+ participants\/s/);
    expect(calls).toEqual([
      { operationId: 'ListParticipant', params: { path: { ServiceSid: SERVICE, SessionSid: SESSION }, query: {} }, options: { limit: 2 } },
    ]);
  });

  it.each([
    // Key/value: every value starts in one column, after the longest property name and two spaces.
    ['table', (out: string) => expect(out).toMatch(/^sid {19}KPa{32}\nsession_sid {11}KCa{32}\n[\s\S]*\nproxy_identifier_sid {2}PN/)],
    ['json', (out: string) => expect(JSON.parse(out)).toEqual(participant)],
    ['ndjson', (out: string) => expect(out.split('\n')).toEqual([JSON.stringify(participant), ''])],
  ] as const)('participants fetch prints one record (%s)', async (format, check) => {
    const calls: SourceCall[] = [];
    const r = await run(['participants', 'fetch', '--service-sid', SERVICE, '--session-sid', SESSION, '--sid', PARTICIPANT, '-f', format], {
      commands,
      source: fakeSource(1, calls, [participant]),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    check(r.stdout);
    expect(calls).toEqual([
      {
        operationId: 'FetchParticipant',
        params: { path: { ServiceSid: SERVICE, SessionSid: SESSION, Sid: PARTICIPANT }, query: {} },
        options: {},
      },
    ]);
  });

  it('participants fetch --properties picks and orders, in csv too', async () => {
    const argv = [
      'participants',
      'fetch',
      '--service-sid',
      SERVICE,
      '--session-sid',
      SESSION,
      '--sid',
      PARTICIPANT,
      '-p',
      'identifier,sid',
    ];
    const table = await run(argv, { commands, source: fakeSource(1, [], [participant]) });
    expect(table.stdout).toBe(`identifier  ${participant.identifier}\nsid         ${participant.sid}\n`);
    const csv = await run([...argv, '-f', 'csv'], { commands, source: fakeSource(1, [], [participant]) });
    expect(csv.stdout).toBe(`identifier,sid\r\n${participant.identifier},${participant.sid}\r\n`);
  });

  it.each([
    [['participants', 'fetch'], /--service-sid <KS…>, --session-sid <KC…> and --sid <KP…> are required/],
    [
      ['participants', 'fetch', '--service-sid', SERVICE, '--session-sid', SESSION, '--sid', PARTICIPANT, '--limit', '1'],
      /Unknown option '--limit'/,
    ],
    [
      ['participants', 'list', '--service-sid', SERVICE, '--session-sid', SESSION, '-p', 'status'],
      /unknown Participant property 'status'[\s\S]*Valid properties: sid, session_sid/,
    ],
    [['participants', 'remove'], /unknown action 'remove' for participants; it has: list, fetch/],
  ])('%j: exit 2, nothing sent', async (argv, message) => {
    const calls: SourceCall[] = [];
    const r = await run(argv, { commands, source: fakeSource(1, calls, [participant]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(calls).toEqual([]);
  });

  it('help lists the new commands with their summaries, and their flags with the spec’s descriptions', async () => {
    const main = await run(['--help'], { commands });
    expect(main.stdout).toMatch(/participants list\s+List the Participants of a Session\n\s+participants fetch\s+Fetch a Participant/);
    const fetch = await run(['participants', 'fetch', '--help'], { commands });
    expect(fetch.stdout).toMatch(/--sid <KP…>\s+The Twilio-provided string that uniquely identifies the Participant/);
    expect(fetch.stdout).toContain('Examples:\n  twilio-proxy participants fetch --service-sid KSx');
    expect(fetch.stdout).toMatch(/--session-sid KCx{32} --sid KPx{32}\n/);
  });

  it('under a compatibility bin named for the new resource, --session stands for --session-sid', async () => {
    const calls: SourceCall[] = [];
    const r = await run(['list', '--service', SERVICE, '--session', SESSION, '-f', 'json'], {
      commands,
      bin: 'proxy-participants',
      source: fakeSource(1, calls, [participant]),
    });
    expect(r.code).toBe(0);
    expect(calls[0]!.params.path).toEqual({ ServiceSid: SERVICE, SessionSid: SESSION });
  });
});
