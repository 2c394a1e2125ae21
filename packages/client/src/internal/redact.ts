import { HIDDEN } from '../core/redact.js';

/** A copy of headers that is safe to log: `authorization` is hidden. */
export const redactHeaders = (headers: Record<string, string>): Record<string, string> => ({ ...headers, authorization: HIDDEN });
