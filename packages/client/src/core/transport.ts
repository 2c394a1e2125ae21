import { backoff } from '../internal/backoff.js';
import { linkSignal } from '../internal/link-signal.js';
import { readBody } from '../internal/read-body.js';
import { redactHeaders } from '../internal/redact.js';
import { retryAfterMs } from '../internal/retry-after.js';
import { TIMEOUT } from '../internal/watchdog.js';
import { ProxyApiError, type ProxyError, ProxyNetworkError, ProxyTimeoutError } from './errors.js';

/** Anything with optional `debug`/`warn` methods (console, pino, winston…). Headers it gets are redacted. */
export interface Logger {
  debug?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
}

export interface RetryOptions {
  /** First backoff ceiling; doubles each retry (full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 8 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is returned at once. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface TransportConfig {
  fetch: typeof fetch;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Starts the per-attempt deadline of a controller; the returned function ends it (see internal/watchdog). */
  watch: (ctrl: AbortController) => () => void;
  maxRetries: number;
  /** A body (of any status) past this many bytes aborts the request: a ProxyApiError, not retried. */
  maxResponseBytes: number;
  retry: Required<RetryOptions>;
  logger?: Logger;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  redact: (text: string) => string;
}

/** A complete response: its body is fully read inside the attempt, so a cut body is retried like a reset. */
export interface Reply {
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON when `json` was asked and the status is 2xx. */
  data?: unknown;
  attempts: number;
  requestId?: string;
}

export interface SendInit {
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  /** Parse a 2xx body as JSON inside the attempt, so a body that is not JSON is retried like a cut one. */
  json?: boolean;
}

const RETRY_STATUS = [429, 500, 502, 503, 504];
/** Idempotent methods (RFC 9110 §9.2.2): sending one twice has the effect of sending it once. */
const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'];
/** Failures of a connection that never carried the request: nothing reached the server. */
const UNSENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

type Cause = { code?: unknown; cause?: Cause; errors?: Cause[] } | undefined;
/** Whether a fetch failed before the request was sent (its error, or one of its causes, says so). */
const unsent = (err: Cause, depth = 0): boolean =>
  !!err &&
  depth < 5 &&
  (UNSENT.includes(err.code as string) ||
    (!!err.errors?.length && err.errors.every((e) => unsent(e, depth + 1))) ||
    unsent(err.cause, depth + 1));

/**
 * One logical request: auth, per-attempt timeout, retries with backoff and `Retry-After`, a bounded body,
 * the caller's signal honoured at every await. Idempotent methods are retried after any retryable failure;
 * any other (a POST: a create) only when it provably was not processed, so it is never done twice: its
 * connection was refused (or its host not found) before sending, or the answer was a 429.
 */
export async function send(cfg: TransportConfig, url: string, init: SendInit = {}): Promise<Reply> {
  const { method = 'GET', headers = cfg.headers, body, json } = init;
  const signal = init.signal ?? undefined;
  const idempotent = IDEMPOTENT.includes(method);
  for (let attempts = 1; ; attempts++) {
    signal?.throwIfAborted();
    cfg.logger?.debug?.('request', { method, url, attempts, headers: redactHeaders(headers) });
    const ctrl = new AbortController();
    const unlink = linkSignal(signal, ctrl);
    const unwatch = cfg.watch(ctrl);
    let reply: Reply | undefined;
    let failure: ProxyError | undefined;
    let again = idempotent;
    try {
      // Redirects are not followed: credentials go to baseUrl's origin only.
      const res = await cfg.fetch(url, { method, headers, body, signal: ctrl.signal, redirect: 'manual' });
      const { status } = res;
      const requestId = res.headers.get('twilio-request-id') ?? undefined;
      const text = await readBody(res, cfg.maxResponseBytes);
      if (text === undefined) {
        ctrl.abort();
        // Not retried: the same request would bring the same body.
        failure = new ProxyApiError(`Response over maxResponseBytes (${cfg.maxResponseBytes})`, {
          status,
          reason: 'response-too-large',
          requestId,
          attempts,
        });
        throw failure;
      }
      reply = { url, status, headers: res.headers, text, attempts, requestId };
      if (json && res.ok && text) reply.data = JSON.parse(text);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (err === failure) throw err;
      // A 2xx whose body is not JSON (a proxy's HTML page, a body cut short) is worth another try.
      failure = reply
        ? new ProxyApiError(`Invalid JSON in a ${reply.status} response`, { status: reply.status, attempts, requestId: reply.requestId })
        : ctrl.signal.reason === TIMEOUT
          ? new ProxyTimeoutError(`Timed out after ${cfg.timeoutMs} ms`, { timeoutMs: cfg.timeoutMs, attempts })
          : networkError(err, attempts, cfg.redact);
      again ||= unsent(err as Cause);
    } finally {
      unwatch();
      unlink();
    }
    if (!failure && !RETRY_STATUS.includes(reply!.status)) return reply!;
    const after = failure ? undefined : retryAfterMs(reply!.headers.get('retry-after'));
    again ||= reply?.status === 429;
    // Past the cap, waiting is pointless and retrying sooner would ignore the server: give up now.
    if (!again || attempts > cfg.maxRetries || after! > cfg.retry.maxRetryAfterMs) {
      if (failure) throw failure;
      return reply!;
    }
    const delay = after ?? backoff(attempts - 1, cfg.retry.baseDelayMs, cfg.retry.maxDelayMs, cfg.random);
    cfg.logger?.warn?.('retry', { method, url, attempts, status: reply?.status, error: failure?.message, delay });
    await cfg.sleep(delay, signal);
  }
}

