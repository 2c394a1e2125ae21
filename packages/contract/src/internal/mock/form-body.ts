import { type JsonObject, typeOf, type WalkedBodyField } from '@twilio-proxy/types/spec';
import { ajvIssues, compiled } from '../ajv.js';

/** A form body read per the spec's fields: the values by wire name, or the first problem, naming its field. */
export type FormResult = { ok: true; values: Map<string, unknown> } | { ok: false; field: string; message: string };

const nullable = (s: JsonObject): boolean => (Array.isArray(s.type) && s.type.includes('null')) || s.nullable === true;

const NOT_PARSED = Symbol('not parsed');

/** One form value as the schema's type: what twilio-node sends (`true`/`false`, decimal integers, ISO 8601, JSON objects). */
function coerce(schema: JsonObject, raw: string): unknown {
  if (raw === '' && nullable(schema)) return null;
  switch (typeOf(schema)) {
    case 'integer':
      return /^-?\d{1,15}$/.test(raw) ? Number(raw) : NOT_PARSED;
    case 'number':
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : NOT_PARSED;
    case 'boolean':
      return /^true$/i.test(raw) ? true : /^false$/i.test(raw) ? false : NOT_PARSED;
    case 'object':
      try {
        return JSON.parse(raw);
      } catch {
        return NOT_PARSED;
      }
    default:
      return raw;
  }
}

/**
 * Reads a form body against the operation's fields: an unknown field, a field given twice (arrays repeat their
 * key), a missing required field, or a value that does not fit its schema (type, enum, format, bounds) is a
 * problem naming the field. `partial` (updates) still requires what the spec requires.
 */
export function readForm(operationId: string, fields: readonly WalkedBodyField[], form: URLSearchParams): FormResult {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const given = new Map<string, string[]>();
  for (const [name, value] of form) {
    if (!byName.has(name)) return { ok: false, field: name, message: `${name} is not a parameter of this request` };
    given.set(name, [...(given.get(name) ?? []), value]);
  }
  for (const f of fields)
    if (f.required && !given.has(f.name))
      return { ok: false, field: f.name, message: `Missing required parameter ${f.name} in the post body` };
  const values = new Map<string, unknown>();
  for (const [name, raws] of given) {
    const f = byName.get(name)!;
    if (f.type !== 'array' && raws.length > 1) return { ok: false, field: name, message: `${name} is given more than once` };
    const value = f.type === 'array' ? raws.map((r) => coerce(f.items ?? {}, r)) : coerce(f.schema, raws[0]!);
    const bad = Array.isArray(value) ? value.includes(NOT_PARSED) : value === NOT_PARSED;
    const validate = compiled(`${operationId}|body|${name}`, f.schema);
    if (bad || !validate(value)) {
      const why = bad
        ? `must be ${typeOf(f.type === 'array' ? (f.items ?? {}) : f.schema)}`
        : (ajvIssues(validate.errors)[0]?.message ?? 'is invalid');
      return { ok: false, field: name, message: `Invalid ${name}: ${name} ${why}` };
    }
    values.set(name, value);
  }
  return { ok: true, values };
}
