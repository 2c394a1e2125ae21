// Per-call options and withOptions, as types: every generated method takes a final RequestOptions; the options
// are typed (a wrong type or an unknown name is a compile error); withOptions gives a ProxyClient.
import { describe, expectTypeOf, test } from 'vitest';
import { createProxyClient, type ProxyClient, type RequestOptions, type Session } from '../src/index.js';

const client = createProxyClient({ accountSid: 'AC', authToken: 't', headers: { 'x-app': 'a' } });
const sid = 'KS00000000000000000000000000000000';
const kc = 'KC00000000000000000000000000000000';
const opts: RequestOptions = { timeout: 1_000, maxRetries: 0, headers: { 'x-trace': '1' }, signal: AbortSignal.timeout(5_000) };

describe('RequestOptions', () => {
  test('has timeout, maxRetries, headers and signal, all optional', () => {
    expectTypeOf<RequestOptions>().toEqualTypeOf<{
      signal?: AbortSignal;
      timeout?: number;
      maxRetries?: number;
      headers?: Record<string, string>;
    }>();
    expectTypeOf({}).toMatchTypeOf<RequestOptions>();
  });

  test('every kind of generated method takes them as its final argument', () => {
    expectTypeOf(client.sessions.list(sid, {}, opts)).resolves.toHaveProperty('items');
    expectTypeOf(client.sessions.all(sid, { pageSize: 50 }, opts)).resolves.toEqualTypeOf<Session[]>();
    expectTypeOf(client.sessions.each(sid, undefined, opts)).toEqualTypeOf<AsyncIterableIterator<Session>>();
    expectTypeOf(client.sessions.fetch(sid, kc, {}, opts)).resolves.toEqualTypeOf<Session>();
    expectTypeOf(client.sessions.create(sid, { uniqueName: 'u' }, opts)).resolves.toEqualTypeOf<Session>();
    expectTypeOf(client.sessions.remove(sid, kc, undefined, { maxRetries: 1 })).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.services.list(undefined, { timeout: 5 })).resolves.toHaveProperty('items');
  });

  test('they also sit beside the operation options, as signal does', () => {
    expectTypeOf(client.sessions.list(sid, { pageSize: 50, timeout: 100, headers: { a: 'b' } })).resolves.toHaveProperty('items');
  });

  test('wrong types and unknown names are refused', () => {
    // @ts-expect-error timeout is a number of ms
    client.sessions.fetch(sid, kc, {}, { timeout: '1s' });
    // @ts-expect-error header values are strings
    client.sessions.fetch(sid, kc, {}, { headers: { 'x-n': 1 } });
    // @ts-expect-error the final argument takes request options only, not the operation's
    client.sessions.list(sid, {}, { pageSize: 50 });
  });
});

describe('withOptions', () => {
  test('takes client options and gives a ProxyClient', () => {
    expectTypeOf(client.withOptions({ timeoutMs: 5_000, maxRetries: 0, headers: { 'x-b': '2' } })).toEqualTypeOf<ProxyClient>();
    expectTypeOf(client.withOptions({}).withOptions).toBeFunction();
    // @ts-expect-error timeoutMs is a number
    client.withOptions({ timeoutMs: 'soon' });
  });
});
