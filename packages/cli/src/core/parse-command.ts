import { parseArgs } from 'node:util';
import type { JsonObject } from '@twilio-proxy/types/spec';
import type { Command, Flag } from './commands.js';
import { UsageError } from './exit-codes.js';
import { OUTPUT_FORMATS, type OutputFormat } from './output-format.js';
import type { OperationParams } from './source.js';

/** How a command's flags are written: twilio-cli's names, plus the shorter ones a compatibility bin accepts. */
export interface Spelling {
  /** The flag as help and messages show it. */
  display(flag: Flag): string;
  /** Shorter spellings (`service` for `service-sid`) with their one-letter form. */
  readonly aliases: ReadonlyMap<Flag, { long: string; short: string | undefined }>;
}

/** Letters the common options use. */
const TAKEN_SHORT = new Set(['f', 'p', 'l', 'h', 'V']);

/**
 * The flag names of a command. A compatibility bin (`proxy-<resource>`) also accepts `--<name>` for
 * each `--<name>-sid` flag, and `-<first letter>` when no other flag or option uses that letter.
 */
export function spellingFor(command: Command, compat: boolean): Spelling {
  const aliases = new Map<Flag, { long: string; short: string | undefined }>();
  if (compat) {
    const used = new Set([...command.flags.map((f) => f.name), 'format', 'properties', 'limit', 'base-url', 'help']);
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
  return { aliases, display: (f) => `--${aliases.get(f)?.long ?? f.name}` };
}

export interface CommandArgs {
  params: OperationParams;
  format: OutputFormat;
  properties: string[] | null;
  limit: number | undefined;
  baseUrl: string | undefined;
}

const typeOf = (schema: JsonObject): string | undefined =>
  (Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type) as string | undefined;

/** Integers only; their range is the client's to check, from the spec (e.g. PageSize 1..1000). */
function integer(flag: string, raw: string, help: string): number {
  if (!/^[+-]?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer, got '${raw}'`, help);
  return Number(raw);
}

/** A flag's text as the type its parameter's schema gives; bounds, patterns and enums are the client's to check. */
function coerce(flag: Flag, shown: string, raw: string | string[], help: string): unknown {
  const schema = flag.parameter.schema;
  const type = typeOf(schema);
  if (type === 'array') {
    const itemType = typeOf(schema.items ?? {});
    const parts = [raw]
      .flat()
      .flatMap((r) => r.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    return itemType === 'integer' ? parts.map((p) => integer(shown, p, help)) : parts;
  }
  const one = Array.isArray(raw) ? raw.at(-1)! : raw;
  if (type === 'integer') return integer(shown, one, help);
  if (type === 'number') {
    const n = Number(one);
    if (one.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${shown} must be a number, got '${one}'`, help);
    return n;
  }
  if (type === 'boolean') {
    if (one !== 'true' && one !== 'false') throw new UsageError(`${shown} must be true or false, got '${one}'`, help);
    return one === 'true';
  }
  return one;
}

/** Parses a command's arguments; 'help' when `--help` is among them. Nothing here sends anything. */
export function parseCommandArgs(command: Command, argv: string[], spelling: Spelling, help: string): CommandArgs | 'help' {
  const isList = command.operation.list !== null;
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    format: { type: 'string', short: 'f' },
    properties: { type: 'string', short: 'p' },
    'base-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...(isList ? { limit: { type: 'string', short: 'l' } } : {}),
  };
  for (const f of command.flags) {
    options[f.name] = { type: 'string', ...(typeOf(f.parameter.schema) === 'array' ? { multiple: true } : {}) };
    const alias = spelling.aliases.get(f);
    if (alias) options[alias.long] = { ...options[f.name]!, ...(alias.short ? { short: alias.short } : {}) };
  }
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const value = (name: string) => values[name] as string | string[] | boolean | undefined;
  if (value('help')) return 'help';
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`, help);

  const params: OperationParams = { path: {}, query: {} };
  const missing: Flag[] = [];
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
  if (missing.length) {
    const list = missing.map((f) => `${spelling.display(f)} <${f.placeholder}>`);
    const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    throw new UsageError(`${joined} ${list.length === 1 ? 'is' : 'are'} required`, help);
  }

  const rawFormat = value('format') as string | undefined;
  const format = (rawFormat ?? 'table') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${rawFormat}'`, help);
  }

  let properties: string[] | null = null;
  const rawProperties = value('properties') as string | undefined;
  if (rawProperties !== undefined) {
    properties = [
      ...new Set(
        rawProperties
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    const known = command.properties.map((p) => p.name);
    // With no item schema in the spec there is nothing to check names against: any name is taken as given.
    const unknown = known.length ? properties.filter((p) => !known.includes(p)) : [];
    if (unknown.length || !properties.length) {
      const schema = command.operation.schema ?? 'item';
      throw new UsageError(
        `${unknown.length ? `unknown ${schema} propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((u) => `'${u}'`).join(', ')}` : 'no property'} in --properties.\n` +
          `Valid properties: ${known.join(', ')}`,
        help,
      );
    }
  }

  let baseUrl = value('base-url') as string | undefined;
  if (baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {}
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      throw new UsageError(`--base-url must be an absolute http(s) URL, got '${baseUrl}'`, help);
    }
    baseUrl = url.origin;
  }

  const rawLimit = value('limit') as string | undefined;
  return { params, format, properties, limit: rawLimit === undefined ? undefined : integer('--limit', rawLimit, help), baseUrl };
}
