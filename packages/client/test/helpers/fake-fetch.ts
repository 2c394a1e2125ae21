export interface Call {
  url: string;
  init: RequestInit;
}

export type Handler = (url: string, init: RequestInit, n: number) => Response | Promise<Response>;

/** An injected fetch that records every call and answers with `handler`. */
export function fakeFetch(handler: Handler): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const f = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    return handler(url, init, calls.length);
  };
  return Object.assign(f as typeof fetch, { calls });
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that never answers until its signal aborts (a stalled server). */
export const hang = (init: RequestInit): Promise<Response> =>
  new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

/** A sleep that does not wait, recording each delay asked for. */
export function fakeSleep(): ((ms: number, signal?: AbortSignal) => Promise<void>) & { delays: number[] } {
  const delays: number[] = [];
  const s = async (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    signal?.throwIfAborted();
  };
  return Object.assign(s, { delays });
}
