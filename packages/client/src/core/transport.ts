import { ProxyApiError, ProxyError, ProxyNetworkError, ProxyTimeoutError } from './errors.js';
import { backoff } from '../internal/backoff.js';
import { linkSignal } from '../internal/link-signal.js';
import { redactHeaders } from '../internal/redact.js';
import { retryAfterMs } from '../internal/retry-after.js';

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
  maxRetries: number;
  retry: Required<RetryOptions>;
  logger?: Logger;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  redact: (text: string) => string;
}

/** A complete response: its body is fully read inside the attempt, so a cut body is retried like a reset. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON when `json` was asked and the status is 2xx. */
  data?: unknown;
  attempts: number;
  requestId?: string;
}

const RETRY_STATUS = [429, 500, 502, 503, 504];
const TIMEOUT = Symbol('timeout');

/**
 * One logical request: auth, per-attempt timeout, retries with backoff and `Retry-After`,
 * the caller's signal honoured at every await. Only GET and HEAD (idempotent) are retried.
 */
export async function send(
  cfg: TransportConfig,
  url: string,
  init: { method?: string; headers?: Record<string, string>; signal?: AbortSignal | null; json?: boolean } = {},
): Promise<Reply> {
  const { method = 'GET', headers = cfg.headers, json } = init;
  const signal = init.signal ?? undefined;
  const retries = method === 'GET' || method === 'HEAD' ? cfg.maxRetries : 0;
  // With `json`, a reply that is not 2xx is thrown as a ProxyApiError.
  const done = (reply: Reply): Reply => {
    if (json && reply.status > 299) throw apiError(reply, cfg.redact);
    return reply;
  };
  for (let attempts = 1; ; attempts++) {
    signal?.throwIfAborted();
    cfg.logger?.debug?.('request', { method, url, attempts, headers: redactHeaders(headers) });
    const ctrl = new AbortController();
    const unlink = linkSignal(signal, ctrl);
    const timer = setTimeout(() => ctrl.abort(TIMEOUT), cfg.timeoutMs);
    let reply: Reply | undefined;
    let failure: ProxyError | undefined;
    try {
      // Redirects are not followed: credentials go to baseUrl's origin only.
      const res = await cfg.fetch(url, { method, headers, signal: ctrl.signal, redirect: 'manual' });
      const requestId = res.headers.get('twilio-request-id') ?? undefined;
      reply = { status: res.status, headers: res.headers, text: await res.text(), attempts, requestId };
      if (json && res.ok) reply.data = JSON.parse(reply.text);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      // A 2xx whose body is not JSON (a proxy's HTML page, a body cut short) is worth another try.
      failure = reply
        ? new ProxyApiError(`Invalid JSON in a ${reply.status} response`, { status: reply.status, attempts, requestId: reply.requestId })
        : ctrl.signal.reason === TIMEOUT
          ? new ProxyTimeoutError(`Timed out after ${cfg.timeoutMs} ms`, { timeoutMs: cfg.timeoutMs, attempts })
          : networkError(err, attempts, cfg.redact);
    } finally {
      clearTimeout(timer);
      unlink();
    }
    if (!failure && !RETRY_STATUS.includes(reply!.status)) return done(reply!);
    const after = failure ? undefined : retryAfterMs(reply!.headers.get('retry-after'));
    // Past the cap, waiting is pointless and retrying sooner would ignore the server: give up now.
    if (attempts > retries || after! > cfg.retry.maxRetryAfterMs) {
      if (failure) throw failure;
      return done(reply!);
    }
    const delay = after ?? backoff(attempts - 1, cfg.retry.baseDelayMs, cfg.retry.maxDelayMs, cfg.random);
    cfg.logger?.warn?.('retry', { method, url, attempts, status: reply?.status, error: failure?.message, delay });
    await cfg.sleep(delay, signal);
  }
}

/** A ProxyApiError from any non-2xx reply, whatever its body (Twilio error, HTML, empty, cut). */
export function apiError(reply: Reply, redact: (t: string) => string): ProxyApiError {
  let body: { code?: unknown; message?: unknown; more_info?: unknown; details?: unknown } | undefined;
  try {
    body = JSON.parse(reply.text);
  } catch {}
  const twilio = typeof body?.message === 'string';
  const pick = (v: unknown, type: string) => (twilio && typeof v === type ? v : undefined);
  return new ProxyApiError(twilio ? redact(body!.message as string) : `HTTP ${reply.status}, not a Twilio error body`, {
    status: reply.status,
    code: pick(body?.code, 'number'),
    moreInfo: pick(body?.more_info, 'string'),
    details: pick(body?.details, 'object') && JSON.parse(redact(JSON.stringify(body!.details))),
    requestId: reply.requestId,
    attempts: reply.attempts,
  });
}

/**
 * The message keeps what went wrong (and its cause's message, e.g. ECONNRESET), with secrets scrubbed. The
 * original error is not attached as `cause`: a custom fetch may have put its request (headers) in it.
 */
function networkError(err: unknown, attempts: number, redact: (t: string) => string): ProxyNetworkError {
  const e = err as Error;
  return new ProxyNetworkError(redact(`Network error: ${e?.message}${e?.cause ? ` (${(e.cause as Error).message})` : ''}`), { attempts });
}
