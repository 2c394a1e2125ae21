import {
  type JsonObject,
  kebabCase,
  sidShapeOf,
  snakeCase,
  statedType,
  type WalkedBodyField,
  type WalkedOperation,
  type WalkedParameter,
  walkOperations,
} from '@twilio-proxy/types/walker';
import { itemProperties, itemSchemaOf, type PropertyInfo } from '../internal/item-schema.js';

/** One command-line flag that carries a path or query parameter of the operation. */
export interface Flag {
  /** The flag without its dashes: the kebab-case of the parameter name, as twilio-cli writes it (`service-sid`). */
  readonly name: string;
  readonly parameter: WalkedParameter;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  /** What help shows after the flag: `KS…` for a SID (`KS…|unique_name` when a name may stand for it), `n` for an integer, the members of an enum. */
  readonly placeholder: string;
  /** A value for examples in help: a SID-shaped `KSxxxx…`, else null. */
  readonly example: string | null;
}

/** One command-line flag that carries a field of the operation's request body (`--unique-name`). */
export interface BodyFlag {
  /** The flag without its dashes: the walker's kebab-case of the field (`unique-name`), `api-` prefixed on a clash. */
  readonly name: string;
  readonly field: WalkedBodyField;
  readonly required: boolean;
  /** An array field: the flag is given once per element (`--media-url a --media-url b`). */
  readonly repeated: boolean;
  /** What help shows after the flag: the members of an enum, `n`, `true|false`, `date-time`, `value`. */
  readonly placeholder: string;
}

/** `twilio-proxy <resource> <action>`: one operation of the spec. */
export interface Command {
  /** Kebab-case resource (`order-items`). */
  readonly resource: string;
  /** Kebab-case action (`list`, `fetch`, or the operation's own name). */
  readonly action: string;
  readonly operation: WalkedOperation;
  /** Path parameters in path order, then query parameters. */
  readonly flags: readonly Flag[];
  /** The request body's fields, in the spec's order (empty when the operation takes no body). */
  readonly bodyFlags: readonly BodyFlag[];
  /** A DELETE: asks for confirmation on a terminal, and needs `--yes` anywhere else. */
  readonly confirm: boolean;
  /** Properties of the item the operation returns, in the spec's order (empty when the spec names none). */
  readonly properties: readonly PropertyInfo[];
  /** Table columns when `--properties` is not given. */
  readonly defaultProperties: readonly string[];
  /** What the progress line counts: the item's schema name (one) and the resource's (many). */
  readonly noun: { readonly one: string; readonly many: string };
}

/** Options every command has; a spec parameter whose flag would clash with one is prefixed with `api-`. */
export const COMMON_OPTIONS = ['output', 'format', 'properties', 'no-header', 'log-level', 'limit', 'base-url', 'yes', 'help'] as const;

/**
 * Query parameters of Twilio's paging protocol. A list command follows `next_page_url` itself (and stops
 * at `--limit`), so these are not offered as flags; `PageSize` is, as the page size is the caller's choice.
 */
const PAGING_PARAMETERS = new Set(['Page', 'PageToken']);
/** The paging parameter that stays a flag (`--page-size`): how many items each request asks for. */
export const PAGE_SIZE_PARAMETER = 'PageSize';

/** Table columns when neither `--properties` nor the spec's `defaultOutputProperties` says otherwise. */
const FALLBACK_COLUMNS = 4;

function placeholderOf(schema: JsonObject): string {
  const sid = sidShapeOf(schema);
  if (sid) return `${sid.prefix}…`;
  if (Array.isArray(schema.enum)) return schema.enum.filter((v: unknown) => v !== null).join('|');
  const type = statedType(schema);
  if (type === 'integer' || type === 'number') return 'n';
  if (type === 'boolean') return 'true|false';
  if (type === 'array') return placeholderOf(schema.items ?? {});
  return 'value';
}

/** `KS…`, or `KS…|unique_name` where Twilio takes a name in place of the SID (the walker's `orName`). */
function parameterPlaceholder(p: WalkedParameter): string {
  return p.orName ? `${placeholderOf(p.orName.sid)}|${p.orName.property}` : placeholderOf(p.schema);
}

function flagOf(p: WalkedParameter): Flag {
  const kebab = kebabCase(p.name);
  const sid = sidShapeOf(p.orName?.sid ?? p.schema);
  return {
    name: (COMMON_OPTIONS as readonly string[]).includes(kebab) ? `api-${kebab}` : kebab,
    parameter: p,
    in: p.in as 'path' | 'query',
    required: p.required,
    placeholder: parameterPlaceholder(p),
    example: sid ? sid.prefix + 'x'.repeat(sid.hexDigits) : null,
  };
}

/** A body field's flag; one that would clash with a common option or a parameter's flag gets `api-` in front. */
function bodyFlagOf(field: WalkedBodyField, taken: ReadonlySet<string>): BodyFlag {
  const format = typeof field.schema.format === 'string' && field.type === 'string' ? field.schema.format : null;
  const element = field.type === 'array' ? (field.items ?? {}) : field.schema;
  return {
    name: taken.has(field.flag) ? `api-${field.flag}` : field.flag,
    field,
    required: field.required,
    repeated: field.type === 'array',
    placeholder: format === 'date-time' ? 'date-time' : field.type === 'object' ? 'json' : placeholderOf(element),
  };
}

const words = (s: string) => snakeCase(s).replace(/_/g, ' ');

function toCommand(document: JsonObject, op: WalkedOperation): Command {
  const flags = op.parameters
    .filter((p) => p.in === 'path' || (p.in === 'query' && !(op.list && PAGING_PARAMETERS.has(p.name))))
    // Path parameters first, in path order, as the client's positional arguments are.
    .sort((a, b) => (a.in === 'path' ? op.pathParams.indexOf(a.name) : 1e6) - (b.in === 'path' ? op.pathParams.indexOf(b.name) : 1e6))
    .map(flagOf);
  const taken = new Set<string>([...COMMON_OPTIONS, ...flags.map((f) => f.name)]);
  const bodyFlags = (op.body?.fields ?? []).map((field) => bodyFlagOf(field, taken));
  const properties = itemProperties(itemSchemaOf(document, op));
  const names = new Set(properties.map((p) => p.name));
  const fromSpec: unknown = (op.extensions['x-twilio'] as JsonObject | undefined)?.defaultOutputProperties;
  const listed = Array.isArray(fromSpec) ? fromSpec.filter((n): n is string => typeof n === 'string' && names.has(n)) : [];
  return {
    resource: kebabCase(op.resource),
    action: kebabCase(op.action),
    operation: op,
    flags,
    bodyFlags,
    confirm: op.method === 'DELETE',
    properties,
    defaultProperties: listed.length ? listed : properties.slice(0, FALLBACK_COLUMNS).map((p) => p.name),
    noun: { one: op.schema ? words(op.schema) : 'item', many: words(op.resource) },
  };
}

/**
 * Every operation of the spec as a command, reads and writes: a list streams, a fetch, create or update
 * prints the record it answers, a remove asks first. Body fields become flags from the walker's fields.
 */
export function buildCommands(document: unknown): Command[] {
  return walkOperations(document).map((op) => toCommand(document as JsonObject, op));
}

/** The resources in the order the spec first mentions them, each with its commands. */
export function groupByResource(commands: readonly Command[]): Map<string, Command[]> {
  const groups = new Map<string, Command[]>();
  for (const c of commands) groups.set(c.resource, [...(groups.get(c.resource) ?? []), c]);
  return groups;
}
