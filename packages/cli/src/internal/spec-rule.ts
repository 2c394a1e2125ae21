import { type JsonObject, statedType } from '@twilio-proxy/types/walker';

/** The whole rule of a parameter's schema in words (`an integer, from 1 to 1000`), or null when it has none. */
export function specRule(s: JsonObject | undefined): string | null {
  if (!s) return null;
  // A SID or a name in its place: each branch's rule, either of which a value may meet.
  if (Array.isArray(s.anyOf)) {
    const rules = s.anyOf.map((branch: JsonObject) => specRule(branch)).filter((r: string | null): r is string => r !== null);
    return rules.length ? rules.join('; or ') : null;
  }
  const parts: string[] = [];
  const type = statedType(s);
  if (type === 'integer') parts.push('an integer');
  if (type === 'number') parts.push('a number');
  if (type === 'boolean') parts.push('true or false');
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`from ${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined && s.minLength === s.maxLength) parts.push(`exactly ${s.minLength} characters`);
  else {
    if (s.minLength !== undefined) parts.push(`at least ${s.minLength} characters`);
    if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  }
  if (s.pattern !== undefined) parts.push(`matching ${s.pattern}`);
  if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.join(', ')}`);
  return parts.length ? parts.join(', ') : null;
}
