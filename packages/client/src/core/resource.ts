import { type OperationId, type OperationMeta, operationsMeta } from '@twilio-proxy/types';
import type { IterateOptions, ListItem, ListOperationId, PagePromise } from './pagination.js';
import type { ParamsOf, RequestOptions, SuccessBody } from './request.js';

/** The generic API the generated resources call. */
export interface OperationsApi {
  /**
   * Any operation of the spec by operationId, through openapi-fetch (`client.raw`): parameters are checked
   * against the spec first (a ProxyValidationError, nothing sent), a non-2xx answer is a ProxyApiError.
   */
  request<K extends OperationId>(operationId: K, params: ParamsOf<K>, options?: RequestOptions): Promise<SuccessBody<K>>;
  /**
   * The first page of any list operation of the spec (`await` it), which is also async-iterable over every
   * item of every page (`for await`).
   */
  list<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: RequestOptions): PagePromise<ListItem<K>>;
  /** Every item of any list operation, lazily, one page fetched ahead. */
  each<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: IterateOptions): AsyncIterableIterator<ListItem<K>>;
  /** Every item of any list operation (up to `limit`), in an array. */
  all<K extends ListOperationId>(operationId: K, params: ParamsOf<K>, options?: IterateOptions): Promise<ListItem<K>[]>;
}

/** RequestOptions other than `signal`, which may also sit among an operation's options. */
const CALL_OPTIONS = ['timeout', 'maxRetries', 'headers'];

// biome-ignore lint/suspicious/noExplicitAny: a generic method stands in for each typed one the generated interfaces declare
type Call = (...args: any[]) => any;

/**
 * A resource method: positional path parameters in path order (the operation's `pathParams`), then options, then
 * (optionally) RequestOptions. Options other than `signal`, `limit`, `timeout`, `maxRetries` and `headers` are the
 * query parameters and the body fields by their `option` names (`pageSize` → `PageSize`, `uniqueName` →
 * `UniqueName`; the wire name works too). Any other name goes on as typed, for the spec checks to refuse it with
 * the name it most likely meant.
 */
function method(api: OperationsApi, action: keyof OperationsApi, operationId: OperationId): Call {
  const op: OperationMeta = operationsMeta[operationId];
  const names = op.pathParams ?? [];
  const wire = (items: readonly { name: string; option?: string }[]) =>
    new Map(items.flatMap((p) => [[p.name, p.name] as const, ...(p.option ? [[p.option, p.name] as const] : [])]));
  const query = wire(op.parameters.filter((p) => p.in === 'query'));
  const fields = wire(op.body?.fields ?? []);
  return (...args: unknown[]) => {
    const path: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) path[name] = args[i];
    const { signal, limit, ...rest } = (args[names.length] ?? {}) as Record<string, unknown>;
    const params: { path: object; query: Record<string, unknown>; body?: Record<string, unknown> } = { path, query: {} };
    const options: Record<string, unknown> = { signal, limit };
    if (op.body) params.body = {};
    for (const k in rest) {
      if (query.has(k)) params.query[query.get(k)!] = rest[k];
      else if (fields.has(k)) params.body![fields.get(k)!] = rest[k];
      // A request option beside the spec's names (the spec's own names win).
      else if (CALL_OPTIONS.includes(k)) options[k] = rest[k];
      else params.query[k] = rest[k];
    }
    // The final argument: request options only, whatever the spec names (openai-node's `options`).
    return (api[action] as Call)(operationId, params, { ...options, ...(args[names.length + 1] as object) });
  };
}

/** `list`, `each` and `all` of a list operation. */
export const listMethods = (api: OperationsApi, operationId: OperationId) => ({
  list: method(api, 'list', operationId),
  each: method(api, 'each', operationId),
  all: method(api, 'all', operationId),
});

/** Any other operation: one method that sends it and resolves to its body (`undefined` when it has none). */
export const requestMethod = (api: OperationsApi, operationId: OperationId): Call => method(api, 'request', operationId);
