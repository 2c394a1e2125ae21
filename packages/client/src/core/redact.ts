/** What a hidden secret or header value becomes. */
export const HIDDEN = '[redacted]';

/**
 * Secrets shorter than this are left alone: a string of a few characters (`x`, `401`, `a`) cannot be
 * told apart from ordinary text, and hiding it would mangle messages (`0x1fffffe8` → `0[redacted]1fffffe8`).
 * Every secret Twilio issues (auth token, API key secret) is 32 characters.
 */
export const MIN_SECRET_LENGTH = 8;

/** An `Authorization: Basic …` value in any spelling (header dump, JSON, `key=value`), whatever its secret's length. */
const BASIC_HEADER = /(authorization["']?\s*[:=]\s*["']?basic\s+)[A-Za-z0-9+/]+=*/gi;

/**
 * Returns a function that hides every occurrence of each secret in a text, anywhere, even inside a
 * longer word; and any `Authorization: Basic` value. Secrets shorter than {@link MIN_SECRET_LENGTH}
 * are skipped, so unrelated text is never changed by them.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is hidden whole.
  const long = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  return (text) => long.reduce((t, s) => t.split(s).join(HIDDEN), text).replace(BASIC_HEADER, `$1${HIDDEN}`);
}

/** {@link createRedactor} for one text. */
export const redact = (text: string, secrets: readonly string[]): string => createRedactor(secrets)(text);
