import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OperationSource, runCli, type SourceOptions } from '../src/index.js';
import { Capture, env, fakeSource, listSessionsCommand, run, SERVICE, type SourceCall } from './helpers.js';

// twilio-cli's flags as its users type them (`-o json`, `--no-header`, camelCase `--properties`,
// `-l debug`), beside this CLI's own (`--format`, snake_case properties).
const LIST = ['sessions', 'list', '--service-sid', SERVICE];
const names = listSessionsCommand().properties.map((p) => p.name);
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

describe('--base-url keeps its path', () => {
  it.each([
    ['http://127.0.0.1:4010/prefix', 'http://127.0.0.1:4010/prefix'],
    ['http://127.0.0.1:4010/prefix/', 'http://127.0.0.1:4010/prefix'],
    ['https://gateway.example/twilio/proxy', 'https://gateway.example/twilio/proxy'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
  ])('%s reaches the client as %s', async (given, passed) => {
    let seen: SourceOptions | undefined;
    const r = await run([...LIST, '--base-url', given], {
      createSource: (o) => {
        seen = o;
        return fakeSource(0);
      },
    });
    expect(r.code).toBe(0);
    expect(seen?.baseUrl).toBe(passed);
  });
});

describe('--base-url with a path prefix reaches /<prefix>/v1/… (the real client, a loopback gateway)', () => {
  let mock: MockProxy;
  let gateway: Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    mock = await startMockProxy({ count: 3, seed: 5 });
    const upstream = new URL(mock.url);
    // A gateway that serves the API under /twilio: it records each path and forwards it without the prefix.
    gateway = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (!req.url?.startsWith('/twilio/')) {
        res.writeHead(404).end();
        return;
      }
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url.slice('/twilio'.length), headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/twilio`;
  });
  afterAll(async () => {
    await new Promise((resolve) => gateway?.close(resolve));
    await mock?.close();
  });

  it('every request goes under the prefix, and the listing is what the mock serves', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runCli(['sessions', 'list', '--service-sid', mock.serviceSid, '--base-url', `${base}/`, '-o', 'json'], {
      stdout: stdout as never,
      stderr: stderr as never,
      env: { TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken },
      version: '0',
      userAgent: 'test',
    });
    expect(stderr.text).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text)).toEqual(mock.sessions);
    expect(seen.length).toBeGreaterThan(0);
    for (const path of seen) expect(path).toMatch(new RegExp(`^/twilio/v1/Services/${mock.serviceSid}/Sessions(\\?|$)`));
  });
});

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

describe('help', () => {
  it('a command documents -o, --no-header, camelCase properties and -l', async () => {
    const r = await run(['sessions', 'list', '--help'], { env });
    expect(r.stdout).toMatch(/-o, --output <format>\s+table \| json \| ndjson \| csv \| tsv/);
    expect(r.stdout).toContain('--no-header');
    expect(r.stdout).toMatch(/-l, --log-level <level>\s+debug \| info \| warn \| error \| none/);
    expect(r.stdout).toMatch(/camelCase/);
  });
});
