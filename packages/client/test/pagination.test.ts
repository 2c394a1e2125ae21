import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProxyPaginationError, type Session } from '../src/index.js';
import { ORIGIN, pages, testClient } from './helpers/client.js';
import { json } from './helpers/fake-fetch.js';
import { makeSession, pageFor, SERVICE_SID } from './helpers/sessions.js';

const sids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => makeSession(from + i).sid);

describe('one page', () => {
  it('list() gives items, meta, hasNextPage() and nextPage() until null', async () => {
    const { client, fetch } = testClient(pages(5));
    const first = await client.sessions.list(SERVICE_SID, { pageSize: 2 });
    expect(first.items.map((s) => s.sid)).toEqual(sids(2));
    expect(first.meta).toMatchObject({ key: 'sessions', page: 0, page_size: 2 });
    expect(first.hasNextPage()).toBe(true);
    const second = (await first.nextPage())!;
    // The next page is requested exactly as the server named it.
    expect(fetch.calls[1]!.url).toBe(first.meta.next_page_url);
    const third = (await second.nextPage())!;
    expect(third.items.map((s) => s.sid)).toEqual(sids(1, 4));
    expect(third.hasNextPage()).toBe(false);
    expect(await third.nextPage()).toBeNull();
    expect(fetch.calls).toHaveLength(3);
  });

  it('asking the same next page twice is not a loop', async () => {
    const { client } = testClient(pages(4));
    const first = await client.sessions.list(SERVICE_SID, { pageSize: 2 });
    const [a, b] = await Promise.all([first.nextPage(), first.nextPage()]);
    expect(a!.items).toEqual(b!.items);
  });

  it('passes fields the spec does not list through (tolerant reader)', async () => {
    const { client } = testClient(pages(1));
    const page = await client.sessions.list(SERVICE_SID);
    expect(page.items[0]).toMatchObject({ extra_field: 'kept' });
    expect(page.meta).toMatchObject({ extra_meta: 1 });
  });

  it('reads items from the array meta.key names', async () => {
    const { client } = testClient((url) => json(pageFor(url, 3, ORIGIN, 'things')));
    expect((await client.sessions.all(SERVICE_SID)).map((s) => s.sid)).toEqual(sids(3));
  });

  it('pages any list operation generically by operationId', async () => {
    const { client } = testClient(pages(7));
    const items = await client.all('ListSession', { path: { ServiceSid: SERVICE_SID }, query: { PageSize: 3 } });
    expect(items.map((s) => s.sid)).toEqual(sids(7));
  });
});

