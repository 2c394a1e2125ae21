import type { BodyFieldMeta, ParameterRule } from '@twilio-proxy/types';

/** A value as a form field, the way twilio-node sends it: dates in ISO 8601 (to the second), objects as JSON. */
function formValue(value: unknown, rule: ParameterRule | undefined): string {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return rule?.format === 'date' ? iso.slice(0, 10) : iso.replace(/\.\d+Z$/, 'Z');
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * An `application/x-www-form-urlencoded` body (openapi-fetch's `bodySerializer`): an array repeats its key,
 * booleans are `true`/`false`, a `Date` is ISO 8601; an `undefined` field is left out.
 */
export function formBody(body: Record<string, unknown>, fields: readonly BodyFieldMeta[]): string {
  const form = new URLSearchParams();
  for (const name in body) {
    const value = body[name];
    const rule = fields.find((f) => f.name === name)?.schema;
    if (Array.isArray(value)) for (const v of value) form.append(name, formValue(v, rule?.items));
    else if (value !== undefined) form.append(name, formValue(value, rule));
  }
  return form.toString();
}
