import type { OperationId, OperationMeta, operations, paths } from '@twilio-proxy/types';
import type { Client } from 'openapi-fetch';
import { checkParams, type OperationParams } from '../internal/check-params.js';
import { apiError, replyOf, type TransportConfig } from './transport.js';

type Op<K extends OperationId> = operations[K];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<K extends OperationId> = Extract<keyof Op<K>['responses'], 200 | 201 | 202 | 204>;

/** The body of an operation's success response, as the spec types it (`undefined` when it has none). */
export type SuccessBody<K extends OperationId> = Json<Op<K>['responses'][Success<K>]>;
/** The request body of an operation, when the spec gives it one. */
export type RequestBody<K extends OperationId> = Op<K> extends { requestBody: { content: infer C } } ? C[keyof C] : never;
/** `path` and `query` parameters of an operation (and `body`, when it takes one), exactly as the spec types them. */
export type ParamsOf<K extends OperationId> = Pick<Op<K>['parameters'], 'path' | 'query'> &
  ([RequestBody<K>] extends [never] ? unknown : { body?: RequestBody<K> });
/** An operation's query parameters as options: the spec's names with a lower-case first letter (`PageSize` → `pageSize`). */
export type QueryOptions<K extends OperationId> = {
  [P in keyof NonNullable<Op<K>['parameters']['query']> as Uncapitalize<P & string>]?: NonNullable<Op<K>['parameters']['query']>[P];
};

export interface RequestOptions {
  /** Cancels the request, its retries and waits, and (for `each`/`all`) the page fetched ahead. */
  signal?: AbortSignal;
}

/** What every request of a client shares. */
export interface ClientContext {
  cfg: TransportConfig;
  /** The origin every request goes to; `next_page_url` must stay on it. */
  origin: string;
  /** The openapi-fetch client; its `fetch` is the retrying, authenticating transport. */
  raw: Client<paths>;
  /** The transport as a `fetch` that also parses a 2xx JSON body inside the attempt (so bad JSON is retried). */
  jsonFetch: (request: Request) => Promise<Response>;
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
  const { response, error } = await (
    ctx.raw.request as (m: string, p: string, i: object) => Promise<{ response: Response; error?: unknown }>
  )(op.method, op.path, { params, body: params.body, signal: options.signal, fetch: ctx.jsonFetch, parseAs: 'stream' });
  const reply = replyOf(response);
  const fields = { requestId: response.headers.get('twilio-request-id') ?? undefined, attempts: reply?.attempts };
  if (!response.ok) throw apiError(response.status, error, fields, ctx.cfg.redact);
  // The body was parsed in the transport; a middleware that answered with a Response of its own gets it read here.
  const data = reply ? reply.data : await response.text().then((t) => (t ? JSON.parse(t) : undefined));
  return { url: reply?.url ?? response.url, data, status: response.status, ...fields };
}
