import type { PropertyInfo } from '../internal/item-schema.js';
import { COLUMN_GAP, fitCell, layoutColumns } from './table-layout.js';

export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Other names a format answers to: twilio-cli's `-o columns` is this CLI's table. */
export const FORMAT_ALIASES: Readonly<Record<string, OutputFormat>> = { columns: 'table' };

/** The format a name given to `-o`/`--format` stands for, or null when it is none. */
export const outputFormatOf = (name: string): OutputFormat | null =>
  (OUTPUT_FORMATS as readonly string[]).includes(name) ? (name as OutputFormat) : (FORMAT_ALIASES[name] ?? null);

type Row = Record<string, unknown>;

/**
 * Turns items into text one at a time, so the caller can write each row as it arrives and
 * memory stays flat however many items are listed.
 */
export interface RowFormatter {
  /** Text before the first row (a header, `[`), possibly empty. */
  begin(): string;
  row(item: Row): string;
  /** Text after the last row. */
  end(): string;
}

export interface FormatterOptions {
  /** Property names to print, in order; null means the format's default. */
  properties: readonly string[] | null;
  /** Terminal width for tables. */
  columns: number;
  /** Table columns when `properties` is null: the spec's `defaultOutputProperties` of the path. */
  defaultProperties: readonly string[];
  /** False with `--no-header`: tables, CSV and TSV print their rows only. Default true. */
  header?: boolean;
}

function pick(item: Row, properties: readonly string[]): Row {
  const out: Row = {};
  for (const p of properties) out[p] = item[p] ?? null;
  return out;
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A TSV field: a tab, line break or backslash inside a value is written as `\t`, `\n`, `\r`, `\\`, so
 * every row stays one line of tab-separated cells (the escaping of the "linear TSV" convention).
 */
export function tsvField(value: unknown): string {
  return text(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double inner quotes. */
export function csvField(value: unknown): string {
  const s = text(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The spec's description of a property, or an unbounded one for a name the spec does not list. */
export function propertyInfo(all: readonly PropertyInfo[], name: string): PropertyInfo {
  return all.find((p) => p.name === name) ?? { name, kind: 'other', maxWidth: null };
}

export function createFormatter(format: OutputFormat, options: FormatterOptions, allProperties: readonly PropertyInfo[]): RowFormatter {
  const { properties } = options;
  const header = options.header ?? true;
  switch (format) {
    case 'ndjson':
      return {
        begin: () => '',
        row: (item) => `${JSON.stringify(properties ? pick(item, properties) : item)}\n`,
        end: () => '',
      };
    case 'json': {
      let first = true;
      return {
        begin: () => '[',
        row: (item) => {
          const prefix = first ? '\n  ' : ',\n  ';
          first = false;
          return prefix + JSON.stringify(properties ? pick(item, properties) : item);
        },
        end: () => (first ? ']\n' : '\n]\n'),
      };
    }
    case 'csv':
    case 'tsv': {
      // A CSV/TSV header is fixed up front, so without --properties it is every property of the spec.
      const cols = properties ?? allProperties.map((p) => p.name);
      const line =
        format === 'csv'
          ? (cells: unknown[]) => `${cells.map(csvField).join(',')}\r\n`
          : (cells: unknown[]) => `${cells.map(tsvField).join('\t')}\n`;
      return {
        begin: () => (header ? line([...cols]) : ''),
        row: (item) => line(cols.map((c) => item[c])),
        end: () => '',
      };
    }
    case 'table': {
      const cols = properties ?? options.defaultProperties;
      const widths = layoutColumns(
        cols.map((c) => propertyInfo(allProperties, c)),
        options.columns,
      );
      const gap = ' '.repeat(COLUMN_GAP);
      const line = (cells: string[]) =>
        `${cells
          .map((c, i) => fitCell(c, widths[i]!, i < cells.length - 1))
          .join(gap)
          .trimEnd()}\n`;
      return {
        begin: () => (header ? line(cols.map((c) => c.toUpperCase())) : ''),
        row: (item) => line(cols.map((c) => text(item[c]))),
        end: () => '',
      };
    }
  }
}
