import { OutputBuffer } from '../internal/output-buffer.js';
import type { Command } from './commands.js';
import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';
import type { CommandArgs } from './parse-command.js';
import { formatRecord } from './record-format.js';
import type { OperationSource } from './source.js';

/** Runs any operation that is not a list (a fetch): one request, one record printed. */
export async function runRequest(
  command: Command,
  args: CommandArgs,
  ctx: CliContext,
  connect: (onPage: () => void) => Promise<OperationSource>,
): Promise<number> {
  const source = await connect(() => {});
  const body = await source.request(command.operation.operationId, args.params, ctx.signal ? { signal: ctx.signal } : {});
  const out = new OutputBuffer(ctx.stdout);
  try {
    await out.write(formatRecord(args.format, body, args.properties, { header: args.header }));
    await out.flush();
    return ExitCode.ok;
  } finally {
    out.dispose();
  }
}
