import { type OperationMeta, operationsMeta } from '@twilio-proxy/types';
import fc from 'fast-check';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { type ClientContext, requestOperation } from '../src/core/request.js';
import type { TransportConfig } from '../src/core/transport.js';
import { ProxyValidationError } from '../src/index.js';
import { pages, testClient } from './helpers/client.js';
import { SERVICE_SID } from './helpers/sessions.js';

const op: OperationMeta = operationsMeta.ListSession;
const rule = (name: string) => op.parameters.find((p) => p.name === name)!.schema;
const sidPattern = new RegExp(rule('ServiceSid').pattern!, 'u');
const { minimum: min, maximum: max } = rule('PageSize');

async function rejection(run: () => Promise<unknown>): Promise<ProxyValidationError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProxyValidationError);
  return err as ProxyValidationError;
}

describe('input checks (from the spec, before any I/O)', () => {
  it.each([
    ['ServiceSid', 'pattern', { sid: `KS${'g'.repeat(32)}` }],
    ['ServiceSid', 'pattern', { sid: `KS/../${'a'.repeat(28)}` }],
    ['ServiceSid', 'required', { sid: undefined }],
    ['ServiceSid', 'type', { sid: 42 }],
    ['PageSize', 'maximum', { pageSize: max! + 1 }],
    ['PageSize', 'minimum', { pageSize: min! - 1 }],
    ['PageSize', 'type', { pageSize: 2.5 }],
    ['PageSize', 'type', { pageSize: '50' }],
    ['Page', 'minimum', { page: -1 }],
    ['PageToken', 'type', { pageToken: 7 }],
    ['pagesize', 'unknown', { pagesize: 10 }],
    ['page_size', 'unknown', { page_size: 10 }],
    ['limit', 'type', { limit: 0 }],
    ['limit', 'type', { limit: 1.5 }],
  ] as const)('%s breaks %s: ProxyValidationError, zero requests', async (parameter, broken, input) => {
    const { client, fetch } = testClient(pages(10));
    const { sid, ...options } = { sid: SERVICE_SID, ...input } as { sid?: unknown } & Record<string, unknown>;
    const err = await rejection(() => client.sessions.all(sid as string, options));
    expect(err).toMatchObject({ parameter, rule: broken });
    expect(err.message).toContain(parameter);
    if (parameter !== 'limit') expect((await rejection(() => client.sessions.list(sid as string, options))).parameter).toBe(parameter);
    expect(fetch.calls).toHaveLength(0);
  });

  it('property: a ServiceSid is sent iff it matches the spec pattern', async () => {
    const { client, fetch } = testClient(pages(1));
    const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
    const sid = fc.oneof(
      fc.string(),
      fc.string({ unit: hex, minLength: 32, maxLength: 32 }).map((s) => `KS${s}`),
    );
    await fc.assert(
      fc.asyncProperty(sid, async (s) => {
        const before = fetch.calls.length;
        const result = await client.sessions.list(s).then(
          () => 'sent',
          (e: unknown) => e,
        );
        if (sidPattern.test(s)) expect(result).toBe('sent');
        else {
          expect(result).toBeInstanceOf(ProxyValidationError);
          expect(fetch.calls.length).toBe(before);
        }
      }),
    );
  });

  it('property: pageSize and page are accepted iff within the spec bounds', async () => {
    const { client, fetch } = testClient(pages(0));
    const num = fc.oneof(fc.integer({ min: -5, max: max! + 5 }), fc.double({ noNaN: false }));
    await fc.assert(
      fc.asyncProperty(num, num, async (pageSize, page) => {
        const before = fetch.calls.length;
        const ok = Number.isInteger(pageSize) && pageSize >= min! && pageSize <= max! && Number.isInteger(page) && page >= 0;
        const result = await client.sessions.list(SERVICE_SID, { pageSize, page }).then(
          () => 'sent',
          (e: unknown) => e,
        );
        if (ok) {
          expect(result).toBe('sent');
          const q = new URL(fetch.calls.at(-1)!.url).searchParams;
          expect([q.get('PageSize'), q.get('Page')]).toEqual([String(pageSize), String(page)]);
        } else {
          expect(result).toBeInstanceOf(ProxyValidationError);
          expect(fetch.calls.length).toBe(before);
        }
      }),
    );
  });

  it('sends only the spec query parameters it was given', async () => {
    const { client, fetch } = testClient(pages(3));
    await client.sessions.list(SERVICE_SID, { pageSize: 2, pageToken: 'PT0' });
    const u = new URL(fetch.calls[0]!.url);
    expect(u.pathname).toBe(`/v1/Services/${SERVICE_SID}/Sessions`);
    expect([...u.searchParams.keys()].sort()).toEqual(['PageSize', 'PageToken']);
  });
});

