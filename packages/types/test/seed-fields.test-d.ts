// Pins the generated types to the documentation (../shared/seeds): every field, its nullability and enums.
import { describe, expectTypeOf, test } from 'vitest';
import type {
  ListSessionPathParams,
  ListSessionQuery,
  ListSessionResponse,
  ListSessionsPathParams,
  ListSessionsQuery,
  ListSessionsResponse,
  operations,
  PageMeta,
  paths,
  Session,
  SessionMode,
  SessionStatus,
  TwilioError,
} from '../src/index.js';

type Nullable<T> = T | null;

describe('Session', () => {
  test('has exactly the fifteen documented properties', () => {
    expectTypeOf<keyof Session>().toEqualTypeOf<
      | 'sid'
      | 'service_sid'
      | 'account_sid'
      | 'date_started'
      | 'date_ended'
      | 'date_last_interaction'
      | 'date_expiry'
      | 'unique_name'
      | 'status'
      | 'closed_reason'
      | 'ttl'
      | 'mode'
      | 'date_created'
      | 'date_updated'
      | 'url'
    >();
  });
  test('nullable strings stay nullable', () => {
    expectTypeOf<Session['sid']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['service_sid']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['account_sid']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_started']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_ended']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_last_interaction']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_expiry']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['unique_name']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['closed_reason']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_created']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['date_updated']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<Session['url']>().toEqualTypeOf<Nullable<string>>();
  });
  test('ttl is a non-null number; status and mode are the enums', () => {
    expectTypeOf<Session['ttl']>().toEqualTypeOf<number>();
    expectTypeOf<Session['status']>().toEqualTypeOf<SessionStatus>();
    expectTypeOf<Session['mode']>().toEqualTypeOf<SessionMode>();
  });
  test('enums are exactly the documented values', () => {
    expectTypeOf<SessionStatus>().toEqualTypeOf<'open' | 'in-progress' | 'closed' | 'failed' | 'unknown'>();
    expectTypeOf<SessionMode>().toEqualTypeOf<'message-only' | 'voice-only' | 'voice-and-message'>();
  });
});

describe('PageMeta', () => {
  test('has the seven documented properties with their nullability', () => {
    expectTypeOf<keyof PageMeta>().toEqualTypeOf<
      'first_page_url' | 'key' | 'next_page_url' | 'page' | 'page_size' | 'previous_page_url' | 'url'
    >();
    expectTypeOf<PageMeta['first_page_url']>().toEqualTypeOf<string>();
    expectTypeOf<PageMeta['key']>().toEqualTypeOf<string>();
    expectTypeOf<PageMeta['next_page_url']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<PageMeta['previous_page_url']>().toEqualTypeOf<Nullable<string>>();
    expectTypeOf<PageMeta['page']>().toEqualTypeOf<number>();
    expectTypeOf<PageMeta['page_size']>().toEqualTypeOf<number>();
    expectTypeOf<PageMeta['url']>().toEqualTypeOf<string>();
  });
});

describe('ListSessions operation', () => {
  test('path and query parameters', () => {
    expectTypeOf<ListSessionQuery>().toEqualTypeOf<{ PageSize?: number; Page?: number; PageToken?: string }>();
    expectTypeOf<ListSessionPathParams>().toEqualTypeOf<{ ServiceSid: string }>();
  });
  test('the deprecated List<Resource>… names are the same types as the per-operation ones', () => {
    expectTypeOf<ListSessionsPathParams>().toEqualTypeOf<ListSessionPathParams>();
    expectTypeOf<ListSessionsQuery>().toEqualTypeOf<ListSessionQuery>();
    expectTypeOf<ListSessionsResponse>().toEqualTypeOf<ListSessionResponse>();
  });
  test('the 200 body is a page of sessions', () => {
    expectTypeOf<ListSessionResponse>().toEqualTypeOf<{ sessions: Session[]; meta: PageMeta }>();
    expectTypeOf<paths['/v1/Services/{ServiceSid}/Sessions']['get']>().toEqualTypeOf<operations['ListSession']>();
  });
  test('the five Access-Control headers, one boolean', () => {
    type Headers = operations['ListSession']['responses'][200]['headers'];
    expectTypeOf<Headers['Access-Control-Allow-Origin']>().toEqualTypeOf<string>();
    expectTypeOf<Headers['Access-Control-Allow-Methods']>().toEqualTypeOf<string>();
    expectTypeOf<Headers['Access-Control-Allow-Headers']>().toEqualTypeOf<string>();
    expectTypeOf<Headers['Access-Control-Allow-Credentials']>().toEqualTypeOf<boolean>();
    expectTypeOf<Headers['Access-Control-Expose-Headers']>().toEqualTypeOf<string>();
  });
  test('every error status carries the Twilio error body', () => {
    type R = operations['ListSession']['responses'];
    expectTypeOf<R[400]['content']['application/json']>().toEqualTypeOf<TwilioError>();
    expectTypeOf<R[401]['content']['application/json']>().toEqualTypeOf<TwilioError>();
    expectTypeOf<R[404]['content']['application/json']>().toEqualTypeOf<TwilioError>();
    expectTypeOf<R[429]['content']['application/json']>().toEqualTypeOf<TwilioError>();
    expectTypeOf<R['5XX']['content']['application/json']>().toEqualTypeOf<TwilioError>();
    expectTypeOf<TwilioError>().toEqualTypeOf<{
      code: number;
      message: string;
      more_info?: string;
      status: number;
      details?: { [key: string]: unknown };
    }>();
  });
});
