const HIDDEN = '[redacted]';

/** Returns a function that removes every given secret from a text. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  return (text) => secrets.reduce((t, s) => (s ? t.split(s).join(HIDDEN) : t), text);
}

/** A copy of headers that is safe to log: `authorization` is hidden. */
export const redactHeaders = (headers: Record<string, string>): Record<string, string> => ({ ...headers, authorization: HIDDEN });
