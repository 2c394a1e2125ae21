import type { HeadersLike } from '../core/validators.js';

/** What a matcher needs of any response-ish value. */
export interface NormalizedResponse {
  status: number;
  body: unknown;
  headers?: HeadersLike;
}

interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  bodyUsed?: boolean;
  clone(): { text(): Promise<string> };
}

const isObject = (x: unknown): x is Record<string, unknown> => x != null && typeof x === 'object';

const isResponseLike = (x: unknown): x is ResponseLike =>
  isObject(x) &&
  typeof x.status === 'number' &&
  typeof x.clone === 'function' &&
  typeof (x.headers as { get?: unknown } | null | undefined)?.get === 'function';

/**
 * Accepts a fetch `Response` (read through a clone, so the caller can still read it), an openapi-fetch
 * result `{ data, error, response }`, or a plain `{ status, body, headers? }`.
 */
export async function normalizeResponse(received: unknown): Promise<NormalizedResponse> {
  const x = received;
  if (isResponseLike(x)) {
    if (x.bodyUsed) throw new TypeError('The Response body was already read; pass the openapi-fetch result or { status, body } instead.');
    const text = await x.clone().text();
    let body: unknown = text;
    if (text === '') body = undefined;
    else {
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: validate the text itself, which then fails the schema with a clear message.
      }
    }
    return { status: x.status, body, headers: x.headers };
  }
  if (isObject(x) && isResponseLike(x.response)) {
    const body = x.data !== undefined ? x.data : x.error;
    return { status: x.response.status, body, headers: x.response.headers };
  }
  if (isObject(x) && typeof x.status === 'number') {
    return { status: x.status, body: x.body, headers: x.headers as HeadersLike | undefined };
  }
  throw new TypeError(
    'toSatisfyContract expects a fetch Response, an openapi-fetch result { data, error, response }, or { status, body, headers? }.',
  );
}
