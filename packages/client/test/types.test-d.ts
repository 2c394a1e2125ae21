import { describe, expectTypeOf, test } from 'vitest';
import {
  createProxyClient,
  type ListOperationId,
  type ListSessionsOptions,
  type Page,
  type PageMeta,
  type PagePromise,
  ProxyApiError,
  parseSessionDates,
  type Session,
  type SessionDateField,
  type SessionsResource,
  type SuccessBody,
} from '../src/index.js';

const client = createProxyClient({ accountSid: 'AC', authToken: 't' });
const sid = 'KS00000000000000000000000000000000';

describe('public types', () => {
  test('each() yields Session; all() gives Session[]; list() gives Page<Session>', async () => {
    for await (const s of client.sessions.each(sid)) expectTypeOf(s).toEqualTypeOf<Session>();
    expectTypeOf(client.sessions.all(sid)).resolves.toEqualTypeOf<Session[]>();
    const page = await client.sessions.list(sid);
    expectTypeOf(page).toEqualTypeOf<Page<Session>>();
    expectTypeOf(page.items).toEqualTypeOf<Session[]>();
    expectTypeOf(page.meta).toEqualTypeOf<PageMeta>();
    expectTypeOf(page.nextPage()).resolves.toEqualTypeOf<Page<Session> | null>();
  });

  test('list() is a PagePromise: awaited, one Page; iterated, every Session (and so is a Page)', async () => {
    expectTypeOf(client.sessions.list(sid)).toEqualTypeOf<PagePromise<Session>>();
    expectTypeOf(client.sessions.list(sid)).toExtend<Promise<Page<Session>>>();
    expectTypeOf(client.list('ListSession', { path: { ServiceSid: sid } })).resolves.toEqualTypeOf<Page<Session>>();
    for await (const s of client.sessions.list(sid)) expectTypeOf(s).toEqualTypeOf<Session>();
    for await (const s of await client.sessions.list(sid)) expectTypeOf(s).toEqualTypeOf<Session>();
  });

  test('options are derived from the spec query, camelCased', () => {
    expectTypeOf<ListSessionsOptions>().toEqualTypeOf<{ pageSize?: number; page?: number; pageToken?: string }>();
    client.sessions.each(sid, { pageSize: 50, limit: 10, signal: AbortSignal.timeout(1) });
  });

  test('a typo in a query parameter is a compile error', () => {
    // @ts-expect-error pagesize is not a parameter of List Sessions
    client.sessions.list(sid, { pagesize: 10 });
    // @ts-expect-error PageSize must be a number
    client.sessions.list(sid, { pageSize: '10' });
    // @ts-expect-error unknown query parameter in the generic API
    client.list('ListSession', { path: { ServiceSid: sid }, query: { PageSise: 10 } });
    // @ts-expect-error unknown query parameter in the raw openapi-fetch client
    client.raw.GET('/v1/Services/{ServiceSid}/Sessions', { params: { path: { ServiceSid: sid }, query: { Pagesize: 1 } } });
    // @ts-expect-error not a list operation of the spec
    client.list('GetSession', { path: { ServiceSid: sid } });
  });

  test('the generic API is typed by operationId', async () => {
    for await (const s of client.each('ListSession', { path: { ServiceSid: sid }, query: { PageSize: 5 } })) {
      expectTypeOf(s).toEqualTypeOf<Session>();
    }
  });

  test('list operations: the spec may add more, so this one is a member, not the whole set', () => {
    expectTypeOf<'ListSession'>().toExtend<ListOperationId>();
  });

  test('client.sessions is the generated SessionsResource; request() is typed by operationId', async () => {
    expectTypeOf(client.sessions).toEqualTypeOf<SessionsResource>();
    const body = await client.request('ListSession', { path: { ServiceSid: sid }, query: { PageSize: 5 } });
    expectTypeOf(body).toEqualTypeOf<SuccessBody<'ListSession'>>();
    expectTypeOf(body.sessions).toEqualTypeOf<Session[]>();
    // @ts-expect-error the path parameter is required
    client.request('ListSession', { query: { PageSize: 5 } });
  });

  test('errors carry typed fields', () => {
    const e = new ProxyApiError('x', { status: 500 });
    expectTypeOf(e.status).toEqualTypeOf<number>();
    expectTypeOf(e.code).toEqualTypeOf<number | undefined>();
    expectTypeOf(e.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(e.attempts).toEqualTypeOf<number | undefined>();
  });

  test('parseSessionDates gives Dates for date_* fields', () => {
    const d = parseSessionDates({} as Session);
    expectTypeOf(d.date_created).toEqualTypeOf<Date | null>();
    expectTypeOf(d.sid).toEqualTypeOf<string | null>();
    expectTypeOf<SessionDateField>().toEqualTypeOf<
      'date_started' | 'date_ended' | 'date_last_interaction' | 'date_expiry' | 'date_created' | 'date_updated'
    >();
  });
});
