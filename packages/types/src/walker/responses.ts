import { componentName, deref } from './deref.js';
import type { JsonObject } from './json-object.js';

/** One documented response of an operation, as the spec states it (`'200'`, `'4XX'`, `'default'`…). */
export interface WalkedResponse {
  /** The status key as the spec writes it. */
  readonly status: string;
  /** The numeric status: the code itself, `N00` for an `NXX` range, null for `default`. */
  readonly code: number | null;
  /** `application/json` when the response has it, else its first media type; null when it has no body. */
  readonly mediaType: string | null;
  /** The body schema (dereferenced); null when there is no body (a 204). */
  readonly schema: JsonObject | null;
  /** The component the body schema names, when it names one. */
  readonly schemaName: string | null;
  /** Response headers by name, dereferenced (each with its `required` and `schema`). */
  readonly headers: Readonly<Record<string, JsonObject>>;
}

/** `'201'` → 201, `'2XX'` → 200, `'default'` → null. */
export function statusCodeOf(status: string): number | null {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100;
  return null;
}

/** One response object (a `$ref` followed) under its status key. */
export function walkResponse(doc: JsonObject, status: string, value: JsonObject | undefined): WalkedResponse {
  const response = deref(doc, value);
  const content: JsonObject = response?.content ?? {};
  const mediaType = 'application/json' in content ? 'application/json' : (Object.keys(content)[0] ?? null);
  const raw: JsonObject | undefined = mediaType ? content[mediaType]?.schema : undefined;
  const headers: Record<string, JsonObject> = {};
  for (const [name, header] of Object.entries<JsonObject>(response?.headers ?? {})) headers[name] = deref(doc, header) ?? {};
  return { status, code: statusCodeOf(status), mediaType, schema: deref(doc, raw) ?? null, schemaName: componentName(raw), headers };
}

/** Every documented response of an operation's `responses`, by its status key (ranges and `default` included). */
export function walkResponses(doc: JsonObject, responses: JsonObject | undefined): Record<string, WalkedResponse> {
  return Object.fromEntries(Object.entries<JsonObject>(responses ?? {}).map(([status, r]) => [status, walkResponse(doc, status, r)]));
}

/** The documented response key for a status: the exact code, then its `NXX` range (any case), then `default`. */
export function responseKeyFor(
  op: { readonly responsesByStatus: Readonly<Record<string, WalkedResponse>> },
  status: number,
): string | undefined {
  const keys = Object.keys(op.responsesByStatus);
  const exact = String(status);
  if (keys.includes(exact)) return exact;
  const range = keys.find((k) => k.toUpperCase() === `${exact[0]}XX`);
  if (range) return range;
  return keys.includes('default') ? 'default' : undefined;
}

/** The documented response a status answers with (see `responseKeyFor`), or undefined when none documents it. */
export function responseFor(
  op: { readonly responsesByStatus: Readonly<Record<string, WalkedResponse>> },
  status: number,
): WalkedResponse | undefined {
  const key = responseKeyFor(op, status);
  return key === undefined ? undefined : op.responsesByStatus[key];
}
