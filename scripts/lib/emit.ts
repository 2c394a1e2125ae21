/**
 * The one way the renderers write TypeScript text from spec text: string literals and TSDoc comments. Spec text
 * is untrusted here: a quote, a backslash, a line break or a `*\/` in a description must not end a literal or a
 * comment early, whichever renderer writes it.
 */

/** A single-quoted TypeScript string literal of any text (escapes as JSON does, then swaps the quote). */
export function literal(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Spec text for inside a TSDoc comment: its first line (or all of it, on one line), `*\/` escaped, trimmed. */
export function docText(text: string, { firstLine = false }: { firstLine?: boolean } = {}): string {
  const lines = firstLine ? text.split('\n')[0]! : text.replace(/\s+/g, ' ');
  return lines.replace(/\*\//g, '*\\/').trim();
}

/** A one-line TSDoc comment (`/** … *\/`), indented. */
export function tsdoc(text: string, indent = '', options?: { firstLine?: boolean }): string {
  return `${indent}/** ${docText(text, options)} */`;
}
