import type { JsonObject } from './json-object.js';
import { type WalkedResponse, walkResponse } from './responses.js';

/** The response an operation answers when it succeeds: a `WalkedResponse` (its `code` is 200 for `2XX`, null for `default`). */
export type WalkedSuccess = WalkedResponse;

/** Which response key is the success: explicit 2xx codes first (lowest wins), then the `2XX` range (any case), then `default`. */
export function successKey(responses: JsonObject): string | null {
  const explicit = Object.keys(responses)
    .filter((k) => /^2\d\d$/.test(k))
    .sort();
  const range = Object.keys(responses).find((k) => k.toUpperCase() === '2XX');
  return explicit[0] ?? range ?? (responses.default ? 'default' : null);
}

export function walkSuccess(doc: JsonObject, responses: JsonObject): WalkedSuccess {
  const status = successKey(responses);
  return walkResponse(doc, status ?? 'default', status ? responses[status] : undefined);
}
