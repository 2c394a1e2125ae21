import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '@twilio-proxy/types';
import { ProxyError } from './errors.js';
import {
  collect,
  iterate,
  listPage,
  type IterateOptions,
  type ListItem,
  type ListOperationId,
  type Page,
  type PagingContext,
  type ParamsOf,
  type RequestOptions,
} from './pagination.js';
import { sessionsResource, type SessionsResource } from './sessions.js';
import { send, type Logger, type RetryOptions, type TransportConfig } from './transport.js';
import { resolveAuth, type Credentials } from '../internal/auth.js';
import { redactor } from '../internal/redact.js';
import { sleep } from '../internal/sleep.js';

export interface ProxyClientOptions extends Credentials {
  /** An origin; the spec's paths carry `/v1`. Default `https://proxy.twilio.com`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per attempt, from its start to the end of its body. Default 30 000. */
  timeoutMs?: number;
  /** Retries of a GET after 429, 500, 502, 503, 504, a network error or a timeout. Default 2. */
  maxRetries?: number;
  retry?: RetryOptions;
  userAgent?: string;
  logger?: Logger;
  /** How waits between retries happen; tests pass a fake. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ProxyClient {
  readonly accountSid: string;
  readonly baseUrl: string;
  readonly sessions: SessionsResource;
  /** The typed openapi-fetch client; its requests get auth, retries and timeouts. */
  readonly raw: Client<paths>;
  /** The first page of any list operation of the spec. */
  list<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: RequestOptions): Promise<Page<ListItem<K>>>;
  /** Every item of any list operation, lazily. */
  each<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: IterateOptions): AsyncIterableIterator<ListItem<K>>;
  /** Every item of any list operation (up to `limit`), in an array. */
  all<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: IterateOptions): Promise<ListItem<K>[]>;
}

export function createProxyClient(options: ProxyClientOptions = {}): ProxyClient {
  const auth = resolveAuth(options);
  let origin = 'null';
  try {
    origin = new URL(options.baseUrl ?? 'https://proxy.twilio.com').origin;
  } catch {}
  if (origin === 'null') throw new ProxyError('baseUrl must be an http(s) origin');
  const cfg: TransportConfig = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    headers: { authorization: auth.header, 'user-agent': options.userAgent ?? 'twilio-proxy-client' },
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    retry: { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000, ...options.retry },
    logger: options.logger,
    sleep: options.sleep ?? sleep,
    redact: redactor(auth.secrets),
  };
  const ctx: PagingContext = { cfg, origin };

  // openapi-fetch builds the request; this fetch adds auth and runs it through the retrying transport.
  const rawFetch = async (request: Request): Promise<Response> => {
    const headers = { ...Object.fromEntries(request.headers as unknown as Iterable<[string, string]>), ...cfg.headers };
    const reply = await send(cfg, request.url, { method: request.method, headers, signal: request.signal });
    return new Response(reply.text || null, { status: reply.status, headers: reply.headers });
  };

  const each: ProxyClient['each'] = (op, params, opts) => iterate((signal) => listPage(ctx, op, params, { signal }), opts);
  return {
    accountSid: auth.accountSid,
    baseUrl: origin,
    sessions: sessionsResource(ctx),
    raw: createClient<paths>({ baseUrl: origin, fetch: rawFetch }),
    list: (op, params, opts) => listPage(ctx, op, params, opts),
    each,
    all: (op, params, opts) => collect(each(op, params, opts)),
  };
}
