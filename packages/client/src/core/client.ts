import { defaultBaseUrl, type OperationMeta, operationsMeta, type paths } from '@twilio-proxy/types';
import createClient, { type Client } from 'openapi-fetch';
import { createResources, type Resources } from '../generated/resources.gen.js';
import { type Credentials, resolveAuth } from '../internal/auth.js';
import type { OperationParams } from '../internal/check-params.js';
import { sleep } from '../internal/sleep.js';
import { watchdog } from '../internal/watchdog.js';
import { ProxyError } from './errors.js';
import { collect, firstPage, iterate, PagePromise } from './pagination.js';
import { createRedactor } from './redact.js';
import { type ClientContext, requestOperation } from './request.js';
import type { OperationsApi } from './resource.js';
import { type Logger, type RetryOptions, type TransportConfig, transportFetch } from './transport.js';

export interface ProxyClientOptions extends Credentials {
  /**
   * An http(s) URL, with a path when a gateway serves the API under one (`https://gateway.example/twilio`:
   * requests go to `/twilio/v1/...`); the spec's paths carry `/v1`. Default: the spec's first server.
   */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per attempt, from its start to the end of its body. Default 30 000. */
  timeoutMs?: number;
  /**
   * Retries of an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE) after 429, 500, 502, 503, 504, a network
   * error or a timeout; a POST only after a 429 or a refused connection (it was not processed). Default 2.
   */
  maxRetries?: number;
  /**
   * The largest response body read, counted as it streams in; past it the request is aborted with a
   * ProxyApiError (`reason: 'response-too-large'`), not retried. Default 32 MiB (a 1000-item page is ≈ 0.6 MB).
   */
  maxResponseBytes?: number;
  retry?: RetryOptions;
  userAgent?: string;
  /**
   * Headers sent with every request (a call's `headers` add to them). They never replace what the client
   * controls: `Authorization`, `User-Agent` (set it with `userAgent`) and the `Content-Type` of a body.
   */
  headers?: Record<string, string>;
  logger?: Logger;
  /** How waits between retries happen; tests pass a fake. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * The client: `client.<resource>.<action>(...)` for every operation of the spec (generated), over the generic
 * `request`/`list`/`each`/`all` by operationId, with the typed openapi-fetch client underneath as `raw`.
 */
export interface ProxyClient extends Resources, OperationsApi {
  readonly accountSid: string;
  /** baseUrl as used: origin and path, without a trailing `/`. */
  readonly baseUrl: string;
  /**
   * The typed openapi-fetch client every request goes through (with auth, retries and timeouts):
   * `raw.use(middleware)` sees each operation's request and every page of a list, next pages included.
   */
  readonly raw: Client<paths>;
  /**
   * A new client with these options over this one's (`headers` are merged): e.g.
   * `client.withOptions({ timeoutMs: 5_000, maxRetries: 0 })`. This client is left as it is; the new one has its
   * own `raw`, so middleware added with `raw.use` is not carried over.
   */
  withOptions(options: ProxyClientOptions): ProxyClient;
}

export function createProxyClient(options: ProxyClientOptions = {}): ProxyClient {
  const ctx = createContext(options);
  const each: OperationsApi['each'] = (op, params, opts) => iterate((signal) => firstPage(ctx, op, params, { ...opts, signal }), opts);
  const api: OperationsApi = {
    request: async (op, params, opts) =>
      (await requestOperation(ctx, operationsMeta[op] as OperationMeta, params as OperationParams, opts)).data as never,
    list: (op, params, opts) => new PagePromise(firstPage(ctx, op, params, opts), opts?.signal),
    each,
    all: (op, params, opts) => collect(each(op, params, opts)),
  };
  // The parent's options are copied, never changed; nested ones (headers, retry) are merged.
  const withOptions = (more: ProxyClientOptions) =>
    createProxyClient({
      ...options,
      ...more,
      headers: options.headers || more.headers ? { ...options.headers, ...more.headers } : undefined,
      retry: { ...options.retry, ...more.retry },
    });
  return { accountSid: ctx.accountSid, baseUrl: ctx.base, raw: ctx.raw, withOptions, ...api, ...createResources(api) };
}

/** What every request of a client shares, from its options (the package's tests also build one directly). */
export function createContext(options: ProxyClientOptions): ClientContext & { accountSid: string } {
  const auth = resolveAuth(options);
  const { origin, base } = parseBaseUrl(options.baseUrl ?? defaultBaseUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cfg: TransportConfig = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    headers: { authorization: auth.header, 'user-agent': options.userAgent ?? 'twilio-proxy-client' },
    timeoutMs,
    watch: watchdog(timeoutMs),
    maxRetries: options.maxRetries ?? 2,
    maxResponseBytes: options.maxResponseBytes ?? 32 * 1024 * 1024,
    retry: { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000, ...options.retry },
    logger: options.logger,
    sleep: options.sleep ?? sleep,
    redact: createRedactor(auth.secrets),
  };
  // openapi-fetch builds each request; its fetch is the transport, which adds auth, timeouts and retries.
  const raw = createClient<paths>({ baseUrl: base, fetch: transportFetch(cfg) });
  const headers = options.headers && { ...options.headers };
  return { accountSid: auth.accountSid, cfg, origin, base, raw, jsonFetch: transportFetch(cfg, true), headers };
}

/**
 * The origin and the base (origin and path, no trailing `/`) of an http(s) URL. A query, a fragment or
 * credentials in it would be dropped or sent where they do not belong, so they are refused.
 */
function parseBaseUrl(text: string): { origin: string; base: string } {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ProxyError('baseUrl must be an http(s) URL, with no query, fragment or credentials');
  }
  return { origin: url.origin, base: url.origin + url.pathname.replace(/\/+$/, '') };
}
