import { parseArgs } from 'node:util';
import { camelCase, type JsonObject, parseText, typeOf } from '@twilio-proxy/types/walker';
import { bodyValue } from './body-values.js';
import { type BodyFlag, COMMON_OPTIONS, type Command, type Flag } from './commands.js';
import { UsageError } from './exit-codes.js';
import { LOG_LEVELS, type LogLevel } from './log-level.js';
import type { OperationParams } from './operation-source.js';
import { FORMAT_ALIASES, OUTPUT_FORMATS, type OutputFormat, outputFormatOf } from './output-format.js';

/** How a command's flags are written: twilio-cli's names, plus the shorter ones a compatibility bin accepts. */
export interface Spelling {
  /** The flag as help and messages show it. */
  display(flag: Flag): string;
  /** Shorter spellings (`service` for `service-sid`) with their one-letter form. */
  readonly aliases: ReadonlyMap<Flag, { long: string; short: string | undefined }>;
  /** Under a compatibility bin, whose old command lines use `-l` for `--limit`. */
  readonly compat: boolean;
}

/** Letters the common options use. */
const TAKEN_SHORT = new Set(['f', 'o', 'p', 'l', 'h', 'V']);

/**
 * The flag names of a command. A compatibility bin (`proxy-<resource>`) also accepts `--<name>` for
 * each `--<name>-sid` flag, and `-<first letter>` when no other flag or option uses that letter.
 */
export function spellingFor(command: Command, compat: boolean): Spelling {
  const aliases = new Map<Flag, { long: string; short: string | undefined }>();
  if (compat) {
    const used = new Set([...command.flags.map((f) => f.name), ...COMMON_OPTIONS]);
    const candidates = command.flags.filter(
      (f) => f.name.endsWith('-sid') && f.name.length > '-sid'.length && !used.has(f.name.slice(0, -4)),
    );
    const letters = candidates.map((f) => f.name[0]!);
    for (const f of candidates) {
      const letter = f.name[0]!;
      const short = !TAKEN_SHORT.has(letter) && letters.filter((l) => l === letter).length === 1 ? letter : undefined;
      aliases.set(f, { long: f.name.slice(0, -4), short });
    }
  }
  return { aliases, compat, display: (f) => `--${aliases.get(f)?.long ?? f.name}` };
}

export interface CommandArgs {
  params: OperationParams;
  format: OutputFormat;
  /** False with `--no-header`: tables, CSV and TSV print rows only. */
  header: boolean;
  /** Property names as the API sends them (`unique_name`), whichever way they were typed. */
  properties: string[] | null;
  limit: number | undefined;
  /** The whole URL given to `--base-url`, path prefix included (no trailing slash). */
  baseUrl: string | undefined;
  logLevel: LogLevel;
  /** `--yes`: a remove goes ahead without asking. */
  yes: boolean;
}

/** `--limit`: an integer, by the same rule as any integer flag. */
function limitOf(raw: string, help: string): number {
  const parsed = parseText({ type: 'integer' }, raw);
  if (!parsed.ok) throw new UsageError(`--limit ${parsed.problem}, got '${raw}'`, help);
  return parsed.value as number;
}

/**
 * A flag's text as the type its parameter's schema gives (the walker's one rule, as for body flags): an array
 * from the flag repeated. Bounds, patterns and enums are the client's to check.
 */
function coerce(flag: Flag, shown: string, raw: string | string[], help: string): unknown {
  const schema = flag.parameter.schema;
  const isArray = typeOf(schema) === 'array';
  const element: JsonObject = isArray ? (schema.items ?? {}) : schema;
  const values = (isArray ? [raw].flat() : [Array.isArray(raw) ? raw.at(-1)! : raw]).map((text) => {
    const parsed = parseText(element, text);
    if (!parsed.ok) throw new UsageError(`${shown} ${parsed.problem}, got '${text}'`, help);
    return parsed.value;
  });
  return isArray ? values : values[0];
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/**
 * The options every command has, as twilio-cli spells them: `-o, --output` (with `-f, --format`, this
 * CLI's older name for the same choice), `-p, --properties`, `--no-header`, `-l, --log-level`. A
 * compatibility bin keeps `-l` for `--limit`, as its old command lines use it.
 */
function commonOptions(isList: boolean, compat: boolean, confirm: boolean): Record<string, OptionSpec> {
  return {
    ...(confirm ? { yes: { type: 'boolean' } } : {}),
    output: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    properties: { type: 'string', short: 'p' },
    'no-header': { type: 'boolean' },
    'log-level': { type: 'string', ...(compat ? {} : { short: 'l' }) },
    'base-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...(isList ? { limit: { type: 'string', ...(compat ? { short: 'l' } : {}) } } : {}),
  };
}

/** A flag given twice is a mistake (which one was meant?), except a repeated flag that builds a list. */
function rejectRepeats(
  tokens: readonly { kind: string; name?: string; rawName?: string }[],
  options: Record<string, OptionSpec>,
  help: string,
) {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name || options[t.name]?.multiple) continue;
    const before = seen.get(t.name);
    if (before !== undefined) {
      const shown = before === t.rawName ? `${t.rawName} is` : `${before} and ${t.rawName} are the same option,`;
      throw new UsageError(`${shown} given more than once`, help);
    }
    seen.set(t.name, t.rawName ?? `--${t.name}`);
  }
}

