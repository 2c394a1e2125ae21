import { cutToWidth, stringWidth } from '../internal/cell-width.js';
import type { PropertyInfo } from '../internal/item-schema.js';

/** Two spaces between columns, as `twilio` CLI tables do. */
export const COLUMN_GAP = 2;
/** The narrowest a column with unbounded values starts at before it shares leftover space. */
const MIN_FLEX_WIDTH = 10;
/** The narrowest any column is shrunk to (an ellipsis plus a few characters). */
const MIN_WIDTH = 4;

/**
 * Fixed column widths computed once from the spec, before the first row arrives, so rows print
 * as they stream in instead of being buffered to measure them. Values that the spec bounds
 * (enums, SIDs with a fixed length, date-times) get their full width; unbounded text shares
 * what is left of the terminal width and is truncated with an ellipsis.
 */
export function layoutColumns(columns: readonly PropertyInfo[], terminalWidth: number): number[] {
  const header = columns.map((c) => c.name.length);
  const widths = columns.map((c, i) => Math.max(header[i]!, c.maxWidth ?? MIN_FLEX_WIDTH));
  const total = () => widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * Math.max(0, columns.length - 1);

  // Unbounded columns share the spare space equally.
  const flex = columns.flatMap((c, i) => (c.maxWidth === null ? [i] : []));
  let spare = terminalWidth - total();
  for (let k = 0; spare > 0 && flex.length > 0; k++, spare--) widths[flex[k % flex.length]!]!++;

  // Too wide: shrink long free text first (keeping the header readable), then anything, widest first.
  const fixedLength = (c: PropertyInfo) =>
    c.kind === 'enum' || c.kind === 'date-time' || c.kind === 'integer' || (c.maxWidth !== null && c.maxWidth <= 34);
  const floors = [
    columns.map((c, i) => (fixedLength(c) ? widths[i]! : Math.max(header[i]!, MIN_FLEX_WIDTH))),
    columns.map(() => MIN_WIDTH),
  ];
  for (const floor of floors) {
    while (total() > terminalWidth) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  return widths;
}

/**
 * One line of text that fits `width` terminal cells: control characters flattened, long text cut
 * with `…` between whole graphemes (never inside an emoji sequence or before a combining mark).
 */
export function fitCell(value: string, width: number, pad: boolean): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  let out = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  let used = stringWidth(out);
  if (used > width) {
    const cut = cutToWidth(out, width - 1);
    out = `${cut.text}…`;
    used = cut.width + 1;
  }
  return pad ? out + ' '.repeat(Math.max(0, width - used)) : out;
}
