import { parseArgs } from 'node:util';
import { ExitCode, UsageError } from './exit-codes.js';
import { createFormatter, OUTPUT_FORMATS, type OutputFormat } from './output-format.js';
import { credentialsFromEnv, secretsOf, type CreateSource } from './sessions-source.js';
import type { CliContext } from './run.js';
import { OutputBuffer } from '../internal/output-buffer.js';
import { ProgressLine } from '../internal/progress.js';
import { sessionPropertyNames } from '../internal/session-schema.js';

/** Terminal width used when stdout is not a terminal. */
export const DEFAULT_COLUMNS = 100;

export const listOptions = {
  service: { type: 'string', short: 's' },
  format: { type: 'string', short: 'f' },
  properties: { type: 'string', short: 'p' },
  limit: { type: 'string', short: 'l' },
  'page-size': { type: 'string' },
  'base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ListArgs {
  service: string;
  format: OutputFormat;
  properties: string[] | null;
  limit: number | undefined;
  pageSize: number | undefined;
  baseUrl: string | undefined;
}

/** Integers only; their range is the client's to check, from the spec (e.g. PageSize 1..1000). */
function integer(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer, got '${raw}'`, 'list');
  return Number(raw);
}

export function parseListArgs(argv: string[]): ListArgs | 'help' {
  const { values, positionals } = parseArgs({ args: argv, options: listOptions, allowPositionals: true, strict: true });
  if (values.help) return 'help';
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`, 'list');
  if (!values.service) throw new UsageError('--service <KS…> is required', 'list');

  const format = (values.format ?? 'table') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, got '${values.format}'`, 'list');
  }

  let properties: string[] | null = null;
  if (values.properties !== undefined) {
    properties = [...new Set(values.properties.split(',').map((p) => p.trim()).filter(Boolean))];
    const unknown = properties.filter((p) => !sessionPropertyNames.includes(p));
    if (unknown.length || !properties.length) {
      throw new UsageError(
        `${unknown.length ? `unknown Session propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((u) => `'${u}'`).join(', ')}` : 'no property'} in --properties.\n` +
          `Valid properties: ${sessionPropertyNames.join(', ')}`,
        'list',
      );
    }
  }

  let baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new UsageError(`--base-url must be an absolute http(s) URL, got '${baseUrl}'`, 'list');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UsageError(`--base-url must be an absolute http(s) URL, got '${baseUrl}'`, 'list');
    }
    baseUrl = url.origin;
  }

  return {
    service: values.service,
    format,
    properties,
    limit: integer('--limit', values.limit),
    pageSize: integer('--page-size', values['page-size']),
    baseUrl,
  };
}

/** Runs `list`: streams every session through the chosen format; returns the exit code. */
export async function runList(args: ListArgs, ctx: CliContext, createSource: CreateSource, secrets: string[]): Promise<number> {
  const credentials = credentialsFromEnv(ctx.env);
  secrets.push(...secretsOf(credentials));

  const progress = ctx.stderr.isTTY ? new ProgressLine(ctx.stderr, ctx.now) : null;
  // When stdout is the same terminal, lift the progress line before rows are printed over it.
  const out = new OutputBuffer(ctx.stdout, () => (ctx.stdout.isTTY ? progress?.clear() : undefined));
  const formatter = createFormatter(
    args.format,
    { properties: args.properties, columns: ctx.stdout.columns || DEFAULT_COLUMNS },
    sessionPropertyNames,
  );

  const source = await createSource({
    credentials,
    baseUrl: args.baseUrl,
    userAgent: ctx.userAgent,
    onPage: () => progress?.page(),
  });

  try {
    const items = source.each(args.service, {
      ...(args.pageSize !== undefined ? { pageSize: args.pageSize } : {}),
      ...(args.limit !== undefined ? { limit: args.limit } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    // The header waits for the first row (or the end) so an error before any data leaves stdout empty.
    let begun = false;
    for await (const item of items) {
      if (!begun) {
        begun = true;
        await out.write(formatter.begin());
      }
      progress?.session();
      await out.write(formatter.row(item));
    }
    // An empty list still prints a table header, a CSV header, or [].
    if (!begun) await out.write(formatter.begin());
    await out.write(formatter.end());
    await out.flush();
    return ExitCode.ok;
  } finally {
    out.dispose();
    progress?.clear();
  }
}