/** `--properties` names as the API sends them: `unique_name` as is, twilio-cli's `uniqueName` mapped to it. */
function propertyNames(command: Command, raw: string, help: string): string[] {
  const typed = [
    ...new Set(
      raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  const known = command.properties.map((p) => p.name);
  // With no item schema in the spec there is nothing to check names against: any name is taken as given.
  if (!known.length && typed.length) return typed;
  const resolve = (p: string) => (known.includes(p) ? p : known.find((k) => camelCase(k) === p));
  const unknown = typed.filter((p) => resolve(p) === undefined);
  if (unknown.length || !typed.length) {
    const schema = command.operation.schema ?? 'item';
    throw new UsageError(
      `${unknown.length ? `unknown ${schema} propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((u) => `'${u}'`).join(', ')}` : 'no property'} in --properties.\n` +
        `Valid properties: ${known.join(', ')} (or in camelCase, as twilio-cli writes them: ${known.map(camelCase).join(', ')})`,
      help,
    );
  }
  return [...new Set(typed.map((p) => resolve(p)!))];
}

/** The whole URL, path prefix included (`http://127.0.0.1:4010/prefix`): the client puts the spec's paths after it. */
function baseUrlOf(raw: string, help: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`--base-url must be an absolute http(s) URL, got '${raw}'`, help);
  }
  // Credentials belong in the environment, and a query or fragment has no place before the spec's paths.
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError('--base-url takes an origin and an optional path prefix, with no user, password, query or fragment', help);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Parses a command's arguments; 'help' when `--help` is among them. Nothing here sends anything. */
export function parseCommandArgs(command: Command, argv: string[], spelling: Spelling, help: string): CommandArgs | 'help' {
  const isList = command.operation.list !== null;
  const options = commonOptions(isList, spelling.compat, command.confirm);
  for (const b of command.bodyFlags) options[b.name] = { type: 'string', ...(b.repeated ? { multiple: true } : {}) };
  for (const f of command.flags) {
    options[f.name] = { type: 'string', ...(typeOf(f.parameter.schema) === 'array' ? { multiple: true } : {}) };
    const alias = spelling.aliases.get(f);
    if (alias) options[alias.long] = { ...options[f.name]!, ...(alias.short ? { short: alias.short } : {}) };
  }
  const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  const value = (name: string) => values[name] as string | string[] | boolean | undefined;
  if (value('help')) return 'help';
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`, help);
  rejectRepeats(tokens, options, help);

  const params: OperationParams = { path: {}, query: {}, ...(command.operation.body ? { body: {} } : {}) };
  const missing: (Flag | BodyFlag)[] = [];
  for (const f of command.flags) {
    const alias = spelling.aliases.get(f);
    const given = [value(f.name), alias ? value(alias.long) : undefined].filter((v) => v !== undefined) as (string | string[])[];
    if (given.length > 1) throw new UsageError(`give ${spelling.display(f)} or --${f.name}, not both`, help);
    if (!given.length) {
      if (f.required) missing.push(f);
      continue;
    }
    params[f.in][f.parameter.name] = coerce(f, spelling.display(f), given[0]!, help);
  }
  for (const b of command.bodyFlags) {
    const given = value(b.name) as string | string[] | undefined;
    if (given === undefined) {
      if (b.required) missing.push(b);
      continue;
    }
    params.body![b.field.name] = bodyValue(b, `--${b.name}`, given, help);
  }
  if (missing.length) {
    const list = missing.map((f) => `${'parameter' in f ? spelling.display(f) : `--${f.name}`} <${f.placeholder}>`);
    const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    throw new UsageError(`${joined} ${list.length === 1 ? 'is' : 'are'} required`, help);
  }

  const [output, format] = [value('output') as string | undefined, value('format') as string | undefined];
  if (output !== undefined && format !== undefined)
    throw new UsageError('give --output or --format, not both (they are the same option)', help);
  const rawFormat = output ?? format;
  const chosen = rawFormat === undefined ? 'table' : outputFormatOf(rawFormat);
  if (!chosen) {
    const aliases = Object.entries(FORMAT_ALIASES).map(([alias, name]) => `${alias} for ${name}`);
    throw new UsageError(
      `--${output !== undefined ? 'output' : 'format'} must be one of ${OUTPUT_FORMATS.join(', ')} (or ${aliases.join(', ')}), got '${rawFormat}'`,
      help,
    );
  }

  const rawLogLevel = value('log-level') as string | undefined;
  if (rawLogLevel !== undefined && !(LOG_LEVELS as readonly string[]).includes(rawLogLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got '${rawLogLevel}'`, help);
  }

  const rawProperties = value('properties') as string | undefined;
  const rawBaseUrl = value('base-url') as string | undefined;
  const rawLimit = value('limit') as string | undefined;
  return {
    params,
    format: chosen,
    header: !value('no-header'),
    properties: rawProperties === undefined ? null : propertyNames(command, rawProperties, help),
    limit: rawLimit === undefined ? undefined : limitOf(rawLimit, help),
    baseUrl: rawBaseUrl === undefined ? undefined : baseUrlOf(rawBaseUrl, help),
    logLevel: (rawLogLevel ?? 'info') as LogLevel,
    yes: value('yes') === true,
  };
}
