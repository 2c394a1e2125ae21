import { describe, expect, it } from 'vitest';
import { env, fakeSource, LIST, run, SERVICE, type SourceCall, sessionPropertyNames } from './helpers/helpers.js';

// twilio-cli's flags as its users type them (`-o json`, `--no-header`, camelCase `--properties`,
// `-l debug`), beside this CLI's own (`--format`, snake_case properties).
const names = sessionPropertyNames();
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

describe('-o, --output beside -f, --format', () => {
  it.each([
    [
      ['-o', 'json'],
      ['--format', 'json'],
    ],
    [
      ['--output', 'ndjson'],
      ['-f', 'ndjson'],
    ],
    [
      ['-o', 'columns'],
      ['--format', 'table'],
    ],
    [['-o', 'columns'], []],
    [['--output=csv'], ['-f', 'csv']],
  ])('%j prints what %j prints', async (twilio, own) => {
    const a = await run([...LIST, ...twilio], { source: fakeSource(3) });
    const b = await run([...LIST, ...own], { source: fakeSource(3) });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('tsv: a header of the properties, one tab-separated line per item, tabs and line breaks escaped', async () => {
    const source = {
      ...fakeSource(0),
      async *each() {
        yield { sid: 'KC1', unique_name: 'a\tb\nc\\d' };
        yield { sid: 'KC2', unique_name: null };
      },
    };
    const r = await run([...LIST, '-o', 'tsv', '-p', 'sid,uniqueName'], { source });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('sid\tunique_name\nKC1\ta\\tb\\nc\\\\d\nKC2\t\n');
    const all = await run([...LIST, '-o', 'tsv'], { source: fakeSource(2) });
    expect(all.stdout.split('\n')[0]).toBe(names.join('\t'));
    expect(all.stdout.split('\n')).toHaveLength(4);
  });
});

describe('--no-header', () => {
  it.each([
    ['table', 1],
    ['columns', 1],
    ['csv', 1],
    ['tsv', 1],
  ])('-o %s prints the rows only', async (format, header) => {
    const withHeader = await run([...LIST, '-o', format], { source: fakeSource(3) });
    const without = await run([...LIST, '-o', format, '--no-header'], { source: fakeSource(3) });
    expect(without.code).toBe(0);
    const sep = format === 'csv' ? '\r\n' : '\n';
    expect(without.stdout).toBe(withHeader.stdout.split(sep).slice(header).join(sep));
    expect(without.stdout.split(sep)).toHaveLength(4);
  });

  it('leaves json and ndjson as they are, and an empty list prints nothing', async () => {
    for (const f of ['json', 'ndjson']) {
      const a = await run([...LIST, '-o', f, '--no-header'], { source: fakeSource(2) });
      expect(a.stdout).toBe((await run([...LIST, '-o', f], { source: fakeSource(2) })).stdout);
    }
    expect((await run([...LIST, '--no-header'], { source: fakeSource(0) })).stdout).toBe('');
  });
});

describe('--properties in camelCase (twilio-cli), snake_case still accepted', () => {
  it('sid,uniqueName,dateCreated picks the same columns as sid,unique_name,date_created; output keeps the API names', async () => {
    const camelRun = await run([...LIST, '-o', 'ndjson', '--properties', 'sid,uniqueName,dateCreated'], { source: fakeSource(2) });
    const snakeRun = await run([...LIST, '-o', 'ndjson', '--properties', 'sid,unique_name,date_created'], { source: fakeSource(2) });
    expect(camelRun.code).toBe(0);
    expect(camelRun.stdout).toBe(snakeRun.stdout);
    expect(Object.keys(JSON.parse(camelRun.stdout.split('\n')[0]!))).toEqual(['sid', 'unique_name', 'date_created']);
    const table = await run([...LIST, '-p', 'uniqueName,status,unique_name'], { source: fakeSource(1) });
    expect(table.stdout.split('\n')[0]).toMatch(/^UNIQUE_NAME\s+STATUS$/);
  });

  it('every property of the spec answers to its camelCase name', async () => {
    const r = await run([...LIST, '-o', 'csv', '-p', names.map(camel).join(',')], { source: fakeSource(1) });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe(names.join(','));
  });

  it('an unknown name lists the valid ones both ways', async () => {
    const r = await run([...LIST, '-p', 'sid,uniqueNam']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown Session property 'uniqueNam'[\s\S]*unique_name[\s\S]*uniqueName/);
  });
});

describe('usage errors: exit 2, nothing sent', () => {
  it.each([
    [[...LIST, '-o', 'json', '-f', 'json'], /give --output or --format, not both/],
    [[...LIST, '-o', 'xml'], /--output must be one of table, json, ndjson, csv, tsv \(or columns for table\), got 'xml'/],
    [[...LIST, '--format', 'json', '--format', 'csv'], /--format is given more than once/],
    [[...LIST, '-f', 'json', '--format', 'csv'], /-f and --format are the same option, given more than once/],
    [[...LIST, '-p', 'sid', '--properties', 'status'], /are the same option, given more than once/],
    [[...LIST, '--service-sid', SERVICE], /--service-sid is given more than once/],
    [[...LIST, '--limit', '1', '--limit', '2'], /--limit is given more than once/],
    [[...LIST, '--no-header', '--no-header'], /--no-header is given more than once/],
    [[...LIST, '-l', 'verbose'], /--log-level must be one of debug, info, warn, error, none, got 'verbose'/],
    [[...LIST, '-l', '5'], /--log-level must be one of/],
    [[...LIST, '--base-url', 'http://user:pw@127.0.0.1:1'], /--base-url takes an origin and an optional path prefix/],
    [[...LIST, '--base-url', 'http://127.0.0.1:1/x?y=1'], /--base-url takes an origin/],
  ])('%j', async (argv, message) => {
    const calls: SourceCall[] = [];
    const r = await run(argv, { source: fakeSource(1, calls) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(calls).toEqual([]);
    expect(r.stderr).not.toContain('pw@');
  });
});

describe('help', () => {
  it('a command documents -o, --no-header, camelCase properties and -l', async () => {
    const r = await run(['sessions', 'list', '--help'], { env });
    expect(r.stdout).toMatch(/-o, --output <format>\s+table \| json \| ndjson \| csv \| tsv/);
    expect(r.stdout).toContain('--no-header');
    expect(r.stdout).toMatch(/-l, --log-level <level>\s+debug \| info \| warn \| error \| none/);
    expect(r.stdout).toMatch(/camelCase/);
  });
});
