import { type JsonObject, typeOf } from '@twilio-proxy/types/spec';
import type { BodyFlag } from './commands.js';
import { UsageError } from './exit-codes.js';

// An ISO 8601 date or date-time, as twilio-cli and twilio-node send them (`2026-12-01`, `2026-12-01T10:00:00Z`).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** One value typed as `schema` says, or the reason it is not one (the caller names the flag). */
function typed(schema: JsonObject, raw: string): { value: unknown } | { problem: string } {
  const members = Array.isArray(schema.enum) ? schema.enum.filter((m: unknown) => m !== null) : null;
  if (members?.length) {
    const hit = members.find((m: unknown) => String(m) === raw);
    return hit === undefined ? { problem: `must be one of ${members.join(', ')}` } : { value: hit };
  }
  switch (typeOf(schema)) {
    case 'integer':
      return /^[+-]?\d+$/.test(raw.trim()) ? { value: Number(raw) } : { problem: 'must be an integer' };
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? { value: n } : { problem: 'must be a number' };
    }
    case 'boolean':
      return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { problem: 'must be true or false' };
    case 'object': {
      try {
        const value: unknown = JSON.parse(raw);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value };
      } catch {}
      return { problem: 'must be a JSON object' };
    }
    default:
      if (schema.format === 'date-time' && !(ISO_8601.test(raw) && !Number.isNaN(Date.parse(raw)))) {
        return { problem: 'must be an ISO 8601 date-time (2026-12-01T10:00:00Z)' };
      }
      return { value: raw };
  }
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
    if ('problem' in result) throw new UsageError(`${shown} ${result.problem}, got '${r}'`, help);
    return result.value;
  });
  return flag.repeated ? values : values[0];
}
