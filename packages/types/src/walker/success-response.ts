import { componentName, deref } from './deref.js';
import type { JsonObject } from './json-object.js';

/** The response an operation answers when it succeeds, as the spec states it. */
export interface WalkedSuccess {
  /** The status key: the lowest explicit 2xx (`'200'`, `'201'`, `'204'`), else `'2XX'`, else `'default'`. */
  readonly status: string;
  /** `application/json` when the response has it, else its first media type; null when it has no body. */
  readonly mediaType: string | null;
  /** The body schema (dereferenced); null when there is no body (a 204). */
  readonly schema: JsonObject | null;
  /** The component the body schema names, when it names one. */
  readonly schemaName: string | null;
  /** Response headers by name (dereferenced). */
  readonly headers: Readonly<Record<string, JsonObject>>;
}

/** Which response key is the success: explicit 2xx codes first (lowest wins), then the `2XX` range, then `default`. */
export function successKey(responses: JsonObject): string | null {
  const explicit = Object.keys(responses)
    .filter((k) => /^2\d\d$/.test(k))
    .sort();
  return explicit[0] ?? (responses['2XX'] ? '2XX' : responses.default ? 'default' : null);
}

export function walkSuccess(doc: JsonObject, responses: JsonObject): WalkedSuccess {
  const status = successKey(responses);
  const response = status ? deref(doc, responses[status]) : undefined;
  const content: JsonObject = response?.content ?? {};
  const mediaType = 'application/json' in content ? 'application/json' : (Object.keys(content)[0] ?? null);
  const raw: JsonObject | undefined = mediaType ? content[mediaType]?.schema : undefined;
  const headers: Record<string, JsonObject> = {};
  for (const [name, header] of Object.entries<JsonObject>(response?.headers ?? {})) headers[name] = deref(doc, header) ?? {};
  return {
    status: status ?? 'default',
    mediaType,
    schema: deref(doc, raw) ?? null,
    schemaName: componentName(raw),
    headers,
  };
}
