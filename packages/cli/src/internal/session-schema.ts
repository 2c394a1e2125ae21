import { operationsMeta } from '@twilio-proxy/types';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';

/** What the CLI needs to know about one Session property, read from the spec. */
export interface PropertyInfo {
  readonly name: string;
  /** Widest value the spec allows (enum members, `maxLength`, RFC 3339 date-time), or null when unbounded. */
  readonly maxWidth: number | null;
  readonly kind: 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'enum' | 'other';
}

type Schema = Record<string, any>;

// An RFC 3339 UTC timestamp without fraction, the form Twilio sends: 2015-07-30T20:00:00Z.
const DATE_TIME_WIDTH = '0000-00-00T00:00:00Z'.length;
// Widest decimal rendering of a 64-bit signed integer.
const INTEGER_WIDTH = String(-(2n ** 63n)).length;

function typesOf(schema: Schema): string[] {
  const t = schema.type;
  return (Array.isArray(t) ? t : t === undefined ? [] : [t]).filter((x) => x !== 'null');
}

function describe(name: string, schema: Schema): PropertyInfo {
  if (Array.isArray(schema.enum)) {
    const widest = Math.max(...schema.enum.map((v: unknown) => String(v).length));
    return { name, kind: 'enum', maxWidth: widest };
  }
  const [type] = typesOf(schema);
  if (type === 'string' && schema.format === 'date-time') return { name, kind: 'date-time', maxWidth: DATE_TIME_WIDTH };
  if (type === 'string') return { name, kind: 'string', maxWidth: typeof schema.maxLength === 'number' ? schema.maxLength : null };
  if (type === 'integer') return { name, kind: 'integer', maxWidth: INTEGER_WIDTH };
  if (type === 'number') return { name, kind: 'number', maxWidth: null };
  if (type === 'boolean') return { name, kind: 'boolean', maxWidth: 'false'.length };
  return { name, kind: 'other', maxWidth: null };
}

/** The list operation's item schema, found from the spec rather than named by hand. */
function sessionSchema(): Schema {
  const meta = operationsMeta.ListSession;
  const op = openapiDocument.paths[meta.path]?.[meta.method.toLowerCase()] as Schema | undefined;
  const body = op?.responses?.['200']?.content?.['application/json']?.schema as Schema | undefined;
  const items = body?.properties?.[meta.list.itemsKey]?.items as Schema | undefined;
  if (!items?.properties) throw new Error('the bundled spec has no Session item schema for ListSession');
  return items;
}

/** Every property of a Session, in the spec's order. */
export const sessionProperties: readonly PropertyInfo[] = Object.entries(sessionSchema().properties as Record<string, Schema>).map(
  ([name, schema]) => describe(name, schema),
);

export const sessionPropertyNames: readonly string[] = sessionProperties.map((p) => p.name);

export function propertyInfo(name: string): PropertyInfo {
  const found = sessionProperties.find((p) => p.name === name);
  if (!found) throw new Error(`unknown Session property: ${name}`);
  return found;
}
