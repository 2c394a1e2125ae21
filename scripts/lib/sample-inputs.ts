import {
  anySidShapeOf,
  camelCase,
  type JsonObject,
  sidOrNameOf,
  sidShapeOf,
  snakeCase,
  typeOf,
  type WalkedBodyField,
  type WalkedOperation,
  type WalkedParameter,
} from '../../packages/types/src/walker/index.js';

/** A value a sample sends: a string, number or boolean, an array of them (a repeated field) or an object (JSON). */
export type SampleValue = string | number | boolean | SampleValue[] | { [key: string]: SampleValue };

/** One parameter or body field a sample gives, with the value every sample of the operation gives it. */
export interface SampleInput {
  /** The name on the wire (`ServiceSid`, `PageSize`, `UniqueName`). */
  readonly name: string;
  readonly in: 'path' | 'query' | 'body';
  readonly value: SampleValue;
  /** The body field, for a body input (its CLI flag and client option). */
  readonly field?: WalkedBodyField;
}

/** What the three samples of an operation send: the same values, so they do the same thing. */
export interface SampleInputs {
  /** The path parameters, in path order. */
  readonly path: readonly SampleInput[];
  readonly query: readonly SampleInput[];
  readonly body: readonly SampleInput[];
}

/** The value a schema documents itself: `example`, then the first of `examples`, then `default`. */
function documented(schema: JsonObject): SampleValue | undefined {
  const first = Array.isArray(schema.examples) ? schema.examples.find((v: unknown) => v !== null) : undefined;
  const v = schema.example ?? first ?? schema.default;
  return v === null ? undefined : (v as SampleValue | undefined);
}

/**
 * An example value a schema accepts, as Twilio's docs write them: a SID is its prefix and `a`s (`KSaaaa…`, the
 * shape its pattern states), then what the schema documents, its first enum member, or a value of its type or format.
 * `name` makes a plain string read as what it is (`My unique name`). A parameter that takes a SID or a name in its
 * place shows the SID: the one shape every item has.
 */
export function exampleValue(schema: JsonObject, name: string): SampleValue {
  const sidOrName = sidOrNameOf(schema);
  if (sidOrName) return exampleValue(sidOrName.sid, name);
  const sid = sidShapeOf(schema);
  if (sid) return sid.prefix + 'a'.repeat(sid.hexDigits);
  const anySid = anySidShapeOf(schema);
  if (anySid) return 'CA'.slice(0, anySid.letters).padEnd(anySid.letters, 'A') + 'a'.repeat(anySid.hexDigits);
  const given = documented(schema);
  if (given !== undefined) return given;
  const members = Array.isArray(schema.enum) ? schema.enum.filter((m: unknown) => m !== null) : [];
  if (members.length) return members[0] as SampleValue;
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      // 20, within the schema's bounds: a count a reader recognises as one (a page size, a TTL).
      return Math.min(Math.max(20, schema.minimum ?? 20), schema.maximum ?? 20);
    case 'boolean':
      return true;
    case 'array':
      return [exampleValue(schema.items ?? {}, name)];
    case 'object':
      return {};
  }
  if (schema.format === 'date-time') return '2030-01-01T00:00:00Z';
  if (schema.format === 'date') return '2030-01-01';
  if (schema.format === 'uri') return 'https://example.com/callback';
  if (schema.format === 'phone-number' || /^\^\\\+/.test(schema.pattern ?? '')) return '+15005550006';
  const text = `My ${snakeCase(name).replace(/_/g, ' ')}`;
  return typeof schema.maxLength === 'number' ? text.slice(0, schema.maxLength) : text;
}

const input = (p: WalkedParameter): SampleInput => ({ name: p.name, in: p.in as 'path' | 'query', value: exampleValue(p.schema, p.name) });

/**
 * The inputs every sample of `op` gives: its path parameters; its required query parameters, and the page size
 * of a list (`pageSize`, so a list sample shows how to size its pages); its required body fields, or the first
 * field when none is required, so a write's sample always sends a form.
 */
export function sampleInputs(op: WalkedOperation, pageSizeParameter: string): SampleInputs {
  const byPath = (name: string) => op.parameters.find((p) => p.in === 'path' && p.name === name);
  const path = op.pathParams.map((name) => {
    const p = byPath(name);
    return p ? input(p) : { name, in: 'path' as const, value: `my-${camelCase(name)}` };
  });
  const query = op.parameters.filter((p) => p.in === 'query' && (p.required || (op.list && p.name === pageSizeParameter))).map(input);
  const fields = op.body?.fields ?? [];
  const chosen = fields.some((f) => f.required) ? fields.filter((f) => f.required) : fields.slice(0, 1);
  const body = chosen.map((field) => ({ name: field.name, in: 'body' as const, value: exampleValue(field.schema, field.name), field }));
  return { path, query, body };
}

/** A value as form text, as the client sends it: an object as JSON, anything else as its string. */
export const formText = (value: SampleValue): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Each element of a repeated field, or the one value: how a form or the CLI's repeated flags carry it. */
export const elementsOf = (value: SampleValue): SampleValue[] => (Array.isArray(value) ? value : [value]);
