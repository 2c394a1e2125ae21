/** Help text width: readable on an 80-column terminal once indented, as the old help was. */
export const HELP_WIDTH = 100;

/** Word-wraps `text` for a column that starts `indent` cells in: later lines start with that many spaces. */
export function wrap(text: string, indent: number, width = HELP_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const room = width - indent;
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
