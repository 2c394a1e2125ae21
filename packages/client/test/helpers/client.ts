import { createProxyClient, type ProxyClientOptions } from '../../src/index.js';
import { fakeFetch, fakeSleep, type Handler, json } from './fake-fetch.js';
import { ACCOUNT_SID, AUTH_TOKEN, pageFor } from './sessions.js';

export const ORIGIN = 'https://proxy.test';

/** A client over an injected fetch and a sleep that does not wait. */
export function testClient(handler: Handler, options: ProxyClientOptions = {}) {
  const fetch = fakeFetch(handler);
  const sleep = fakeSleep();
  const client = createProxyClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: ORIGIN, fetch, sleep, ...options });
  return { client, fetch, sleep };
}

/** An in-memory List Sessions endpoint with `total` sessions. */
export const pages =
  (total: number): Handler =>
  (url) =>
    json(pageFor(url, total, ORIGIN));
