import type { components } from '@twilio-proxy/types';
import { camelCase, fillPath, isNullable, type JsonObject, snakeCase, statedType } from '@twilio-proxy/types/spec';
import { FILLER, friendlyName, iso, NAME_PROPERTIES, PROPERTY_RULES, type RuleContext, SCHEMA_RULES } from '../domain-rules.js';
import { createRng, type Rng } from '../internal/prng.js';
import {
  type Collection,
  childSegments,
  collectionOfSchema,
  componentSchema,
  isSidPattern,
  parseAnySidPattern,
  parseSidPattern,
  pathParamSchema,
  specServerUrl,
} from '../internal/spec.js';

/** Names of the spec's component schemas. */
export type SchemaName = keyof components['schemas'] & string;
/** The item type of a component schema (a plain record for a name the types do not know). */
export type SchemaItem<N extends string> = N extends SchemaName ? components['schemas'][N] : Record<string, unknown>;

export interface FactoryOptions {
  /** Same seed, same items. Default 1. */
  seed?: number;
  /** Parent path parameter values by parameter name (e.g. the list path's `{…Sid}` names); missing ones are drawn. */
  parents?: Readonly<Record<string, string | undefined>>;
  /** The account every item belongs to; drawn when not given. */
  accountSid?: string;
  /** When the first item is created; later ones follow in time. Default 2020-01-01T00:00:00Z. */
  start?: Date;
  /** The server items' `url` and `links` sit on (a mock's own URL). Default: the spec's server. */
  baseUrl?: string;
}

export interface Factory<T> {
  /** The component schema the items follow. */
  readonly schema: string;
  /** Every parent value the items carry, by path parameter name (given or drawn from the seed). */
  readonly parents: Readonly<Record<string, string>>;
  readonly accountSid: string;
  /** The next item; every call gives a new one with a unique SID. */
  next(): T;
  /** The next `n` items. */
  take(n: number): T[];
}

type Gen = (ctx: ItemContext) => unknown;

interface ItemContext extends RuleContext {
  readonly sid: string;
  readonly url: string;
  /** The item's links (`uri-map`): one per collection the spec nests right under the item. */
  readonly links: () => Record<string, string>;
}

const ACCOUNT_PROPERTY = 'account_sid';
const DEFAULT_ACCOUNT_PATTERN = '^AC[0-9a-fA-F]{32}$';

/** A SID from a Twilio SID pattern. */
export function sidFromPattern(pattern: string, rng: Rng): string {
  let parsed = sidPatterns.get(pattern);
  if (!parsed) {
    parsed = parseSidPattern(pattern);
    sidPatterns.set(pattern, parsed);
  }
  return parsed.prefix + rng.hex(parsed.hexLength);
}
const sidPatterns = new Map<string, { prefix: string; hexLength: number }>();

/** The account SID pattern: the schema's own `account_sid`, else any component schema's, else Twilio's. */
function accountPattern(schema: JsonObject): string {
  const own = schema.properties?.[ACCOUNT_PROPERTY]?.pattern;
  if (isSidPattern(own)) return own;
  return DEFAULT_ACCOUNT_PATTERN;
}

/** Text of exactly `length` code points, starting with `head` (cut at a code point, never inside one). */
function textOfLength(head: string, length: number): string {
  const chars = [...head].slice(0, length);
  while (chars.length < length) chars.push(FILLER[chars.length % FILLER.length]!);
  return chars.join('');
}

/** Generators per property, built once per schema from the spec. */
function plan(schema: JsonObject, path: string, depth: number, identity: ReadonlySet<string>, nameLike: boolean): Gen {
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.length) return plan(variants[0], path, depth, identity, nameLike);
  if (Array.isArray(schema.allOf)) return plan(Object.assign({}, ...schema.allOf), path, depth, identity, nameLike);
  const nullable = isNullable(schema);
  const type = statedType(schema) ?? (schema.properties ? 'object' : schema.enum ? typeof schema.enum[0] : 'string');
  const base = generatorOf(schema, type, path, depth, identity, nameLike);
  if (!nullable || identity.has(path)) return base;
  const nullRate = nameLike ? 0.15 : 0.1;
  return (ctx) => (ctx.rng() < nullRate ? null : base(ctx));
}

