import { operationsMeta, type OperationId, type OperationMeta, type PageMeta, type operations } from '@twilio-proxy/types';
import { ProxyApiError, ProxyPaginationError } from './errors.js';
import { requestOperation, type Answer, type ClientContext, type ParamsOf, type RequestOptions } from './request.js';
import { apiError, send } from './transport.js';
import { checkLimit, type OperationParams } from '../internal/check-params.js';
import { linkSignal } from '../internal/link-signal.js';

type Meta = typeof operationsMeta;
type Body<K extends OperationId> = operations[K]['responses'][200]['content']['application/json'];
type ItemsKey<K extends OperationId> = Extract<Meta[K]['list'], { itemsKey: string }>['itemsKey'];

/** Every operation of the spec that returns a Twilio list page (its `list` entry is set). */
export type ListOperationId = { [K in OperationId]: Meta[K]['list'] extends null ? never : K }[OperationId];
/** The item type of a list operation, read from its 200 body. */
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
}

/** A list page from an answer: items under the property `meta.key` names (the spec's itemsKey is the fallback). */
function toPage<T>(ctx: ClientContext, answer: Answer, key: string, seen: Map<string, number>, depth: number): Page<T> {
  const { data, status, requestId, attempts } = answer;
  const meta = (data as { meta?: PageMeta })?.meta;
  const items = (data as Record<string, T[]>)?.[meta?.key ?? key];
  if (!meta || !Array.isArray(items)) throw new ProxyApiError('Not a list page', { status, requestId, attempts });
  const next = meta.next_page_url;
  return new Page(items, meta, async (signal) => {
    if (!next) return null;
    let to: URL | undefined;
    try {
      to = new URL(next, ctx.origin);
    } catch {}
    // Checked before any I/O: credentials must never travel to a host the caller did not choose.
    if (to?.origin !== ctx.origin) {
      throw new ProxyPaginationError(`next_page_url leaves ${ctx.origin}: ${next}`, { reason: 'origin', url: next });
    }
    // `seen` maps each URL to its depth in the chain: asking the same page twice is fine, a cycle is not.
    const at = seen.get(next);
    if (next === meta.url || (at ?? depth + 1) !== depth + 1) {
      throw new ProxyPaginationError(`next_page_url loops: ${next}`, { reason: 'loop', url: next });
    }
    seen.set(next, depth + 1);
    // Next pages are requested exactly as the server named them, through the transport (not openapi-fetch).
    const reply = await send(ctx.cfg, to.href, { signal, json: true });
    if (reply.status > 299) throw apiError(reply.status, reply.text, { requestId: reply.requestId, attempts: reply.attempts }, ctx.cfg.redact);
    return toPage(ctx, reply, key, seen, depth + 1);
  });
}

/** The first page of any list operation, through openapi-fetch like every operation's request. */
export async function listPage<K extends ListOperationId>(
  ctx: ClientContext,
  operationId: K,
  params: ParamsOf<K>,
  options: RequestOptions = {},
): Promise<Page<ListItem<K>>> {
  const op: OperationMeta = operationsMeta[operationId];
  const answer = await requestOperation(ctx, op, params as OperationParams, options);
  return toPage(ctx, answer, op.list!.itemsKey, new Map([[answer.url, 0]]), 0);
}

/**
 * Every item of a list, lazily. While the caller works through page N, page N+1 is already on its way
 * (one page ahead, never more); it is aborted when the caller stops (`return()`, `break`) or its signal aborts.
 * A hand-written iterator rather than an async generator: items already in hand are served without the
 * generator machinery, which costs ~1 µs per item (10 % of a 100,000-item listing).
 */
export function iterate<T>(first: (signal: AbortSignal) => Promise<Page<T>>, options: IterateOptions = {}): AsyncIterableIterator<T> {
  const { limit = Infinity, signal } = options;
  const ctrl = new AbortController();
  let unlink: (() => void) | undefined;
  let page: Page<T> | undefined;
  let ahead: Promise<Page<T> | null> | null = null;
  let pulling: Promise<IteratorResult<T>> | undefined;
  let i = 0;
  let count = 0;
  let done = false;

  const finish = (): IteratorReturnResult<undefined> => {
    if (!done) {
      done = true;
      ctrl.abort();
      unlink?.();
    }
    return { value: undefined, done: true };
  };
  const start = (p: Page<T>) => {
    page = p;
    i = 0;
    // Ask for the next page now only if this one cannot satisfy `limit`.
    ahead = p.items.length < limit - count ? p.nextPage({ signal: ctrl.signal }) : null;
    ahead?.catch(() => {}); // stopping early must not leave an unhandled rejection behind
  };
  const pull = async (): Promise<IteratorResult<T>> => {
    try {
      if (!page) {
        unlink = linkSignal(signal, ctrl);
        start(await first(ctrl.signal));
      }
      while (i >= page!.items.length) {
        const next = await ahead;
        if (!next) return finish();
        start(next);
      }
    } catch (err) {
      finish();
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
      if (!page && !done) {
        try {
          checkLimit(options.limit);
        } catch (err) {
          finish();
          return Promise.reject(err);
        }
      }
      if (done || count >= limit) return Promise.resolve(finish());
      if (signal?.aborted) {
        finish();
        return Promise.reject(signal.reason);
      }
      if (page && i < page.items.length) {
        count++;
        return Promise.resolve({ value: page.items[i++]!, done: false });
      }
      return (pulling = pull());
    },
    return: () => Promise.resolve(finish()),
  };
  return it;
}

/** Collects `iterate` into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
