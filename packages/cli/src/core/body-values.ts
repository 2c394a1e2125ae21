import { type JsonObject, type ParsedText, parseText } from '@twilio-proxy/types/walker';
import type { BodyFlag } from './commands.js';
import { UsageError } from './exit-codes.js';

/** One value typed as `schema` says (the walker's one rule), or the reason it is not one (the caller names the flag). */
function typed(schema: JsonObject, raw: string): ParsedText {
  const members = Array.isArray(schema.enum) ? schema.enum.filter((m: unknown) => m !== null) : null;
  if (members?.length) {
    const hit = members.find((m: unknown) => String(m) === raw);
    return hit === undefined ? { ok: false, problem: `must be one of ${members.join(', ')}` } : { ok: true, value: hit };
  }
  return parseText(schema, raw);
}

/**
 * A body flag's text as the value its field's schema types: an array from the flag repeated, each element
 * typed as the items are. A bad value is a usage error naming the flag, raised before anything is sent;
 * the client checks the spec's finer rules (lengths, patterns, ranges) after this, still before sending.
 */
export function bodyValue(flag: BodyFlag, shown: string, raw: string | string[], help: string): unknown {
  const element = flag.repeated ? (flag.field.items ?? {}) : flag.field.schema;
  const values = [raw].flat().map((r) => {
    const result = typed(element, r);
    if (!result.ok) throw new UsageError(`${shown} ${result.problem}, got '${r}'`, help);
    return result.value;
  });
  return flag.repeated ? values : values[0];
}
