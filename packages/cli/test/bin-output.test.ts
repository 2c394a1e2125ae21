/** @module-tag slow */
import { describe, expect, it } from 'vitest';
import { csvField } from '../src/core/output-format.js';
import { stringWidth } from '../src/internal/cell-width.js';
import { baseEnv, COUNT, LIST, runBin, useBinMock } from './helpers/bin-helpers.js';
import { sessionPropertyNames } from './helpers/helpers.js';

const names = sessionPropertyNames();

describe('the built twilio-proxy binary against the mock Proxy server', () => {
  const shared = useBinMock();
  const { list } = shared;

  it('ndjson: every session, in order, exactly as served; nothing on stderr when piped', async () => {
    const r = await runBin(list('--format', 'ndjson', '--page-size', '10'), shared.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toEqual(shared.mock.sessions);
  });

  it('json: one valid array equal to the served sessions', async () => {
    const r = await runBin(list('--format', 'json'), shared.env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(shared.mock.sessions);
  });

  it('csv: header of every spec property and one RFC 4180 row per session', async () => {
    const r = await runBin(list('--format', 'csv', '--page-size', '20'), shared.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(names.join(','));
    expect(lines.slice(1, -1)).toEqual(
      shared.mock.sessions.map((s) => names.map((p) => csvField((s as Record<string, unknown>)[p])).join(',')),
    );
  });

  it('table (the default): a header and one line per session, 100 columns wide when piped', async () => {
    const r = await runBin(list(), shared.env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SID\s+UNIQUE_NAME\s+STATUS\s+DATE_CREATED$/);
    expect(lines).toHaveLength(COUNT + 1);
    lines.slice(1).forEach((l, i) => {
      expect(l.startsWith(shared.mock.sessions[i]!.sid!)).toBe(true);
      expect(l).toContain(shared.mock.sessions[i]!.status);
    });
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(100);
    // Columns line up whatever the names' scripts (CJK takes two cells): every row ends with the
    // fixed-width ASCII STATUS and DATE_CREATED cells, so what precedes them fills the header's cells exactly.
    const statusAt = lines[0]!.indexOf('STATUS');
    const rowTail = lines[0]!.indexOf('DATE_CREATED') - statusAt + '2020-01-01T00:00:00Z'.length;
    lines.slice(1).forEach((l, i) => {
      if (shared.mock.sessions[i]!.date_created) expect(stringWidth(l.slice(0, l.length - rowTail)), l).toBe(statusAt);
    });
  });

  it('--limit stops early: 7 sessions with PageSize 5 fetch 2 pages, not 12', async () => {
    const before = shared.mock.requests.length;
    const r = await runBin(list('--format', 'ndjson', '--limit', '7', '--page-size', '5'), shared.env);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).sid),
    ).toEqual(shared.mock.sessions.slice(0, 7).map((s) => s.sid));
    expect(shared.mock.requests.length - before).toBe(2);
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
    const r = await runBin(list('--format', format, '--properties', 'status,sid,ttl', '--limit', '3'), shared.env);
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toEqual(shared.mock.sessions.slice(0, 3).map((s) => ({ status: s.status, sid: s.sid, ttl: s.ttl })));
  });

  it('--properties in csv and table', async () => {
    const csv = await runBin(list('--format', 'csv', '--properties', 'sid,mode', '--limit', '2'), shared.env);
    expect(csv.stdout).toBe(['sid,mode', ...shared.mock.sessions.slice(0, 2).map((s) => `${s.sid},${s.mode}`), ''].join('\r\n'));
    const table = await runBin(list('--properties', 'mode,sid', '--limit', '2'), shared.env);
    expect(table.stdout.split('\n')[0]).toMatch(/^MODE\s+SID$/);
  });

  it('--help works for the program, the resource and the command, with examples and exit codes', async () => {
    for (const args of [['--help'], ['sessions', '--help'], [...LIST, '--help'], ['help', ...LIST]]) {
      const r = await runBin(args, baseEnv());
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain('Exit codes:');
    }
  });
});