/** The URL openapi-fetch builds for `op` (after the spec checks), as the transport would receive it. */
async function urlOf(op: OperationMeta, params: { path: Record<string, unknown> }): Promise<string> {
  let url = '';
  const jsonFetch = async (request: Request) => {
    url = request.url;
    return new Response('{}');
  };
  const ctx: ClientContext = {
    cfg: {} as TransportConfig,
    origin: 'https://x.test',
    base: 'https://x.test',
    raw: createClient({ baseUrl: 'https://x.test' }),
    jsonFetch,
  };
  await requestOperation(ctx, op, params);
  return url;
}

describe('an unknown name says which one it most likely meant', () => {
  it.each([
    ['page_size', 'pageSize'],
    ['pagesize', 'pageSize'],
    ['PAGE-SIZE', 'PageSize'],
    ['pageSise', 'pageSize'],
    ['pagetoken', 'pageToken'],
    ['pg', undefined],
    ['color', undefined],
  ] as const)('option %s: did you mean %s?', async (typed, meant) => {
    const { client, fetch } = testClient(pages(3));
    const err = await rejection(() => client.sessions.list(SERVICE_SID, { [typed]: 2 } as never));
    expect(err).toMatchObject({ parameter: typed, rule: 'unknown' });
    if (meant) expect(err.message).toContain(`did you mean \`${meant}\`?`);
    else expect(err.message).not.toContain('did you mean');
    expect(fetch.calls).toHaveLength(0);
  });

  it('the generic API suggests the spec name', async () => {
    const { client } = testClient(pages(3));
    const err = await rejection(() => client.list('ListSession', { path: { ServiceSid: SERVICE_SID }, query: { Page_Size: 2 } } as never));
    expect(err.message).toContain('did you mean `PageSize`?');
  });
});

describe('path parameters are percent-encoded', () => {
  // An operation without a pattern, so only the encoding stands between the value and the path.
  const open: OperationMeta = {
    method: 'GET',
    path: '/v1/Things/{Sid}/Items',
    resource: 'items',
    action: 'list',
    schema: null,
    parameters: [{ name: 'Sid', in: 'path', required: true, schema: { type: 'string' } }],
    list: { itemsKey: 'items' },
  };
  it.each([
    ['a/b', '/v1/Things/a%2Fb/Items'],
    ['a?x=1', '/v1/Things/a%3Fx%3D1/Items'],
    ['a#frag', '/v1/Things/a%23frag/Items'],
    ['../..', '/v1/Things/..%2F../Items'],
    ['a b', '/v1/Things/a%20b/Items'],
  ])('%s stays one segment', async (sid, path) => {
    const url = new URL(await urlOf(open, { path: { Sid: sid } }));
    expect(url.pathname).toBe(path);
    expect(url.search + url.hash).toBe('');
  });
  it.each(['..', '.', ''])('%j is refused', async (sid) => {
    await expect(urlOf(open, { path: { Sid: sid } })).rejects.toThrow(ProxyValidationError);
  });
  it('property: any string stays inside its segment', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((s) => s !== '.' && s !== '..'),
        async (sid) => {
          const url = new URL(await urlOf(open, { path: { Sid: sid } }));
          expect(url.pathname.split('/')).toHaveLength(5);
          expect(decodeURIComponent(url.pathname.split('/')[3]!)).toBe(sid);
        },
      ),
    );
  });
});
