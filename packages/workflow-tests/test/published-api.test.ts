import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishedOperationIds } from './fixtures/published/merge-published.js';
import { clonePublished, workflowEnv } from './helpers/published-repo.js';
import { run } from './helpers/temp-repo.js';

/**
 * Twilio's whole published Proxy v1 API (25 operations, 13 writes, a new root: Services) added to a copy of the
 * spec, with no other edit: the spec lints, everything regenerates, typechecks and builds, and the project's own
 * unchanged `pnpm test` passes on it. Spec growth is never breaking.
 */
let repo: Awaited<ReturnType<typeof clonePublished>>;
let generated = '';

beforeAll(async () => {
  repo = await clonePublished('published-api-');
  generated = (await repo.sh('pnpm', ['generate'])).stdout;
}, 600_000);

afterAll(() => repo?.remove());

describe('the published Proxy v1 API, added to a copy of the spec', () => {
  test('lint:spec finds zero problems', async () => {
    const { stdout, stderr } = await repo.sh('pnpm', ['lint:spec']);
    expect(`${stdout}${stderr}`).toMatch(/valid/i);
  });

  test('generate writes every layer', async () => {
    expect(generated).toMatch(/packages\/types\/src\/generated\/operations\.gen\.ts/);
    expect(generated).toMatch(/packages\/client\/src\/generated\/resources\.gen\.ts/);
  });

  test('typecheck and build pass; the built runtime table has all 25 operations; the API reports are refreshed', async () => {
    await repo.sh('pnpm', ['typecheck']);
    await repo.sh('pnpm', ['build']);
    const ids = await publishedOperationIds();
    expect(ids).toHaveLength(25);
    const { operationsMeta } = await repo.load('types');
    expect(Object.keys(operationsMeta).sort()).toEqual([...ids].sort());
    // The author's last step after a spec change (pnpm dev does it on save): the public API grew, so its reports follow.
    const reports = await repo.sh('pnpm', ['api:report']);
    expect(reports.stdout).toMatch(/packages\/client\/api\/index\.api\.md/);
  }, 600_000);

  // TWILIO_PROXY_NESTED keeps this package's own tests (each clones the repo) out of the copy's run.
  test("the project's own unchanged pnpm test passes", async () => {
    const { stdout } = await repo.sh('pnpm', ['test'], repo.dir, { ...workflowEnv, TWILIO_PROXY_NESTED: '1' }).catch((e) => {
      // The failing task's log is on stdout; the error alone says only that the command failed.
      throw new Error(`pnpm test failed in the copy:\n${String(e.stdout).slice(-6000)}\n${String(e.stderr).slice(-2000)}`);
    });
    expect(stdout).toMatch(/Tasks:\s+(\d+) successful, \1 total/);
  }, 1_800_000);
});

