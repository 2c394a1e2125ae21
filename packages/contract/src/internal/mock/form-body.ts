import { parseTexts, type WalkedBodyField } from '@twilio-proxy/types/walker';
import { ajvIssues, compiled } from '../ajv.js';

/** A form body read per the spec's fields: the values by wire name, or the first problem, naming its field. */
export type FormResult = { ok: true; values: Map<string, unknown> } | { ok: false; field: string; message: string };

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
    const parsed = parseTexts(f.schema, raws);
    if (!parsed.ok && parsed.problem === 'is given more than once') return { ok: false, field: name, message: `${name} ${parsed.problem}` };
    const value = parsed.ok ? parsed.value : undefined;
    const validate = compiled(`${operationId}|body|${name}`, f.schema);
    if (!parsed.ok || !validate(value)) {
      const why = parsed.ok ? (ajvIssues(validate.errors)[0]?.message ?? 'is invalid') : parsed.problem;
      return { ok: false, field: name, message: `Invalid ${name}: ${name} ${why}` };
    }
    values.set(name, value);
  }
  return { ok: true, values };
}
