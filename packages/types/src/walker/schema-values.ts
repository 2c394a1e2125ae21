import type { JsonObject } from './json-object.js';

/**
 * Schema values, written once: what type a schema states, whether it takes null, and how a value travels as
 * text (a query string, a form field, a CLI flag). The rules are Twilio's, as twilio-node sends and the API reads:
 * - an integer is decimal digits with an optional `-`, within JavaScript's safe range (a SID-sized number would
 *   silently lose digits otherwise);
 * - a boolean is `true` or `false`, read in any case (the API accepts `True`, which twilio-python once sent);
 * - an array repeats its key, once per element (twilio-node's `serialize.map`); text is never split on commas,
 *   since a comma is a legal character in a friendly name;
 * - a date-time is ISO 8601 to the second (`2026-12-01T10:00:00Z`), a `format: date` a calendar day;
 * - an object is JSON; an empty text of a nullable schema is null (how Twilio clears a field).
 */

/** The first non-null type a schema states, or undefined when it states none. */
export function statedType(schema: JsonObject): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x: unknown) => x !== 'null') : schema.type;
  return typeof t === 'string' ? t : undefined;
}

/** The first non-null type a schema states; without one, an object when it has properties, else a string. */
export function typeOf(schema: JsonObject): string {
  return statedType(schema) ?? (schema.properties ? 'object' : 'string');
}

/** True when the schema takes null: `type: [.., 'null']` (OpenAPI 3.1) or `nullable: true` (3.0). */
export function isNullable(schema: JsonObject | undefined): boolean {
  if (!schema) return false;
  return (Array.isArray(schema.type) && schema.type.includes('null')) || schema.nullable === true;
}

/** A text read as a value, or why it is not one (`must be an integer`); the caller names the field. */
export type ParsedText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

// An ISO 8601 date or date-time, as twilio-node and twilio-cli send them (`2026-12-01`, `2026-12-01T10:00:00Z`).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const ok = (value: unknown): ParsedText => ({ ok: true, value });
const bad = (problem: string): ParsedText => ({ ok: false, problem });

/** One text (not an array's) as the value `schema` types. Bounds, patterns and enums are the validator's to check. */
export function parseText(schema: JsonObject, raw: string): ParsedText {
  if (raw === '' && isNullable(schema)) return ok(null);
  switch (typeOf(schema)) {
    case 'integer':
      return INTEGER.test(raw) && Number.isSafeInteger(Number(raw)) ? ok(Number(raw)) : bad('must be an integer');
    case 'number':
      return NUMBER.test(raw) && Number.isFinite(Number(raw)) ? ok(Number(raw)) : bad('must be a number');
    case 'boolean':
      return /^true$/i.test(raw) ? ok(true) : /^false$/i.test(raw) ? ok(false) : bad('must be true or false');
    case 'object': {
      try {
        const value: unknown = JSON.parse(raw);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) return ok(value);
      } catch {}
      return bad('must be a JSON object');
    }
    default:
      if (schema.format === 'date-time' && !(ISO_8601.test(raw) && !Number.isNaN(Date.parse(raw)))) {
        return bad('must be an ISO 8601 date-time (2026-12-01T10:00:00Z)');
      }
      return ok(raw);
  }
}

/** Every text given for one key as the value `schema` types: an array takes each (its key repeated), else the one. */
export function parseTexts(schema: JsonObject, raws: readonly string[]): ParsedText {
  if (typeOf(schema) !== 'array') {
    if (raws.length !== 1) return bad(raws.length ? 'is given more than once' : 'is missing');
    return parseText(schema, raws[0]!);
  }
  const values: unknown[] = [];
  for (const raw of raws) {
    const one = parseText(schema.items ?? {}, raw);
    if (!one.ok) return one;
    values.push(one.value);
  }
  return ok(values);
}

/** One value (not an array) as text: a `Date` in ISO 8601 to the second (a day for `format: date`), objects as JSON. */
export function encodeText(value: unknown, schema?: JsonObject): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return schema?.format === 'date' ? iso.slice(0, 10) : iso.replace(/\.\d+Z$/, 'Z');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A value as the texts of its key: one per array element (the key repeated), else one; `undefined` sends none. */
export function encodeTexts(value: unknown, schema?: JsonObject): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((v) => encodeText(v, schema?.items));
  return [encodeText(value, schema)];
}
