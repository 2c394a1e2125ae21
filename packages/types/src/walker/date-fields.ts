import { deref } from './deref.js';
import type { JsonObject } from './json-object.js';
import { statedType } from './schema-values.js';

/** The non-null branch of a schema: itself, or the one non-null member of an `anyOf`/`oneOf` (`T | null`). */
function nonNull(doc: JsonObject, schema: JsonObject): JsonObject {
  const branches: JsonObject[] | undefined = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(branches)) return schema;
  const rest = branches.map((b) => deref(doc, b) ?? {}).filter((b) => b.type !== 'null');
  return rest.length === 1 ? rest[0]! : schema;
}

/** The properties of an item whose schema (its non-null branch) is a string of `format: date-time`: what a client turns into a `Date`. */
export function dateFieldsOf(doc: JsonObject, item: JsonObject | null): string[] {
  return Object.entries<JsonObject>(item?.properties ?? {})
    .filter(([, raw]) => {
      const s = nonNull(doc, deref(doc, raw) ?? {});
      const type = statedType(s);
      return s.format === 'date-time' && (type === undefined || type === 'string');
    })
    .map(([name]) => name);
}
