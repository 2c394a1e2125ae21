import type { OperationId, OperationMeta, operations, paths } from '@twilio-proxy/types';
import type { Client } from 'openapi-fetch';
import type { SuccessResponseJSON } from 'openapi-typescript-helpers';
import { checkParams, type OperationParams } from '../internal/check-params.js';
import { formBody } from '../internal/form-body.js';
import { watchdog } from '../internal/watchdog.js';
import { apiError, ReadResponse, type TransportConfig, transportFetch } from './transport.js';

type Op<K extends OperationId> = operations[K];

/**
 * The success body of an operation as openapi-typescript types one: the JSON of its 200, 201, 202 or `2XX`
 * response; `void` when it has none (a 204, or a 200 with no content).
 */
export type SuccessOf<O extends Record<string, unknown>> = [Exclude<SuccessResponseJSON<O>, undefined>] extends [never]
  ? // biome-ignore lint/suspicious/noConfusingVoidType: what a method with no success body resolves to, as Stainless clients type a 204
    void
  : Exclude<SuccessResponseJSON<O>, undefined>;
/** The body of an operation's success response, as the spec types it; `void` when it has none. */
export type SuccessBody<K extends OperationId> = SuccessOf<Op<K>>;
/** The request body of an operation type, in its media type's shape; `never` when it takes none. */
export type BodyOf<O> = O extends { requestBody?: infer R } ? (NonNullable<R> extends { content: infer C } ? C[keyof C] : never) : never;
/** The request body of an operation, when the spec gives it one. */
export type RequestBody<K extends OperationId> = BodyOf<Op<K>>;
/** `path` and `query` parameters of an operation (and `body`, when it takes one), exactly as the spec types them. */
export type ParamsOf<K extends OperationId> = Pick<Op<K>['parameters'], 'path' | 'query'> &
  ([RequestBody<K>] extends [never] ? unknown : { body?: RequestBody<K> });
/** An operation's query parameters as options: the spec's names with a lower-case first letter (`PageSize` → `pageSize`). */
export type QueryOptions<K extends OperationId> = {
  [P in keyof NonNullable<Op<K>['parameters']['query']> as Uncapitalize<P & string>]?: NonNullable<Op<K>['parameters']['query']>[P];
};
/**
 * An operation's body fields as options, beside the query ones: the spec's names with a lower-case first letter
 * (`UniqueName` → `uniqueName`), required as the spec requires them; the fields named in `D` (its date fields)
 * take a `Date` too.
 */
export type BodyOptionsOf<B, D extends string = never> = {
  [P in keyof B as Uncapitalize<P & string>]: P extends D ? B[P] | Date : B[P];
};
/** {@link BodyOptionsOf} an operation of the spec. */
export type BodyOptions<K extends OperationId, D extends string = never> = BodyOptionsOf<RequestBody<K>, D>;

export interface RequestOptions {
  /** Cancels the request, its retries and waits, and (for `each`/`all`) the page fetched ahead. */
  signal?: AbortSignal;
  /** This call's per-attempt timeout in ms (every page of a list included), instead of the client's `timeoutMs`. */
  timeout?: number;
  /** This call's retry cap, instead of the client's `maxRetries`; a create is still never retried into a double. */
  maxRetries?: number;
  /**
   * Extra headers for this call (after the client's `headers`). They never replace what the client controls:
   * `Authorization`, `User-Agent` (see `userAgent`) and the `Content-Type` of a body.
   */
  headers?: Record<string, string>;
}

/** What every request of a client shares. */
export interface ClientContext {
  cfg: TransportConfig;
  /** baseUrl's origin: a `next_page_url` that is a bare path is resolved against it. */
  origin: string;
  /** baseUrl, path included, without a trailing `/`: every request and every `next_page_url` stays under it. */
  base: string;
  /** The openapi-fetch client; its `fetch` is the retrying, authenticating transport. */
  raw: Client<paths>;
  /**
   * The transport as a `fetch` that also parses a 2xx JSON body inside the attempt (so bad JSON is retried),
   * with the caller's signal beside the Request rather than in it (see `exchange`).
   */
  jsonFetch: (request: Request, signal?: AbortSignal | null) => Promise<Response>;
  /** Headers every request of this context carries (the client's `headers`, then a call's). */
  headers?: Record<string, string>;
}

