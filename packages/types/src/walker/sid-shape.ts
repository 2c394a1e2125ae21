import type { JsonObject } from './json-object.js';

/** The shape of a Twilio SID schema: two capital letters, then hex digits (`^KS[0-9a-fA-F]{32}$`). */
export interface SidShape {
  readonly prefix: string;
  readonly hexDigits: number;
}

const SID_PATTERN = /^\^([A-Z]{2})\[0-9a-fA-F\]\{(\d+)\}\$$/;

/** The SID shape a schema's `pattern` states, or null when it states none. The one place SID prefixes are read. */
export function sidShapeOf(schema: JsonObject | undefined): SidShape | null {
  const m = typeof schema?.pattern === 'string' ? SID_PATTERN.exec(schema.pattern) : null;
  return m ? { prefix: m[1]!, hexDigits: Number(m[2]) } : null;
}

const ANY_SID_PATTERN = /^\^\[(?:a-zA-Z|A-Za-z|A-Z)\]\{(\d+)\}\[0-9a-fA-F\]\{(\d+)\}\$$/;

/** The shape of a SID of any kind: so many letters (any prefix), then hex digits. */
export interface AnySidShape {
  /** How many letters start it (any letters: the kind is not fixed). */
  readonly letters: number;
  /** How many hex digits follow. */
  readonly hexDigits: number;
}

/** The shape of a SID of any kind (`^[a-zA-Z]{2}[0-9a-fA-F]{32}$`: a Call's or a Message's), or null. */
// The return type is spelled out (the same as AnySidShape) so the published signature stays as it was.
export function anySidShapeOf(schema: JsonObject | undefined): { readonly letters: number; readonly hexDigits: number } | null {
  const m = typeof schema?.pattern === 'string' ? ANY_SID_PATTERN.exec(schema.pattern) : null;
  return m ? { letters: Number(m[1]), hexDigits: Number(m[2]) } : null;
}

/**
 * A parameter Twilio takes either as a SID or as a name in its place (an item by its unique name, where Twilio allows it):
 * the schema is an `anyOf` of a SID-shaped branch and a name branch whose `x-item-property` names the item
 * property the name matches. The SID branch keeps its strictness; only the named property widens it.
 */
export interface SidOrName {
  /** The SID branch (`pattern`, `minLength`, `maxLength`). */
  readonly sid: JsonObject;
  /** The name branch, as the spec bounds it. */
  readonly name: JsonObject;
  /** The item property the name matches (`unique_name`). */
  readonly property: string;
}

/** The SID and name branches of a schema that takes either, or null for any other schema. */
export function sidOrNameOf(schema: JsonObject | undefined): SidOrName | null {
  const branches: JsonObject[] | undefined = schema?.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return null;
  const sid = branches.find((b) => sidShapeOf(b) !== null);
  const name = branches.find((b) => b !== sid && typeof b?.['x-item-property'] === 'string');
  return sid && name ? { sid, name, property: name['x-item-property'] } : null;
}
