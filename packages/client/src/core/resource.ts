import { type OperationId, operationsMeta } from '@twilio-proxy/types';
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

// biome-ignore lint/suspicious/noExplicitAny: a generic method stands in for each typed one the generated interfaces declare
type Call = (...args: any[]) => any;

/**
 * A resource method: positional path parameters in path order, then options. Options other than `signal`,
 * `limit` and `body` are the query, named as the spec names them with a capital first letter (`pageSize` → `PageSize`).
 */
function method(api: OperationsApi, action: keyof OperationsApi, operationId: OperationId): Call {
  const names = operationsMeta[operationId].path.match(/[^{}]+(?=})/g) ?? [];
  return (...args: unknown[]) => {
    const path: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) path[name] = args[i];
    const { signal, limit, body, ...rest } = (args[names.length] ?? {}) as Record<string, unknown>;
    const query: Record<string, unknown> = {};
    for (const k in rest) query[k[0]!.toUpperCase() + k.slice(1)] = rest[k];
    return (api[action] as Call)(operationId, { path, query, body }, { signal, limit });
  };
}

/** `list`, `each` and `all` of a list operation. */
export const listMethods = (api: OperationsApi, operationId: OperationId) => ({
  list: method(api, 'list', operationId),
  each: method(api, 'each', operationId),
  all: method(api, 'all', operationId),
});

/** Any other operation: one method that sends it and resolves to its body. */
export const requestMethod = (api: OperationsApi, operationId: OperationId): Call => method(api, 'request', operationId);
