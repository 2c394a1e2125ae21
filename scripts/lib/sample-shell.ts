/** Shell text for the CLI and curl samples: words quoted only when they need it, long commands wrapped. */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word for a POSIX shell: as is when every character is safe, else single-quoted. */
export function shellWord(word: string): string {
  return SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The widest line a sample keeps on one line; a longer command goes one option per line. */
const WIDTH = 80;

/**
 * `head` then each option (already quoted), on one line when it fits, else the first option beside `head` and
 * one more per line after a backslash: what a reader copies into a terminal runs either way.
 */
export function shellCommand(head: string, options: readonly string[]): string {
  const line = [head, ...options].join(' ');
  if (line.length <= WIDTH || options.length === 0) return `${line}\n`;
  const [first, ...rest] = options;
  return `${[`${head} ${first}`, ...rest].join(' \\\n  ')}\n`;
}
