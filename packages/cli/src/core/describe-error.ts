import { redact } from '@twilio-proxy/client';
import { operationsMeta, type ParameterRule } from '@twilio-proxy/types';
import { ExitCode, UsageError } from './exit-codes.js';
import { BIN } from './help.js';

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

/** The client names parameters as the spec does; a person typed the CLI flag. */
const FLAGS: Record<string, string> = { ServiceSid: '--service', PageSize: '--page-size', limit: '--limit' };

/** The whole rule of a List Sessions parameter, in words, read from the spec's metadata. */
function specRule(parameter: string | undefined): string | null {
  const s: ParameterRule | undefined = operationsMeta.ListSession.parameters.find((p) => p.name === parameter)?.schema;
  if (!s) return null;
  const parts: string[] = [];
  if (s.type === 'integer') parts.push('an integer');
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`from ${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined && s.minLength === s.maxLength) parts.push(`exactly ${s.minLength} characters`);
  if (s.pattern !== undefined) parts.push(`matching ${s.pattern}`);
  return parts.length ? parts.join(', ') : null;
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
    const parameter = (err as Error & { parameter?: string }).parameter;
    const flag = parameter && FLAGS[parameter] ? `${FLAGS[parameter]}: ` : '';
    const rule = specRule(parameter);
    return out(ExitCode.usage, [
      `${BIN}: ${flag}${err.message} (nothing was sent)`,
      rule && `  The spec's rule for ${parameter}: ${rule}.`,
      `Run '${BIN} list --help' for usage.`,
    ]);
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
  if (isNamed(err, 'ProxyPaginationError')) {
    return out(ExitCode.apiError, [`${BIN}: stopped paging, the API's next page link was unsafe to follow: ${err.message}`]);
  }
  if (isNamed(err, 'AbortError')) return out(ExitCode.interrupted, [`${BIN}: interrupted`]);
  const message = err instanceof Error ? err.message : String(err);
  return out(ExitCode.apiError, [`${BIN}: unexpected error: ${message}`]);
}
