/**
 * Twilio error codes the mock answers with (documented in the README):
 * 20001 invalid parameter (400) · 20003 authenticate (401) · 20004 method not allowed (405) ·
 * 20404 not found (404) · 20413 request body too large (413) · 20429 too many requests (429) · 20500 internal error (500) · 20503 unavailable (503).
 */
export const MOCK_ERROR_CODES = {
  badRequest: 20001,
  unauthorized: 20003,
  methodNotAllowed: 20004,
  notFound: 20404,
  payloadTooLarge: 20413,
  tooManyRequests: 20429,
  serverError: 20500,
  unavailable: 20503,
} as const;

/** What the mock sends for one request, before the transport's faults. */
export interface Answer {
  status: number;
  /** The body as a value, for the self-check (for pages: the envelope; items are checked once, when stored). */
  body: unknown;
  json: string | Buffer;
  headers: Record<string, string>;
  /** The operation whose documented responses this answer must satisfy; null for off-spec paths and methods. */
  operationId: string | null;
  /** For pages: the issues of the items the JSON holds, from their one-time validation. */
  itemIssues?: () => Iterable<{ path: string; message: string }>;
}

/** A Twilio error body: `{ code, message, more_info, status }`. */
export function errorAnswer(
  status: number,
  code: number,
  message: string,
  operationId: string | null,
  headers: Record<string, string> = {},
): Answer {
  const body = { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
  return { status, body, json: JSON.stringify(body), headers, operationId };
}

/** Keeps error messages and violation reports short whatever a client sends. */
export function truncate(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Twilio names a missing resource by its path without the version: `/Things/XX…/Children`. */
export function notFound(pathname: string, operationId: string | null): Answer {
  const resource = pathname.replace(/^\/v\d+(?=\/)/, '');
  return errorAnswer(404, MOCK_ERROR_CODES.notFound, `The requested resource ${truncate(resource)} was not found`, operationId);
}
