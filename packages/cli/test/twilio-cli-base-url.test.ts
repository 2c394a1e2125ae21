import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockProxy, startMockProxy } from '@twilio-proxy/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type SourceOptions } from '../src/index.js';
import { Capture, fakeSource, LIST, run } from './helpers/helpers.js';

// twilio-cli's `--base-url` habits: a gateway's path prefix is kept, with or without a trailing slash.
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
