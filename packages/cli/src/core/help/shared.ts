import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { defaultBaseUrlOf } from '@twilio-proxy/types/walker';
import { wrap } from '../../internal/wrap.js';
import type { Command } from '../commands.js';
import type { Spelling } from '../parse-command.js';

/** The program's own name; a compatibility bin (`proxy-<resource>`) stands for `twilio-proxy <resource>`. */
export const BIN = 'twilio-proxy';

// Read when help is printed, not on import: the spec loads on first use.
export const defaultOrigin = (): string => defaultBaseUrlOf(openapiDocument);

export const EXIT_CODES = `Exit codes:
  0    success (including an empty list)
  1    the API answered with an error (401, 404, 429 after retries, 5xx) or could not be reached
  2    usage error: bad option or value, a SID that breaks the spec's pattern, missing credentials,
       a remove not confirmed; nothing was sent
  130  interrupted (Ctrl-C)`;

export const CREDENTIALS = `Credentials (environment, never flags, never printed):
  TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN       Account SID and Auth Token, or
  TWILIO_API_KEY + TWILIO_API_SECRET           an API Key SID and its secret (with TWILIO_ACCOUNT_SID);
                                               the API key is used when both are complete`;

/** `label` padded to a column, then `text` wrapped beside it. */
export const row = (label: string, text: string, column: number) =>
  // A label too long for its column (an enum's members) gets a line of its own, the text below it.
  label.length > column - 3
    ? `  ${label}\n${' '.repeat(column)}${wrap(text, column)}`.trimEnd()
    : `  ${label.padEnd(column - 3)} ${wrap(text, column)}`.trimEnd();

/** The required flags of a command with example values: what an example invocation needs. */
export function requiredArgs(command: Command, spelling: Spelling): string {
  return [
    ...command.flags.filter((f) => f.required).map((f) => `${spelling.display(f)} ${f.example ?? `<${f.placeholder}>`}`),
    ...command.bodyFlags.filter((b) => b.required).map((b) => `--${b.name} <${b.placeholder}>`),
  ].join(' ');
}

/** How a command is invoked: `twilio-proxy <resource> <action>`, or `proxy-<resource> <action>` under a compatibility bin. */
export const invocation = (bin: string, command: Command, compat: boolean) =>
  compat ? `${bin} ${command.action}` : `${bin} ${command.resource} ${command.action}`;

export function examples(bin: string, commands: readonly Command[], spelling: (c: Command) => Spelling, compat: boolean): string {
  const first = commands.find((c) => c.operation.list) ?? commands[0];
  if (!first) return '';
  const call = `${invocation(bin, first, compat)} ${requiredArgs(first, spelling(first))}`.trimEnd();
  const lines = [call, `${call} --format ndjson`, `${compat ? `${bin} help` : `${bin} help ${first.resource}`} ${first.action}`];
  return `Examples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** `twilio-proxy --help`: every command of the spec with its summary. */
