import { parseArgs } from 'node:util';
import { describeError } from './describe-error.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { listHelp, mainHelp } from './help.js';
import { parseListArgs, runList } from './list-command.js';
import { createClientSource, type CreateSource } from './sessions-source.js';

export interface CliOutput {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

export interface CliContext {
  stdout: CliOutput & NodeJS.WritableStream;
  stderr: CliOutput & NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  version: string;
  userAgent: string;
  /** Aborts the listing (Ctrl-C). */
  signal?: AbortSignal;
  now?: () => number;
  /** Where sessions come from; the real client by default, a fake in unit tests. */
  createSource?: CreateSource;
}

function isParseArgsError(err: unknown): err is Error {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** The whole CLI: parses `argv` (without node and script), runs the command, returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const secrets: string[] = [];
  let command: string | null = null;
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first.startsWith('-')) {
      const { values } = parseArgs({
        args: argv,
        options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } },
        strict: true,
      });
      if (values.version) ctx.stdout.write(`${ctx.version}\n`);
      else if (values.help) ctx.stdout.write(mainHelp(ctx.version));
      else {
        ctx.stderr.write(mainHelp(ctx.version));
        return ExitCode.usage;
      }
      return ExitCode.ok;
    }
    command = first;
    switch (first) {
      case 'help': {
        const topic = rest[0];
        if (topic === undefined) ctx.stdout.write(mainHelp(ctx.version));
        else if (topic === 'list') ctx.stdout.write(listHelp());
        else throw new UsageError(`no help for unknown command '${topic}'`);
        return ExitCode.ok;
      }
      case 'list': {
        const args = parseListArgs(rest);
        if (args === 'help') {
          ctx.stdout.write(listHelp());
          return ExitCode.ok;
        }
        return await runList(args, ctx, ctx.createSource ?? createClientSource, secrets);
      }
      default:
        command = null;
        throw new UsageError(`unknown command '${first}'`);
    }
  } catch (err) {
    const usage = isParseArgsError(err) ? new UsageError(err.message, command) : err;
    const report = describeError(usage, secrets);
    ctx.stderr.write(report.text);
    return report.exitCode;
  }
}