/**
 * A ProxyApiError from any non-2xx answer, whatever its body (Twilio error, HTML, empty, cut): `body` is
 * the text, or what openapi-fetch already parsed of it.
 */
export function apiError(
  status: number,
  body: unknown,
  fields: { requestId?: string; attempts?: number },
  redact: (t: string) => string,
): ProxyApiError {
  try {
    if (typeof body === 'string') body = JSON.parse(body);
  } catch {}
  const e = body as { code?: unknown; message?: unknown; more_info?: unknown; details?: unknown } | undefined;
  const twilio = typeof e?.message === 'string';
  const pick = (v: unknown, type: string) => (twilio && typeof v === type ? v : undefined);
  return new ProxyApiError(twilio ? redact(e!.message as string) : `HTTP ${status}, not a Twilio error body`, {
    status,
    code: pick(e?.code, 'number'),
    moreInfo: pick(e?.more_info, 'string'),
    details: pick(e?.details, 'object') && JSON.parse(redact(JSON.stringify(e!.details))),
    ...fields,
  });
}

/**
 * The Response the transport hands to openapi-fetch: a fetched response whose body was already read (and,
 * for a JSON request, parsed) inside the attempt, so that a cut or bad body could be retried. Its `text()`
 * and `json()` give that body again as often as asked, without decoding or parsing it twice; `url` and
 * `attempts` say where it came from. Its body stream, `clone()` and the other readers are made from the text
 * only when asked for: turning every page's text back into bytes would cost a copy per page.
 */
export class ReadResponse extends Response {
  readonly #reply: Reply;
  readonly attempts: number;

  constructor(reply: Reply) {
    super(null, reply);
    this.#reply = reply;
    this.attempts = reply.attempts;
  }

  /** An ordinary Response over the same text. */
  #copy(): Response {
    return new Response(this.#reply.text || null, this.#reply);
  }

  override get url(): string {
    return this.#reply.url;
  }

  override get body(): Response['body'] {
    return this.#copy().body;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#reply.text);
  }

  /** The body as JSON (`undefined` when empty); parsed once. */
  override async json(): Promise<unknown> {
    const { data, text } = this.#reply;
    return data !== undefined || !text ? data : JSON.parse(text);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#copy().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#copy().blob();
  }

  override clone(): Response {
    return new ReadResponse(this.#reply);
  }
}

/**
 * The `fetch` openapi-fetch is given: the Request it built (after any middleware) goes through {@link send},
 * with auth added, and comes back as a {@link ReadResponse} for openapi-fetch and its middleware.
 */
export const transportFetch =
  (cfg: TransportConfig, json?: boolean) =>
  async (request: Request, signal: AbortSignal | null = request.signal): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => {
      headers[k] = v;
    });
    const body = request.body && (await request.arrayBuffer());
    const reply = await send(cfg, request.url, {
      method: request.method,
      headers: { ...headers, ...cfg.headers },
      body,
      signal,
      json,
    });
    return new ReadResponse(reply);
  };

/**
 * The message keeps what went wrong (and its cause's message, e.g. ECONNRESET), with secrets scrubbed. The
 * original error is not attached as `cause`: a custom fetch may have put its request (headers) in it.
 */
function networkError(err: unknown, attempts: number, redact: (t: string) => string): ProxyNetworkError {
  const e = err as Error;
  return new ProxyNetworkError(redact(`Network error: ${e?.message}${e?.cause ? ` (${(e.cause as Error).message})` : ''}`), { attempts });
}
