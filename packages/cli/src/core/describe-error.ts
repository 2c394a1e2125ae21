import { redact } from '@twilio-proxy/client';
import { specRule } from '../internal/spec-rule.js';
import type { Command } from './commands.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { Spelling } from './parse-command.js';

export interface ErrorReport {
  exitCode: ExitCode;
  /** Lines for stderr, secrets removed. */
  text: string;
}

/** Where the error happened: the program's name, and the command when one was chosen. */
export interface ErrorScope {
  bin: string;
  /** The command, how it was invoked (`<resource> <action>`, or `<action>` under a compatibility bin) and its flag names. */
  command?: { command: Command; invoked: string; spelling: Spelling };
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
function flagOf(scope: ErrorScope, parameter: string | undefined): string | null {
  if (parameter === 'limit') return '--limit';
  const c = scope.command;
  const flag = c?.command.flags.find((f) => f.parameter.name === parameter);
  if (flag && c) return c.spelling.display(flag);
  // A body field, named on the wire (`UniqueName`) or as the client's option (`uniqueName`).
  const field = c?.command.bodyFlags.find((b) => b.field.name === parameter || b.field.option === parameter);
  return field ? `--${field.name}` : null;
}

function hint(status: number | undefined, scope: ErrorScope): string | null {
  if (status === 401) return 'Check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET).';
  if (status === 403) return 'These credentials may not read this resource.';
  if (status === 429) return 'Twilio is rate limiting this account; the request was retried. Wait a moment and run again.';
  if (status === 404) {
    const c = scope.command;
    const flags = c?.command.flags.filter((f) => f.in === 'path').map((f) => c.spelling.display(f)) ?? [];
    if (!flags.length) return null;
    const list = flags.length === 1 ? flags[0] : `${flags.slice(0, -1).join(', ')} and ${flags.at(-1)}`;
    return `Check ${list}: ${flags.length === 1 ? 'it' : 'each'} must name a resource that exists in the account the credentials belong to.`;
  }
  return null;
}

/** Turns any error of a command into text a person can act on, and its exit code. */
export function describeError(err: unknown, secrets: readonly string[], scope: ErrorScope): ErrorReport {
  const { bin } = scope;
  const out = (exitCode: ExitCode, lines: (string | false | null | undefined)[]): ErrorReport => ({
    exitCode,
    text: redact(`${lines.filter(Boolean).join('\n')}\n`, secrets),
  });
  const helpOf = (command: string | null | undefined) => (command ? `${bin} ${command} --help` : `${bin} --help`);

  if (err instanceof UsageError) {
    return out(ExitCode.usage, [`${bin}: ${err.message}`, `Run '${helpOf(err.command ?? scope.command?.invoked)}' for usage.`]);
  }
  if (isNamed(err, 'ProxyValidationError')) {
    const parameter = (err as Error & { parameter?: string }).parameter;
    const flag = flagOf(scope, parameter);
    const command = scope.command?.command;
    const rule = specRule(
      command?.operation.parameters.find((p) => p.name === parameter)?.schema ??
        command?.bodyFlags.find((b) => b.field.name === parameter || b.field.option === parameter)?.field.schema,
    );
    return out(ExitCode.usage, [
      `${bin}: ${flag ? `${flag}: ` : ''}${err.message} (nothing was sent)`,
      rule && `  The spec's rule for ${parameter}: ${rule}.`,
      `Run '${helpOf(scope.command?.invoked)}' for usage.`,
    ]);
  }
  if (isNamed(err, 'ProxyApiError')) {
    const e = err as unknown as ApiErrorLike;
    const code = e.code != null ? `, Twilio error ${e.code}` : '';
    const tip = hint(e.status, scope);
    return out(ExitCode.apiError, [
      `${bin}: the API answered HTTP ${e.status ?? '?'}${code}: ${e.message}`,
      e.moreInfo && `  More info:  ${e.moreInfo}`,
      e.requestId && `  Request id: ${e.requestId}`,
      tip && `  ${tip}`,
    ]);
  }
  if (isNamed(err, 'ProxyTimeoutError')) {
    return out(ExitCode.apiError, [`${bin}: the API did not answer in time: ${err.message}`]);
  }
  if (isNamed(err, 'ProxyNetworkError')) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error && !err.message.includes(cause.message) ? ` (${cause.message})` : '';
    return out(ExitCode.apiError, [`${bin}: could not reach the API: ${err.message}${detail}`]);
  }
  if (isNamed(err, 'ProxyPaginationError')) {
    return out(ExitCode.apiError, [`${bin}: stopped paging, the API's next page link was unsafe to follow: ${err.message}`]);
  }
  if (isNamed(err, 'AbortError')) return out(ExitCode.interrupted, [`${bin}: interrupted`]);
  const message = err instanceof Error ? err.message : String(err);
  return out(ExitCode.apiError, [`${bin}: unexpected error: ${message}`]);
}