describe('list() as a page promise (openai-node)', () => {
  it('for await over list() yields every item, one page ahead, the first page requested once', async () => {
    const { client, fetch } = testClient(pages(7));
    const seen: number[] = [];
    const got: string[] = [];
    for await (const s of client.sessions.list(SERVICE_SID, { pageSize: 2 })) {
      seen.push(fetch.calls.length);
      got.push(s.sid!);
    }
    expect(got).toEqual(sids(7));
    expect(fetch.calls).toHaveLength(4);
    expect(seen).toEqual([2, 2, 3, 3, 4, 4, 4]);
  });

  it('awaited and iterated, the first page is requested once and its items are left as they were', async () => {
    const { client, fetch } = testClient(pages(5));
    const listing = client.sessions.list(SERVICE_SID, { pageSize: 2 });
    const page = await listing;
    const got: string[] = [];
    for await (const s of listing) got.push(s.sid!);
    expect(got).toEqual(sids(5));
    expect(page.items.map((s) => s.sid)).toEqual(sids(2));
    expect(fetch.calls).toHaveLength(3);
    // then() gives a plain Promise, not another request.
    expect(await listing.then((p) => p.items.length)).toBe(2);
    expect(fetch.calls).toHaveLength(3);
  });

  it('a Page is async-iterable from itself on; breaking off aborts the page ahead', async () => {
    const { client } = testClient(pages(9));
    const second = (await (await client.sessions.list(SERVICE_SID, { pageSize: 2 })).nextPage())!;
    const got: string[] = [];
    for await (const s of second) got.push(s.sid!);
    expect(got).toEqual(sids(7, 2));
    expect(second.items.map((s) => s.sid)).toEqual(sids(2, 2));
    let aheadSignal: AbortSignal | undefined;
    const { client: slow } = testClient((url, init, n) => {
      if (n === 1) return json(pageFor(url, 10, ORIGIN));
      aheadSignal = init.signal!;
      return new Promise(() => {});
    });
    for await (const s of slow.sessions.list(SERVICE_SID, { pageSize: 2 })) {
      expect(s).toBeDefined();
      break;
    }
    expect(aheadSignal?.aborted).toBe(true);
  });

  it('a first page that fails rejects both the await and the iteration', async () => {
    const { client } = testClient(() => json({ code: 20404, message: 'gone', status: 404 }, 404));
    const listing = client.sessions.list(SERVICE_SID);
    await expect(listing).rejects.toMatchObject({ name: 'ProxyApiError', status: 404 });
    await expect(
      (async () => {
        for await (const _ of listing) expect.unreachable();
      })(),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('safe next_page_url', () => {
  it.each([
    ['another host', 'https://evil.test/v1/Services/x/Sessions?Page=1'],
    ['another scheme', 'http://proxy.test/v1/Services/x/Sessions?Page=1'],
    ['another port', 'https://proxy.test:8443/v1/Services/x/Sessions?Page=1'],
    ['protocol-relative', '//evil.test/v1/Services?Page=1'],
    ['userinfo trick', 'https://proxy.test@evil.test/v1?Page=1'],
  ])('%s is refused and never requested', async (_, next) => {
    const { client, fetch } = testClient((url) => {
      const body = pageFor(url, 10, ORIGIN) as { meta: { next_page_url: string } };
      body.meta.next_page_url = next;
      return json(body);
    });
    const err = await client.sessions.all(SERVICE_SID, { pageSize: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyPaginationError);
    expect(err).toMatchObject({ reason: 'origin' });
    expect(fetch.calls.map((c) => new URL(c.url).origin)).toEqual([ORIGIN]);
  });

  it.each([
    ['points at itself', (url: string) => url],
    [
      'cycles back to the first page',
      (url: string) =>
        url.includes('Page=1') ? `${ORIGIN}/v1/Services/${SERVICE_SID}/Sessions?PageSize=2` : url.replace(/\?.*/, '?PageSize=2&Page=1'),
    ],
  ])('a next_page_url that %s ends with an error, not a loop', async (_, nextOf) => {
    const { client, fetch } = testClient((url) => {
      const body = pageFor(url, 10, ORIGIN) as { meta: { next_page_url: string; url: string } };
      body.meta.next_page_url = nextOf(url);
      body.meta.url = url;
      return json(body);
    });
    const err = await client.sessions.all(SERVICE_SID, { pageSize: 2 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ProxyPaginationError', reason: 'loop' });
    expect(fetch.calls.length).toBeLessThanOrEqual(2);
  });
});

describe('each() and all()', () => {
  it('property: any total, page size and limit → exactly the right items, in order, no extra requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 350 }), { nil: undefined }),
        async (total, pageSize, limit) => {
          const { client, fetch } = testClient(pages(total));
          const got = (await client.sessions.all(SERVICE_SID, { pageSize, limit })).map((s) => s.sid);
          const want = Math.min(total, limit ?? Infinity);
          expect(got).toEqual(sids(want));
          expect(new Set(got).size).toBe(got.length);
          expect(fetch.calls).toHaveLength(Math.max(1, Math.ceil(want / pageSize)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fetches one page ahead while the caller consumes, never more', async () => {
    const { client, fetch } = testClient(pages(10));
    const seen: number[] = [];
    for await (const s of client.sessions.each(SERVICE_SID, { pageSize: 2 })) {
      seen.push(fetch.calls.length);
      await new Promise((r) => setTimeout(r, 1));
      expect(s.sid).toBeTypeOf('string');
    }
    // While the items of page N are consumed, page N+1 (and only it) has been requested.
    expect(seen).toEqual([2, 2, 3, 3, 4, 4, 5, 5, 5, 5]);
  });

  it('break aborts the page fetched ahead', async () => {
    let aheadSignal: AbortSignal | undefined;
    const { client } = testClient((url, init, n) => {
      if (n === 1) return json(pageFor(url, 10, ORIGIN));
      aheadSignal = init.signal!;
      return new Promise(() => {});
    });
    for await (const s of client.sessions.each(SERVICE_SID, { pageSize: 2 })) {
      expect(s).toBeDefined();
      break;
    }
    expect(aheadSignal?.aborted).toBe(true);
  });

  it('the caller signal aborts iteration and the fetch ahead', async () => {
    const ctrl = new AbortController();
    let aheadSignal: AbortSignal | undefined;
    const { client } = testClient((url, init, n) => {
      if (n === 1) return json(pageFor(url, 10, ORIGIN));
      aheadSignal = init.signal!;
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    });
    const got: Session[] = [];
    const err = await (async () => {
      for await (const s of client.sessions.each(SERVICE_SID, { pageSize: 2, signal: ctrl.signal })) {
        got.push(s);
        ctrl.abort();
      }
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(got).toHaveLength(1);
    expect(aheadSignal?.aborted).toBe(true);
  });

  it('the iterator tolerates next() calls that overlap, and return() twice', async () => {
    const { client, fetch } = testClient(pages(5));
    const it = client.sessions.each(SERVICE_SID, { pageSize: 2 });
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next(), it.next()]);
    expect(results.map((r) => (r.done ? null : r.value.sid))).toEqual([...sids(5), null]);
    expect(await it.return!()).toEqual({ value: undefined, done: true });
    expect(await it.return!()).toEqual({ value: undefined, done: true });
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(fetch.calls).toHaveLength(3);
  });

  it('an error while paging ends the iteration with that error', async () => {
    const { client } = testClient((url, init, n) =>
      n === 1 ? pages(10)(url, init, n) : json({ code: 20404, message: 'gone', status: 404 }, 404),
    );
    const it = client.sessions.each(SERVICE_SID, { pageSize: 2 });
    await it.next();
    await it.next();
    await expect(it.next()).rejects.toMatchObject({ name: 'ProxyApiError', status: 404 });
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('limit that fits in the first page sends one request', async () => {
    const { client, fetch } = testClient(pages(1000));
    expect(await client.sessions.all(SERVICE_SID, { pageSize: 50, limit: 50 })).toHaveLength(50);
    expect(fetch.calls).toHaveLength(1);
  });
});