/** A loopback server that records each request's method, path, headers and exact body bytes, and answers from `reply`. */
async function recordingServer(
  reply: (req: IncomingMessage, n: number) => { status: number; body?: unknown; headers?: Record<string, string> } | 'reset',
) {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const answer = reply(req, seen.length);
    if (answer === 'reset') return void res.socket?.destroy();
    res.writeHead(answer.status, { 'content-type': 'application/json', 'twilio-request-id': `RQ${'0'.repeat(32)}`, ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const KS = `KS${'a'.repeat(32)}`;
const KC = `KC${'b'.repeat(32)}`;
const creds = { accountSid: `AC${'c'.repeat(32)}`, authToken: 'x'.repeat(32) };

describe('the client in that copy: writes for real, one pipeline, page promises, a base URL path', () => {
  type Any = any;
  let clientPkg: Any;
  let contract: Any;
  beforeAll(async () => {
    [clientPkg, contract] = await Promise.all([repo.load('client'), repo.load('contract')]);
  });

  test('create, update and remove send form-encoded bodies (dates as twilio-node sends them, to the second); remove resolves void on 204', async () => {
    const server = await recordingServer((req) =>
      req.method === 'DELETE'
        ? { status: 204 }
        : { status: req.method === 'POST' && req.url!.endsWith('/Sessions') ? 201 : 200, body: { sid: KC } },
    );
    try {
      const api = clientPkg.createProxyClient({ ...creds, baseUrl: server.url });
      await api.sessions.create(KS, {
        uniqueName: 'Order #1234',
        ttl: 3600,
        mode: 'message-only',
        dateExpiry: new Date('2030-01-02T03:04:05Z'),
      });
      await api.sessions.update(KS, KC, { status: 'closed' });
      expect(await api.sessions.remove(KS, KC)).toBeUndefined();
      expect(server.seen.map((r) => [r.method, r.url])).toEqual([
        ['POST', `/v1/Services/${KS}/Sessions`],
        ['POST', `/v1/Services/${KS}/Sessions/${KC}`],
        ['DELETE', `/v1/Services/${KS}/Sessions/${KC}`],
      ]);
      expect(server.seen[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(server.seen[0]!.body).toBe('UniqueName=Order+%231234&Ttl=3600&Mode=message-only&DateExpiry=2030-01-02T03%3A04%3A05Z');
      expect(server.seen[1]!.body).toBe('Status=closed');
      expect(server.seen[2]!.body).toBe('');
    } finally {
      await server.close();
    }
  });

  test('arrays repeat the key and booleans are true/false, as twilio-node sends them', async () => {
    const server = await recordingServer(() => ({ status: 201, body: { sid: `PN${'d'.repeat(32)}` } }));
    try {
      const api = clientPkg.createProxyClient({ ...creds, baseUrl: server.url });
      await api.phoneNumbers.create(KS, { sid: `PN${'d'.repeat(32)}`, isReserved: true });
      await api.sessions.create(KS, { participants: ['{"Identifier":"+15558675310"}', '{"Identifier":"+15558675311"}'] });
      expect(server.seen[0]!.body).toBe(`Sid=PN${'d'.repeat(32)}&IsReserved=true`);
      expect(server.seen[1]!.body).toBe(
        `Participants=${encodeURIComponent('{"Identifier":"+15558675310"}').replace(/%20/g, '+')}&Participants=${encodeURIComponent('{"Identifier":"+15558675311"}').replace(/%20/g, '+')}`,
      );
    } finally {
      await server.close();
    }
  });

  test.each([
    [{ ttl: 'soon' }, 'ttl'],
    [{ mode: 'carrier-pigeon' }, 'mode'],
    [{ uniqueNme: 'x' }, 'uniqueNme'],
  ])('a bad body field %j is a ProxyValidationError naming it, with no request sent', async (body, field) => {
    const server = await recordingServer(() => ({ status: 201, body: {} }));
    try {
      const api = clientPkg.createProxyClient({ ...creds, baseUrl: server.url });
      const err = await api.sessions.create(KS, body).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(clientPkg.ProxyValidationError);
      // Named as the spec names it on the wire (`Ttl`), as query options are (`PageSize`).
      expect(String(err.message).toLowerCase()).toContain(field.toLowerCase());
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  test('a create answered 500 or reset after sending is not retried; a 429 is', async () => {
    for (const [fault, want] of [
      [{ status: 500, body: { code: 20500, message: 'boom', status: 500 } }, 1],
      ['reset', 1],
      [{ status: 429, body: { code: 20429, message: 'slow down', status: 429 }, headers: { 'retry-after': '0' } }, 2],
    ] as const) {
      const server = await recordingServer((_req, n) => (n === 1 ? (fault as Any) : { status: 201, body: { sid: KC } }));
      try {
        const api = clientPkg.createProxyClient({ ...creds, baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
        await api.sessions.create(KS, { uniqueName: 'once' }).catch(() => undefined);
        expect(server.seen.length, JSON.stringify(fault)).toBe(want);
      } finally {
        await server.close();
      }
    }
  });

  test('raw.use middleware sees every page of a 5-page listing; for await over list() yields every item', async () => {
    const mock = await contract.startMockProxy({ count: 10, seed: 3 });
    try {
      const api = clientPkg.createProxyClient({ accountSid: mock.accountSid, authToken: mock.authToken, baseUrl: mock.url });
      const urls: string[] = [];
      api.raw.use({ onRequest: ({ request }: Any) => void urls.push(new URL(request.url).pathname) });
      const sids: string[] = [];
      for await (const s of api.sessions.list(mock.serviceSid, { pageSize: 2 })) sids.push(s.sid);
      expect(sids).toEqual(mock.sessions.map((s: Any) => s.sid));
      expect(urls.filter((u) => u.endsWith('/Sessions'))).toHaveLength(5);
    } finally {
      await mock.close();
    }
  });

  test('a base URL with a path prefix reaches /<prefix>/v1/…', async () => {
    const server = await recordingServer(() => ({ status: 200, body: { sid: KC } }));
    try {
      const api = clientPkg.createProxyClient({ ...creds, baseUrl: `${server.url}/twilio` });
      await api.sessions.fetch(KS, KC);
      expect(server.seen[0]!.url).toBe(`/twilio/v1/Services/${KS}/Sessions/${KC}`);
    } finally {
      await server.close();
    }
  });
});

describe('the CLI in that copy: writes against the mock, twilio-cli habits', () => {
  type Any = any;
  let mock: Any;
  let bin: string;
  let cliEnv: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const contract = await repo.load('contract');
    mock = await contract.startMockProxy({ count: 3, seed: 5 });
    bin = path.join(repo.dir, 'packages/cli/dist/bin.js');
    cliEnv = { ...workflowEnv, TWILIO_ACCOUNT_SID: mock.accountSid, TWILIO_AUTH_TOKEN: mock.authToken };
  });
  afterAll(() => mock?.close());

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args, '--base-url', mock.url], { env: cliEnv });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  test('create, update, then remove with --yes; without --yes and no terminal it refuses and sends nothing', async () => {
    const created = await cli(
      'sessions',
      'create',
      '--service-sid',
      mock.serviceSid,
      '--unique-name',
      'cli-made',
      '--ttl',
      '600',
      '-o',
      'json',
    );
    expect(created.code, created.stderr).toBe(0);
    const session = [JSON.parse(created.stdout)].flat()[0];
    expect([session.unique_name, session.ttl]).toEqual(['cli-made', 600]);

    const updated = await cli(
      'sessions',
      'update',
      '--service-sid',
      mock.serviceSid,
      '--sid',
      session.sid,
      '--status',
      'closed',
      '-o',
      'json',
    );
    expect(updated.code, updated.stderr).toBe(0);
    expect([JSON.parse(updated.stdout)].flat()[0].status).toBe('closed');

    const before = mock.requests.length;
    const refused = await cli('sessions', 'remove', '--service-sid', mock.serviceSid, '--sid', session.sid);
    expect(refused.code).toBe(2);
    expect(mock.requests.length).toBe(before);

    const removed = await cli('sessions', 'remove', '--service-sid', mock.serviceSid, '--sid', session.sid, '--yes');
    expect(removed.code, removed.stderr).toBe(0);
    const gone = await cli('sessions', 'fetch', '--service-sid', mock.serviceSid, '--sid', session.sid);
    expect(gone.code).not.toBe(0);
  });

  test('-o json, --no-header, camelCase --properties and -l debug (with no secret in it)', async () => {
    const json = await cli(
      'sessions',
      'list',
      '--service-sid',
      mock.serviceSid,
      '-o',
      'json',
      '--properties',
      'sid,uniqueName,dateCreated',
    );
    expect(json.code, json.stderr).toBe(0);
    expect(Object.keys(JSON.parse(json.stdout)[0])).toEqual(['sid', 'unique_name', 'date_created']);
    const table = await cli('sessions', 'list', '--service-sid', mock.serviceSid, '-o', 'tsv', '--no-header', '--properties', 'sid');
    expect(table.stdout.trim().split('\n')).toEqual(mock.sessions.map((s: Any) => s.sid));
    const debug = await cli('services', 'list', '-l', 'debug');
    expect(debug.code, debug.stderr).toBe(0);
    expect(debug.stderr).toMatch(/GET .*\/v1\/Services/);
    expect(debug.stderr).not.toContain(mock.authToken);
    expect(debug.stderr).not.toMatch(/authorization:/i);
  });
});
