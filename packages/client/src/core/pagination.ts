import { type OperationId, type OperationMeta, operationsMeta, type PageMeta } from '@twilio-proxy/types';
import { checkLimit, type OperationParams } from '../internal/check-params.js';
import { linkSignal } from '../internal/link-signal.js';
import { ProxyApiError, ProxyPaginationError } from './errors.js';
import {
  type Answer,
  type ClientContext,
  callContext,
  type ParamsOf,
  type RequestOptions,
  requestOperation,
  requestUrl,
  type SuccessBody,
} from './request.js';

type Meta = typeof operationsMeta;
type Body<K extends OperationId> = SuccessBody<K>;
type ItemsKey<K extends OperationId> = Extract<Meta[K]['list'], { itemsKey: string }>['itemsKey'];

/** Every operation of the spec that returns a Twilio list page (its `list` entry is set). */
export type ListOperationId = { [K in OperationId]: Meta[K]['list'] extends null ? never : K }[OperationId];
/** The item type of a list operation, read from its success body. */
export type ListItem<K extends ListOperationId> = Body<K>[ItemsKey<K> & keyof Body<K>] extends readonly (infer T)[] ? T : never;

export interface IterateOptions extends RequestOptions {
  /** Stop after this many items; pages beyond them are never requested. */
  limit?: number;
}

/** One page of a list: its items, Twilio's `meta`, and the way to the next page. */
export class Page<T> {
  readonly #next: (signal?: AbortSignal) => Promise<Page<T> | null>;

  constructor(
    readonly items: T[],
    readonly meta: PageMeta,
    next: (signal?: AbortSignal) => Promise<Page<T> | null>,
  ) {
    this.#next = next;
  }

  hasNextPage(): boolean {
    return !!this.meta.next_page_url;
  }

  /** Fetches the page `meta.next_page_url` names, exactly as given; null after the last page. */
  nextPage(options?: RequestOptions): Promise<Page<T> | null> {
    return this.#next(options?.signal);
  }

  /** Every item of this page and of the pages after it, one page fetched ahead (this page's items are not changed). */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return iterate(() => Promise.resolve(this), {}, true);
  }
}

/**
 * What `list()` returns, as openai-node's `PagePromise`: a Promise of the first page (`await` it for one
 * `Page`) that is also async-iterable over every item of every page (`for await`), one page fetched ahead.
 * The first page is requested at once, and only once whichever way it is read.
 */
export class PagePromise<T> extends Promise<Page<T>> implements AsyncIterable<T> {
  // then/catch/finally make plain Promises: what they resolve to is no first page.
  static override get [Symbol.species]() {
    return Promise;
  }

  readonly #signal: AbortSignal | undefined;

  constructor(first: Promise<Page<T>>, signal?: AbortSignal) {
    super((resolve, reject) => first.then(resolve, reject));
    this.#signal = signal;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return iterate(() => this, { signal: this.#signal }, true);
  }
}

/**
 * A list page from an answer: items under the property `meta.key` names (the spec's itemsKey is the fallback).
 * Its way to the next page carries what the loop guard needs: the first URL of the chain, and Brent's mark
 * (the URL at the last power-of-two depth). A chain that comes back to either is a loop; any cycle is caught
 * within two of its lengths, with the same small memory for ten pages or a million.
 */
