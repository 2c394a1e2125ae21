import { afterEach, describe, expect, it } from 'vitest';
import { createProxyClient, ProxyError, ProxyPaginationError } from '../src/index.js';
import { testClient } from './helpers/client.js';
import { fakeSleep, json } from './helpers/fake-fetch.js';
import { startServer, type TestServer } from './helpers/server.js';
import { ACCOUNT_SID, AUTH_TOKEN, makeSession, pageFor, SERVICE_SID } from './helpers/sessions.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a base URL with a path (a gateway)', () => {
  it.each(['/twilio', '/twilio/', '/a/b'])('%s is kept: every page is requested under it', async (prefix) => {
    server = await startServer((req, res, _n, origin) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(pageFor(req.url!, 5, origin)));
    });
    const client = createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url + prefix, sleep: fakeSleep() });
    const base = server.url + prefix.replace(/\/$/, '');
    expect(client.baseUrl).toBe(base);
    const items = await client.sessions.all(SERVICE_SID, { pageSize: 2 });
    expect(items.map((s) => s.sid)).toEqual([0, 1, 2, 3, 4].map((i) => makeSession(i).sid));
    const path = base.slice(server.url.length);
    expect(server.requests.map((r) => r.url)).toEqual([
      `${path}/v1/Services/${SERVICE_SID}/Sessions?PageSize=2`,
      `${path}/v1/Services/${SERVICE_SID}/Sessions?PageSize=2&Page=1&PageToken=PT2`,
      `${path}/v1/Services/${SERVICE_SID}/Sessions?PageSize=2&Page=2&PageToken=PT4`,
    ]);
  });

  it.each([
    ['the bare origin', 'https://gw.test/v1/Services/x/Sessions?Page=1'],
    ['a sibling path', 'https://gw.test/twilio2/v1/Services/x/Sessions?Page=1'],
    ['dot segments out of the base', 'https://gw.test/twilio/../v1/Services/x/Sessions?Page=1'],
    ['a bare path outside the base', '/v1/Services/x/Sessions?Page=1'],
  ])('a next_page_url on %s is refused and never requested', async (_, next) => {
    const { client, fetch } = testClient(
      (url) => {
        const body = pageFor(url, 10, 'https://gw.test') as { meta: { next_page_url: string } };
        body.meta.next_page_url = next;
        return json(body);
      },
      { baseUrl: 'https://gw.test/twilio' },
    );
    const err = await client.sessions.all(SERVICE_SID, { pageSize: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyPaginationError);
    expect(err).toMatchObject({ reason: 'origin' });
    expect(fetch.calls.map((c) => c.url)).toEqual([`https://gw.test/twilio/v1/Services/${SERVICE_SID}/Sessions?PageSize=2`]);
  });

  it('a next_page_url that is a bare path under the base is followed on its origin', async () => {
    const { client, fetch } = testClient(
      (url) => {
        const body = pageFor(url, 4, 'https://gw.test') as { meta: { next_page_url: string | null } };
        if (body.meta.next_page_url) body.meta.next_page_url = body.meta.next_page_url.slice('https://gw.test'.length);
        return json(body);
      },
      { baseUrl: 'https://gw.test/twilio' },
    );
    expect(await client.sessions.all(SERVICE_SID, { pageSize: 2 })).toHaveLength(4);
    expect(fetch.calls[1]!.url).toBe(`https://gw.test/twilio/v1/Services/${SERVICE_SID}/Sessions?PageSize=2&Page=1&PageToken=PT2`);
  });

  it.each(['ftp://gw.test', 'gw.test/twilio', 'https://gw.test/twilio?x=1', 'https://gw.test/#top', 'https://user:pw@gw.test'])(
    'baseUrl %s is refused at once',
    (baseUrl) => {
      expect(() => createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl })).toThrow(ProxyError);
    },
  );
});
