import { stringWidth } from '../internal/cell-width.js';
import { csvField, type OutputFormat, text, tsvField } from './output-format.js';
import { COLUMN_GAP } from './table-layout.js';

type Row = Record<string, unknown>;

/**
 * One record (what a fetch returns) as text. `table` is a key/value view, one property per line with
 * its value in full: a one-row table would cut free text and URLs to the terminal width, and the fixed
 * column widths a list needs so rows can stream are no help for a single record (and has no header for
 * `--no-header` to drop). json is indented; ndjson, csv and tsv are the list formats with one row, so
 * scripts can treat both alike.
 */
export function formatRecord(
  format: OutputFormat,
  item: unknown,
  properties: readonly string[] | null,
  options: { header?: boolean } = {},
): string {
  const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
  const record = item as Row;
  const keys = properties ?? (isObject ? Object.keys(record) : []);
  const picked = (): unknown => (properties && isObject ? Object.fromEntries(properties.map((p) => [p, record[p] ?? null])) : item);
  switch (format) {
    case 'json':
      return `${JSON.stringify(picked(), null, 2)}\n`;
    case 'ndjson':
      return `${JSON.stringify(picked())}\n`;
    case 'csv':
    case 'tsv': {
      const line =
        format === 'csv'
          ? (cells: readonly unknown[]) => `${cells.map(csvField).join(',')}\r\n`
          : (cells: readonly unknown[]) => `${cells.map(tsvField).join('\t')}\n`;
      return (options.header === false ? '' : line(keys)) + line(keys.map((k) => record?.[k]));
    }
    case 'table': {
      if (!isObject) return `${JSON.stringify(item)}\n`;
      const width = Math.max(0, ...keys.map((k) => stringWidth(k)));
      const gap = ' '.repeat(COLUMN_GAP);
      return keys
        .map((k) => {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
          const value = text(record[k]).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
          const line = `${k}${' '.repeat(width - stringWidth(k))}${gap}${value}`.trimEnd();
          return `${line}\n`;
        })
        .join('');
    }
  }
}
