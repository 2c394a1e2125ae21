// The four ways to list every session of a Service that the benchmark compares.
import createClient from 'openapi-fetch';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

type RequestOptions<T> = RequestClient.RequestOptions<T>;

import type { ListSessionResponse, paths } from '@twilio-proxy/types';

/** The built package (dist/), as consumers run it (`pnpm bench` builds it first); typed from its sources. */
const dist = new URL('../dist/index.js', import.meta.url).href;
export const { createProxyClient } = (await import(dist).catch(() => {
  throw new Error('packages/client/dist is missing: run `pnpm build` first (`pnpm bench` does)');
})) as typeof import('../src/index.js');

export const SERVICE = `KS${'a'.repeat(32)}`;
export const ACCOUNT = `AC${'b'.repeat(32)}`;
export const TOKEN = 'bench-token';
const AUTH = `Basic ${btoa(`${ACCOUNT}:${TOKEN}`)}`;

export type Contender = (origin: string, pageSize: number) => Promise<number>;

/** A bare fetch loop: the floor any client adds to. */
export const rawFetch: Contender = async (origin, pageSize) => {
  let n = 0;
  let url: string | null = `${origin}/v1/Services/${SERVICE}/Sessions?PageSize=${pageSize}`;
  while (url) {
    const res = await fetch(url, { headers: { authorization: AUTH } });
    const body = (await res.json()) as { sessions: unknown[]; meta: { next_page_url: string | null } };
    n += body.sessions.length;
    url = body.meta.next_page_url;
  }
  return n;
};

/** openapi-fetch alone: typed, but paging by hand (query of next_page_url fed back as params). */
export const bareOpenapiFetch: Contender = async (origin, pageSize) => {
  const api = createClient<paths>({ baseUrl: origin, headers: { authorization: AUTH } });
  let n = 0;
  type Query = { PageSize?: number; Page?: number; PageToken?: string };
  let query: Query | null = { PageSize: pageSize };
  while (query) {
    const { data, error }: { data?: ListSessionResponse; error?: unknown } = await api.GET('/v1/Services/{ServiceSid}/Sessions', {
      params: { path: { ServiceSid: SERVICE }, query },
    });
    if (error || !data) throw new Error('request failed');
    n += data.sessions.length;
    const next: URLSearchParams | null = data.meta.next_page_url ? new URL(data.meta.next_page_url).searchParams : null;
    query = next && {
      PageSize: Number(next.get('PageSize')),
      Page: Number(next.get('Page')),
      PageToken: next.get('PageToken') ?? undefined,
    };
  }
  return n;
};

/** This package. */
export const thisClient: Contender = async (origin, pageSize) => {
  const client = createProxyClient({ accountSid: ACCOUNT, authToken: TOKEN, baseUrl: origin });
  let n = 0;
  for await (const s of client.sessions.each(SERVICE, { pageSize })) if (s.sid) n++;
  return n;
};

/** twilio-node, pointed at the loopback server through its documented `httpClient` option. */
export const twilioNode: Contender = async (origin, pageSize) => {
  class LoopbackClient extends twilio.RequestClient {
    override request<T>(opts: RequestOptions<T>) {
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/proxy\.twilio\.com/, origin) });
    }
  }
  const tw = twilio(ACCOUNT, TOKEN, { httpClient: new LoopbackClient() });
  let n = 0;
  await new Promise<void>((resolve, reject) =>
    tw.proxy.v1.services(SERVICE).sessions.each({ pageSize, done: (err?: Error) => (err ? reject(err) : resolve()) }, (s) => {
      if (s.sid) n++;
    }),
  );
  return n;
};