function generatorOf(schema: JsonObject, type: string, path: string, depth: number, identity: ReadonlySet<string>, nameLike: boolean): Gen {
  if ('const' in schema) return () => schema.const;
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v: unknown) => v !== null);
    // Cycle through the values first so every one shows up even in tiny lists, then draw at random.
    return (ctx) => (ctx.index < values.length ? values[ctx.index] : ctx.rng.pick(values));
  }
  switch (type) {
    case 'string':
      return stringOf(schema, nameLike);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 1000);
      return (ctx) => ctx.rng.int(Math.ceil(min), Math.floor(max));
    }
    case 'boolean':
      return (ctx) => ctx.rng() < 0.5;
    case 'array': {
      const item = depth < 3 && schema.items ? plan(schema.items, `${path}/items`, depth + 1, identity, false) : () => null;
      const min = schema.minItems ?? 0;
      const max = Math.max(min, Math.min(schema.maxItems ?? 2, 2));
      return schema.items ? (ctx) => Array.from({ length: ctx.rng.int(min, max) }, () => item(ctx)) : () => [];
    }
    case 'object': {
      if (schema.format === 'uri-map') return (ctx) => ctx.links();
      if (depth >= 3 || !schema.properties) return () => ({});
      const props = Object.entries<JsonObject>(schema.properties).map(
        ([k, v]) => [k, plan(v, `${path}/${k}`, depth + 1, identity, false)] as const,
      );
      return (ctx) => Object.fromEntries(props.map(([k, g]) => [k, g(ctx)]));
    }
    default:
      return () => null;
  }
}

function stringOf(schema: JsonObject, nameLike: boolean): Gen {
  if (isSidPattern(schema.pattern)) return (ctx) => sidFromPattern(schema.pattern, ctx.rng);
  const anySid = parseAnySidPattern(schema.pattern);
  if (anySid) {
    // Upper-case letters, as Twilio's prefixes are; the schema allows any.
    const letters = (ctx: ItemContext) =>
      Array.from({ length: anySid.letters }, () => String.fromCharCode(65 + ctx.rng.int(0, 25))).join('');
    return (ctx) => letters(ctx) + ctx.rng.hex(anySid.hexLength);
  }
  if (typeof schema.pattern === 'string') {
    // Only SID patterns are generated; any other pattern takes the spec's own example.
    const example = schema.example ?? schema.examples?.[0];
    if (typeof example === 'string') return () => example;
  }
  switch (schema.format) {
    case 'date-time':
      return (ctx) => iso(ctx.time + ctx.rng.int(0, 3600) * 1000);
    case 'date':
      return (ctx) => iso(ctx.time).slice(0, 10);
    case 'uri':
    case 'url':
      return (ctx) => ctx.url;
    case 'email':
      return (ctx) => `user${ctx.index}@example.com`;
    case 'uuid':
      return (ctx) => `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-4${ctx.rng.hex(3)}-a${ctx.rng.hex(3)}-${ctx.rng.hex(12)}`;
  }
  const max: number | undefined = schema.maxLength;
  const min: number = schema.minLength ?? 0;
  return (ctx) => {
    // Some values sit exactly at the limit, counted in code points as JSON Schema's maxLength is.
    if (max !== undefined && nameLike && ctx.rng() < 0.06) return textOfLength(`${ctx.index}:`, max);
    const text = friendlyName(ctx);
    const points = [...text];
    if (max !== undefined && points.length > max) return textOfLength(`${ctx.index}`, max);
    return points.length < min ? textOfLength(text, min) : text;
  };
}

const schemaPlans = new Map<string, { collection: Collection | undefined; props: Array<readonly [string, Gen]>; value: Gen | null }>();

function schemaPlan(name: string) {
  let p = schemaPlans.get(name);
  if (p) return p;
  const schema = componentSchema(name);
  const collection = collectionOfSchema(name);
  const parentProps = new Set((collection?.parentParams ?? []).map((param) => snakeCase(param)));
  const idProperty = collection?.idProperty ?? 'sid';
  const identity = new Set([idProperty, ACCOUNT_PROPERTY, 'url', ...parentProps].map((k) => `/${k}`));
  // Properties the factory sets itself afterwards (SID, account, parents) or a domain rule sets are not drawn.
  const later = new Set([...identity].map((k) => k.slice(1)).filter((k) => k !== 'url'));
  for (const k of SCHEMA_RULES[name]?.sets ?? []) later.add(k);
  const props = Object.entries<JsonObject>(schema.properties ?? {}).map(([k, v]) => {
    if (later.has(k)) return [k, () => null] as const;
    const rule = PROPERTY_RULES[k];
    const gen = plan(v, `/${k}`, 1, identity, NAME_PROPERTIES.has(k));
    return [k, rule && !NAME_PROPERTIES.has(k) ? (rule as Gen) : gen] as const;
  });
  // A schema that is no object (an enum, a string) gets values of its own, not items.
  const value = schema.properties ? null : plan(schema, '', 0, identity, false);
  p = { collection, props, value };
  schemaPlans.set(name, p);
  return p;
}

/**
 * Deterministic, spec-valid items of any component schema: patterns (SID prefixes), formats, enums, nullability
 * and `maxLength` (in code points) come from the spec; each `sid` is unique; a property naming a parent path
 * parameter (`snake_case` of it) holds the parent's value; `url` is the item's fetch path on the spec's server
 * (the list path + `/` + SID when the spec has no fetch). Per-schema domain rules live in `domain-rules.ts`.
 */
