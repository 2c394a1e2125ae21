import { OutputBuffer } from '../internal/output-buffer.js';
import { ProgressLine } from '../internal/progress.js';
import type { Command } from './commands.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import type { OperationSource } from './operation-source.js';
import { createFormatter } from './output-format.js';
import type { CommandArgs } from './parse-command.js';

/** Terminal width used when stdout is not a terminal. */
export const DEFAULT_COLUMNS = 100;

/** Runs a list command: streams every item through the chosen format; returns the exit code. */
export async function runList(
  command: Command,
  args: CommandArgs,
  ctx: CliContext,
  connect: (onPage: () => void) => Promise<OperationSource>,
): Promise<number> {
  // With `-l debug` the request lines are the progress, and a redrawn line would garble them.
  const progress = ctx.stderr.isTTY && args.logLevel !== 'debug' ? new ProgressLine(ctx.stderr, command.noun, ctx.now) : null;
  // When stdout is the same terminal, lift the progress line before rows are printed over it.
  const out = new OutputBuffer(ctx.stdout, () => (ctx.stdout.isTTY ? progress?.clear() : undefined));
  const formatter = createFormatter(
    args.format,
    {
      properties: args.properties,
      columns: ctx.stdout.columns || DEFAULT_COLUMNS,
      defaultProperties: command.defaultProperties,
      header: args.header,
    },
    command.properties,
  );
  const source = await connect(() => progress?.page());

  try {
    const items = source.each(command.operation.operationId, args.params, {
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
      progress?.item();
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