function toPage<T>(ctx: ClientContext, answer: Answer, key: string, first: string, mark: string, depth: number): Page<T> {
  // Only what the next request needs is kept: the answer (and its body text) is not held while the page is read.
  const { url: self, data, status, requestId, attempts } = answer;
  const meta = (data as { meta?: PageMeta })?.meta;
  const items = (data as Record<string, T[]>)?.[meta?.key ?? key];
  if (!meta || !Array.isArray(items)) throw new ProxyApiError('Not a list page', { status, requestId, attempts });
  const next = meta.next_page_url;
  return new Page(items, meta, async (signal) => {
    if (!next) return null;
    // Checked before any I/O: credentials must never travel where the caller did not send them. An absolute
    // URL must start with the base URL and a `/` (so no userinfo, port, host or sibling-path trick), also once
    // dot segments are resolved; a bare path is on the base's origin.
    const url = next[0] === '/' && next[1] !== '/' ? ctx.origin + next : next;
    const under = `${ctx.base}/`;
    if (!url.startsWith(under) || !new URL(url).href.startsWith(under)) {
      throw new ProxyPaginationError(`next_page_url leaves ${ctx.base}: ${next}`, { reason: 'origin', url: next });
    }
    if (url === self || url === first || url === mark || next === meta.url) {
      throw new ProxyPaginationError(`next_page_url loops: ${next}`, { reason: 'loop', url: next });
    }
    // Exactly as the server named it, through openapi-fetch like every request (its middleware sees it).
    const reply = await requestUrl(ctx, url, signal);
    const d = depth + 1;
    return toPage(ctx, reply, key, first, d & (d - 1) ? mark : url, d);
  });
}

/** The first page of any list operation, through openapi-fetch like every operation's request. */
export async function firstPage<K extends ListOperationId>(
  ctx: ClientContext,
  operationId: K,
  params: ParamsOf<K>,
  options: RequestOptions = {},
): Promise<Page<ListItem<K>>> {
  const op: OperationMeta = operationsMeta[operationId];
  // The call's options hold for every page: the next ones are fetched with this context.
  ctx = callContext(ctx, options);
  const answer = await requestOperation(ctx, op, params as OperationParams, { signal: options.signal });
  return toPage(ctx, answer, op.list!.itemsKey, answer.url, answer.url, 0);
}

/**
 * Every item of a list, lazily. While the caller works through page N, page N+1 is already on its way
 * (exactly one page ahead, never more); it is aborted when the caller stops (`return()`, `break`) or its
 * signal aborts. `limit` never asks for a page it does not need. Hand-written rather than an async
 * generator: an item already in hand costs one resolved promise, half of what a generator's `yield` costs.
 */
export function iterate<T>(
  first: (signal: AbortSignal) => Promise<Page<T>>,
  options: IterateOptions = {},
  /** The first page is the caller's too: its items are copied, not let go as they are handed out. */
  shared = false,
): AsyncIterableIterator<T> {
  const { limit = Infinity, signal } = options;
  const ctrl = new AbortController();
  let unlink: (() => void) | undefined;
  let ahead: Promise<Page<T> | null> | null | undefined;
  let pulling: Promise<IteratorResult<T>> | undefined;
  let items: T[] = [];
  let i = 0;
  let count = 0;
  let done = false;
  const end = (): IteratorReturnResult<undefined> => {
    done = true;
    ctrl.abort();
    unlink?.();
    return { value: undefined, done };
  };
  // Waits for the page ahead (the first one on the first call) and asks for the one after it.
  const pull = async (): Promise<IteratorResult<T>> => {
    try {
      if (ahead === undefined) {
        checkLimit(options.limit);
        unlink = linkSignal(signal, ctrl);
        ahead = first(ctrl.signal);
      }
      const page = await ahead;
      if (!page) return end();
      items = shared ? page.items.slice() : page.items;
      shared = false;
      i = 0;
      ahead = items.length < limit - count ? page.nextPage({ signal: ctrl.signal }) : null;
      ahead?.catch(() => {}); // stopping early must not leave an unhandled rejection behind
    } catch (err) {
      end();
      throw err;
    } finally {
      pulling = undefined;
    }
    return it.next();
  };
  const it: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => it,
    next() {
      if (pulling) return pulling.then(() => it.next());
      if (done || (count >= limit && ahead !== undefined)) return Promise.resolve(end());
      if (signal?.aborted) {
        end();
        return Promise.reject(signal.reason);
      }
      if (i < items.length) {
        count++;
        const value = items[i]!;
        // The page is this iterator's own: an item handed out is let go, so it dies young.
        items[i++] = undefined as T;
        return Promise.resolve({ value, done });
      }
      pulling = pull();
      return pulling;
    },
    return: () => Promise.resolve(end()),
  };
  return it;
}

/** Collects `iterate` into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