/**
 * The context of one call: the client's own when the call changes nothing (no per-request cost), else a copy
 * with the call's timeout, retry cap and headers. A list's next pages are fetched with it too.
 */
export function callContext<C extends ClientContext>(ctx: C, { timeout, maxRetries, headers }: RequestOptions = {}): C {
  if (timeout === undefined && maxRetries === undefined && headers === undefined) return ctx;
  const cfg = { ...ctx.cfg };
  if (timeout !== undefined) Object.assign(cfg, { timeoutMs: timeout, watch: watchdog(timeout) });
  if (maxRetries !== undefined) cfg.maxRetries = maxRetries;
  return { ...ctx, cfg, jsonFetch: transportFetch(cfg, true), headers: headers && { ...ctx.headers, ...headers } };
}

/** A parsed success response, with what errors built from it need. */
export interface Answer {
  /** The URL requested (the last one, after any middleware). */
  url: string;
  data?: unknown;
  status: number;
  requestId?: string;
  attempts?: number;
}

type Init = { params?: OperationParams; signal?: AbortSignal } & Record<string, unknown>;
type RawRequest = (method: string, path: string, init: object) => Promise<{ data?: unknown; response: Response; error?: unknown }>;

/**
 * One request through openapi-fetch (`client.raw`, so its middleware sees it) with the transport as its
 * fetch. The body comes back already read and parsed by the transport (a ReadResponse: openapi-fetch's
 * `text` reading costs nothing), or, when a middleware answered by itself, is parsed here. A non-2xx answer
 * is thrown as a ProxyApiError.
 */
async function exchange(ctx: ClientContext, method: string, path: string, { signal, ...init }: Init): Promise<Answer> {
  // The signal goes to the transport, not into the Request: a Request with a signal costs Node's fetch an abort
  // listener on it (held until the Request is collected) and about a millisecond, per page of a long listing.
  const fetch = (request: Request) => ctx.jsonFetch(request, signal);
  // The context's headers go first: a body's Content-Type (in init) wins, and the transport adds auth last.
  const headers = ctx.headers && { ...ctx.headers, ...(init.headers as object) };
  const req = { ...init, ...(headers && { headers }), fetch, parseAs: 'text' };
  const { data: text, response, error } = await (ctx.raw.request as RawRequest)(method, path, req);
  const attempts = response instanceof ReadResponse ? response.attempts : undefined;
  const fields = { requestId: response.headers.get('twilio-request-id') ?? undefined, attempts };
  if (!response.ok) throw apiError(response.status, error, fields, ctx.cfg.redact);
  // The transport's answer was parsed in its attempt; a Response a middleware made is parsed here.
  const data = attempts ? await response.json() : text ? JSON.parse(text as string) : undefined;
  return { url: response.url, data, status: response.status, ...fields };
}

/**
 * Any operation of the spec, through openapi-fetch: parameters checked against the spec first (nothing is
 * sent when one breaks a rule), then `client.raw` (and its middleware) with the transport as its fetch.
 * A non-2xx answer is thrown as a ProxyApiError.
 */
export async function requestOperation(
  ctx: ClientContext,
  op: OperationMeta,
  params: OperationParams,
  options: RequestOptions = {},
): Promise<Answer> {
  checkParams(op, params);
  ctx = callContext(ctx, options);
  const { body } = params;
  const media = op.body?.mediaType;
  // The body goes out in the spec's media type: a form as twilio-node sends one, else openapi-fetch's JSON.
  const encode = media === 'application/x-www-form-urlencoded' && {
    bodySerializer: (b: Record<string, unknown>) => formBody(b, op.body!.fields),
  };
  const init = body === undefined || !media ? {} : { body, headers: { 'content-type': media }, ...encode };
  return exchange(ctx, op.method, op.path, { params, signal: options.signal, ...init });
}

/**
 * A GET of a URL under `ctx.base` exactly as given (a server's `next_page_url`), through openapi-fetch too:
 * the path and query after the base go in as openapi-fetch's path, with no parameters to fill.
 */
export const requestUrl = (ctx: ClientContext, url: string, signal?: AbortSignal): Promise<Answer> =>
  exchange(ctx, 'GET', url.slice(ctx.base.length), { signal });
