import { fillPath } from '@twilio-proxy/types/walker';
import { askYesNo } from '../internal/ask.js';
import { OutputBuffer } from '../internal/output-buffer.js';
import type { Command } from './commands.js';
import type { CliContext } from './context.js';
import { ExitCode, UsageError } from './exit-codes.js';
import type { CliLogger } from './log-level.js';
import type { OperationSource } from './operation-source.js';
import type { CommandArgs } from './parse-command.js';
import { formatRecord } from './record-format.js';

/** The path a command acts on, its parameters filled in: what a remove names when it asks and when it is done. */
const target = (command: Command, args: CommandArgs) =>
  fillPath(command.operation.path, (name) => String(args.params.path[name] ?? `{${name}}`));

/**
 * Whether a remove may go ahead: `--yes`, or a "y" typed at the question on a terminal. With no terminal
 * to ask on (a script, a pipe, CI) and no `--yes`, it is refused: nothing is removed by accident.
 */
async function confirmed(command: Command, args: CommandArgs, ctx: CliContext, invoked: string): Promise<boolean> {
  if (args.yes) return true;
  if (!ctx.stdin?.isTTY) {
    throw new UsageError(
      `${invoked} removes ${target(command, args)}; with no terminal to ask on, pass --yes to confirm (nothing was sent)`,
      invoked,
    );
  }
  return askYesNo(ctx.stdin, ctx.stderr, `Remove ${target(command, args)}? This cannot be undone. [y/N] `, ctx.signal);
}

/**
 * Runs any operation that is not a list: a fetch, create or update prints the record it answers (in the
 * chosen format and properties); a remove asks first (see {@link confirmed}), prints nothing on stdout,
 * and says what it removed on stderr unless `-l` is quieter than info, as twilio-cli does.
 */
export async function runRequest(
  command: Command,
  args: CommandArgs,
  ctx: CliContext,
  connect: (onPage: () => void) => Promise<OperationSource>,
  logger: CliLogger,
  invoked: string,
): Promise<number> {
  if (command.confirm && !(await confirmed(command, args, ctx, invoked))) {
    ctx.stderr.write('Not removed: nothing was sent.\n');
    return ExitCode.usage;
  }
  const source = await connect(() => {});
  const body = await source.request(command.operation.operationId, args.params, ctx.signal ? { signal: ctx.signal } : {});
  if (command.confirm) {
    logger.info(`Removed ${target(command, args)}`);
    return ExitCode.ok;
  }
  // A write the spec answers with no body (a 204) has nothing to print.
  if (body === undefined) return ExitCode.ok;
  const out = new OutputBuffer(ctx.stdout);
  try {
    await out.write(formatRecord(args.format, body, args.properties, { header: args.header }));
    await out.flush();
    return ExitCode.ok;
  } finally {
    out.dispose();
  }
}
