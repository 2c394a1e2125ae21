import { type JsonObject, statedType, type WalkedOperation } from '@twilio-proxy/types/walker';

/** What the CLI needs to know about one property of an item, read from the spec. */
export interface PropertyInfo {
  readonly name: string;
  /** Widest value the spec allows (enum members, `maxLength`, RFC 3339 date-time), or null when unbounded. */
  readonly maxWidth: number | null;
  readonly kind: 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'enum' | 'other';
  readonly description?: string;
}

// An RFC 3339 UTC timestamp without fraction, the form Twilio sends: 2015-07-30T20:00:00Z.
const DATE_TIME_WIDTH = '0000-00-00T00:00:00Z'.length;
// Widest decimal rendering of a 64-bit signed integer.
const INTEGER_WIDTH = String(-(2n ** 63n)).length;

export function describeProperty(name: string, schema: JsonObject): PropertyInfo {
  const description = typeof schema.description === 'string' ? { description: schema.description } : {};
  if (Array.isArray(schema.enum)) {
    const widest = Math.max(...schema.enum.map((v: unknown) => String(v).length));
    return { name, kind: 'enum', maxWidth: widest, ...description };
  }
  const type = statedType(schema);
  let info: Omit<PropertyInfo, 'name'>;
  if (type === 'string' && schema.format === 'date-time') info = { kind: 'date-time', maxWidth: DATE_TIME_WIDTH };
  else if (type === 'string') info = { kind: 'string', maxWidth: typeof schema.maxLength === 'number' ? schema.maxLength : null };
  else if (type === 'integer') info = { kind: 'integer', maxWidth: INTEGER_WIDTH };
  else if (type === 'number') info = { kind: 'number', maxWidth: null };
  else if (type === 'boolean') info = { kind: 'boolean', maxWidth: 'false'.length };
  else info = { kind: 'other', maxWidth: null };
  return { name, ...info, ...description };
}

/** The schema of what one operation returns per row: the walker's item (a list's item, else the success body). */
export function itemSchemaOf(_document: unknown, op: WalkedOperation): JsonObject | undefined {
  return op.item ?? undefined;
}

/** Every property of the item, in the spec's order (none when the schema lists none). */
export function itemProperties(schema: JsonObject | undefined): PropertyInfo[] {
  const props = (schema?.properties ?? {}) as Record<string, JsonObject>;
  return Object.entries(props).map(([name, s]) => describeProperty(name, s));
}
