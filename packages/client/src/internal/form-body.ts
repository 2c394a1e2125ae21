import type { BodyFieldMeta } from '@twilio-proxy/types';
import { encodeTexts } from '@twilio-proxy/types/walker';

/**
 * An `application/x-www-form-urlencoded` body (openapi-fetch's `bodySerializer`), encoded by the walker's one
 * rule: an array repeats its key, booleans are `true`/`false`, a `Date` is ISO 8601 (to the second, a day for
 * `format: date`), objects are JSON; an `undefined` field is left out.
 */
export function formBody(body: Record<string, unknown>, fields: readonly BodyFieldMeta[]): string {
  const form = new URLSearchParams();
  for (const name in body) {
    const schema = fields.find((f) => f.name === name)?.schema;
    for (const text of encodeTexts(body[name], schema)) form.append(name, text);
  }
  return form.toString();
}
