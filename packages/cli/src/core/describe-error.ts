import { ExitCode, UsageError } from './exit-codes.js';
import { BIN } from './help.js';
import { redact } from '../internal/redact.js';

export interface ErrorReport {
  exitCode: ExitCode;
  /** Lines for stderr, secrets removed. */
  text: string;
}

// The client's errors are recognised by name and shape rather than `instanceof`, so a CLI bundled
// with one copy of @twilio-proxy/client still understands errors from another copy.
interface ApiErrorLike {
  name: 'ProxyApiError';
  message: string;
  status?: number;
  code?: number | null;
  moreInfo?: string | null;
  requestId?: string | null;
  attempts?: number;
}

function isNamed(err: unknown, name: string): err is Error {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === name;
}

const HINTS: Record<number, string> = {
  401: 'Check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).',
  403: 'These credentials may not read this Service.',
  404: 'Check --service: the Service must exist in the account the credentials belong to.',
  429: 'Twilio is rate limiting this account; the request was retried. Wait a moment and run again.',
};

/** Turns any error of a listing into text a person can act on, and its exit code. */
export function describeError(err: unknown, secrets: readonly string[]): ErrorReport {
  const out = (exitCode: ExitCode, lines: (string | false | null | undefined)[]): ErrorReport => ({
    exitCode,
    text: redact(lines.filter(Boolean).join('\n') + '\n', secrets),
  });

  if (err instanceof UsageError) {
    const help = err.command ? `${BIN} ${err.command} --help` : `${BIN} --help`;
    return out(ExitCode.usage, [`${BIN}: ${err.message}`, `Run '${help}' for usage.`]);
  }
  if (isNamed(err, 'ProxyValidationError')) {
    return out(ExitCode.usage, [`${BIN}: invalid input, nothing was sent: ${err.message}`, `Run '${BIN} list --help' for usage.`]);
  }
  if (isNamed(err, 'ProxyApiError')) {
    const e = err as unknown as ApiErrorLike;
    const code = e.code != null ? `, Twilio error ${e.code}` : '';
    return out(ExitCode.apiError, [
      `${BIN}: the API answered HTTP ${e.status ?? '?'}${code}: ${e.message}`,
      e.moreInfo && `  More info:  ${e.moreInfo}`,
      e.requestId && `  Request id: ${e.requestId}`,
      e.status !== undefined && HINTS[e.status] && `  ${HINTS[e.status]}`,
    ]);
  }
  if (isNamed(err, 'ProxyTimeoutError')) {
    return out(ExitCode.apiError, [`${BIN}: the API did not answer in time: ${err.message}`]);
  }
  if (isNamed(err, 'ProxyNetworkError')) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error && !err.message.includes(cause.message) ? ` (${cause.message})` : '';
    return out(ExitCode.apiError, [`${BIN}: could not reach the API: ${err.message}${detail}`]);
  }
  if (isNamed(err, 'AbortError')) return out(ExitCode.interrupted, [`${BIN}: interrupted`]);
  const message = err instanceof Error ? err.message : String(err);
  return out(ExitCode.apiError, [`${BIN}: unexpected error: ${message}`]);
}