export function createFactory<N extends SchemaName | (string & {})>(schemaName: N, options: FactoryOptions = {}): Factory<SchemaItem<N>> {
  const { collection, props, value } = schemaPlan(schemaName);
  const rng = createRng(options.seed ?? 1);
  const schema = componentSchema(schemaName);
  const parentParams = collection?.parentParams ?? [];
  // Drawn even when given, so a seed yields the same items whichever parents the caller fixes.
  const parents: Record<string, string> = {};
  for (const param of parentParams) {
    const own = schema.properties?.[snakeCase(param)]?.pattern;
    const pattern = isSidPattern(own) ? own : pathParamSchema(param)?.pattern;
    parents[param] = isSidPattern(pattern) ? sidFromPattern(pattern, rng) : `${camelCase(param)}-${rng.hex(8)}`;
  }
  const drawnAccount = sidFromPattern(accountPattern(schema), rng);
  for (const [k, v] of Object.entries(options.parents ?? {})) if (v !== undefined) parents[k] = v;
  const accountSid = options.accountSid ?? drawnAccount;
  const parentValues = Object.entries(parents).map(([k, v]) => [snakeCase(k), v] as const);
  const idProperty = collection?.idProperty ?? 'sid';
  const idSchema = schema.properties?.[idProperty];
  const base = (options.baseUrl ?? specServerUrl()).replace(/\/$/, '');
  const template = collection ? (collection.itemPath ?? `${collection.path}/{Sid}`) : undefined;
  const children = template ? childSegments(template) : [];
  // The URL is the same text around the SID for every item of a factory: fill the parents once.
  const [urlHead, urlTail] = template
    ? (
        base + fillPath(template, (_name, i) => (i < parentParams.length ? encodeURIComponent(parents[parentParams[i]!] ?? '') : '\u0000'))
      ).split('\u0000')
    : [`${base}/`, undefined];
  const urlOf = (sid: string): string => (urlTail === undefined ? urlHead! : urlHead + encodeURIComponent(sid) + urlTail);
  const seen = new Set<string>();
  const rule = SCHEMA_RULES[schemaName];
  let clock = (options.start ?? new Date('2020-01-01T00:00:00Z')).getTime();
  let index = 0;

  function newSid(): string {
    if (!isSidPattern(idSchema?.pattern)) return `${index}`;
    let sid = sidFromPattern(idSchema.pattern, rng);
    while (seen.has(sid)) sid = sidFromPattern(idSchema.pattern, rng);
    seen.add(sid);
    return sid;
  }

  function next(): SchemaItem<N> {
    const sid = newSid();
    clock += rng.int(1, 600) * 1000;
    const url = urlOf(sid);
    const links = () => Object.fromEntries(children.map((s) => [snakeCase(s), `${url}/${s}`]));
    const ctx: ItemContext = { index: index++, rng, time: clock, sid, url, links };
    if (value) return value(ctx) as SchemaItem<N>;
    const item: JsonObject = {};
    for (const [k, gen] of props) item[k] = gen(ctx);
    if (idProperty in item) item[idProperty] = sid;
    if (ACCOUNT_PROPERTY in item) item[ACCOUNT_PROPERTY] = accountSid;
    for (const [k, v] of parentValues) if (k in item) item[k] = v;
    rule?.apply(item, ctx);
    return item as SchemaItem<N>;
  }

  return { schema: schemaName, parents, accountSid, next, take: (n) => Array.from({ length: n }, next) };
}

/**
 * A factory whose parents are given as camelCase options (`{ parentSid }` for `{ParentSid}`) and read back as
 * camelCase properties: what the generated `create<Schema>Factory` functions return.
 */
export function namedFactory<F extends Factory<unknown>>(
  schemaName: string,
  parentParams: readonly string[],
  options: FactoryOptions = {},
): F {
  const named = options as FactoryOptions & Record<string, unknown>;
  const given: Record<string, string | undefined> = { ...options.parents };
  for (const param of parentParams) {
    const value = named[camelCase(param)];
    if (typeof value === 'string') given[param] = value;
  }
  const f = createFactory(schemaName, { ...options, parents: given });
  const out: Record<string, unknown> = { ...f };
  for (const param of parentParams) out[camelCase(param)] = f.parents[param];
  return out as unknown as F;
}

/** An account SID drawn from a seed, for a spec whose collections have no schema to draw one from. */
export const drawAccountSid = (seed: number): string => sidFromPattern(DEFAULT_ACCOUNT_PATTERN, createRng(seed));

/** A random-looking value for a path parameter, from its SID pattern in the spec (seeded by the clock by default). */
export function randomPathValue(param: string, seed: number = Date.now()): string {
  const pattern = pathParamSchema(param)?.pattern;
  const rng = createRng(seed);
  return isSidPattern(pattern) ? sidFromPattern(pattern, rng) : `${camelCase(param)}-${rng.hex(8)}`;
}
