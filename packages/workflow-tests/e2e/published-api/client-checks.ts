import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PublishedRepo } from '../helpers/published-repo.js';

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

/** The copy's built client: writes for real, one pipeline, page promises, a base URL path. */
export function describeClient(copy: () => PublishedRepo): void {
  describe('the client in that copy: writes for real, one pipeline, page promises, a base URL path', () => {
    type Any = any;
    let clientPkg: Any;
    let contract: Any;
    beforeAll(async () => {
      [clientPkg, contract] = await Promise.all([copy().load('client'), copy().load('contract')]);
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
}
