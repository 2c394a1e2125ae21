import { operationsMeta } from '@twilio-proxy/types';
import { kebabCase } from '@twilio-proxy/types/walker';
import { describe, expect, it } from 'vitest';
import { commandsOfSpec } from '../src/index.js';
import { stringWidth } from '../src/internal/cell-width.js';
import {
  exampleSessions,
  fakeSource,
  LIST,
  listSessionsCommand,
  run,
  SERVICE,
  type SourceCall,
  sessionPropertyNames,
} from './helpers/helpers.js';

const names = sessionPropertyNames();

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
    expect(names).toEqual(Object.keys(exampleSessions()[0]!));
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
    expect(lines[0]).toBe(names.join(','));
    expect(lines[1]).toContain(String(exampleSessions()[0]!.unique_name));
    expect(lines[2]!.split(',')[names.indexOf('unique_name')]).toBe('');
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
    const r = await run([...LIST, '-p', names.join(',')], { source: fakeSource(2) });
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
