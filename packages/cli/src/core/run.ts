import { parseArgs } from 'node:util';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { buildCommands, type Command, groupByResource } from './commands.js';
import type { CliContext } from './context.js';
import { describeError, type ErrorScope } from './describe-error.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { BIN, commandHelp, mainHelp, resourceHelp } from './help/index.js';
import { runList } from './list-command.js';
import { createLogger } from './log-level.js';
import { createClientSource, credentialsFromEnv, type OperationSource, secretsOf } from './operation-source.js';
import { parseCommandArgs, spellingFor } from './parse-command.js';
import { runRequest } from './request-command.js';

export type { CliContext, CliOutput } from './context.js';

let specCommands: Command[] | undefined;
/** The commands of the bundled spec, built once per process from its operations. */
export const commandsOfSpec = (): Command[] => (specCommands ??= buildCommands(openapiDocument));

/** A compatibility bin `proxy-<resource>` stands for `twilio-proxy <resource>` when the spec has that resource. */
export function compatResource(bin: string, commands: readonly Command[]): string | null {
  const resource = /^proxy-(.+)$/.exec(bin)?.[1];
  return resource && groupByResource(commands).has(resource) ? resource : null;
}

function isParseArgsError(err: unknown): err is Error {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

const list = (names: readonly string[]) => names.join(', ');

/** The whole CLI: parses `argv` (without node and script), runs the command, returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const bin = ctx.bin ?? BIN;
  const secrets: string[] = [];
  const scope: ErrorScope = { bin };
  try {
    const commands = ctx.commands ?? commandsOfSpec();
    const resources = groupByResource(commands);
    const compat = compatResource(bin, commands);
    const spelling = (c: Command) => spellingFor(c, compat !== null);
    const topHelp = () =>
      compat ? resourceHelp(bin, ctx.version, compat, commands, spelling, true) : mainHelp(bin, ctx.version, commands, spelling);
    const actionsOf = (resource: string) => resources.get(resource)?.map((c) => c.action) ?? [];
    const find = (resource: string | undefined, action: string | undefined): Command => {
      if (resource === undefined || !resources.has(resource)) {
        throw new UsageError(`unknown command '${resource}'. Resources: ${list([...resources.keys()])}`);
      }
      const command = resources.get(resource)!.find((c) => c.action === action);
      if (command) return command;
      if (compat) throw new UsageError(`unknown command '${action}'. Commands: ${list(actionsOf(resource))}`);
      throw new UsageError(
        action === undefined
          ? `${resource} needs an action: ${list(actionsOf(resource))}`
          : `unknown action '${action}' for ${resource}; it has: ${list(actionsOf(resource))}`,
        resource,
      );
    };

    const [first, ...rest] = argv;
    if (first === undefined || first.startsWith('-')) {
      const { values } = parseArgs({
        args: argv,
        options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } },
        strict: true,
      });
      if (values.version) ctx.stdout.write(`${ctx.version}\n`);
      else if (values.help) ctx.stdout.write(topHelp());
      else {
        ctx.stderr.write(topHelp());
        return ExitCode.usage;
      }
      return ExitCode.ok;
    }

    if (first === 'help') {
      const topic = compat ? [compat, ...rest] : rest;
      if (topic.length === 0 || (compat && topic.length === 1)) ctx.stdout.write(topHelp());
      else if (topic.length === 1 && resources.has(topic[0]!))
        ctx.stdout.write(resourceHelp(bin, ctx.version, topic[0]!, commands, spelling, false));
      else {
        const command = find(topic[0], topic[1]);
        ctx.stdout.write(commandHelp(bin, command, spelling(command), compat !== null));
      }
      return ExitCode.ok;
    }

    // `twilio-proxy <resource> <action> …`, or `proxy-<resource> <action> …`.
    const [resource, action, args] = compat ? [compat, first, rest] : [first, rest[0], rest.slice(1)];
    if (!compat && resources.has(resource) && (action === '--help' || action === '-h')) {
      ctx.stdout.write(resourceHelp(bin, ctx.version, resource, commands, spelling, false));
      return ExitCode.ok;
    }
    const command = find(resource, action);
    const invoked = compat ? command.action : `${command.resource} ${command.action}`;
    const spelled = spelling(command);
    scope.command = { command, invoked, spelling: spelled };

    const parsed = parseCommandArgs(command, args, spelled, invoked);
    if (parsed === 'help') {
      ctx.stdout.write(commandHelp(bin, command, spelled, compat !== null));
      return ExitCode.ok;
    }
    const credentials = credentialsFromEnv(ctx.env);
    secrets.push(...secretsOf(credentials));
    const logger = createLogger(parsed.logLevel, ctx.stderr, secrets);
    const connect = async (onPage: () => void): Promise<OperationSource> =>
      (ctx.createSource ?? createClientSource)({
        credentials,
        baseUrl: parsed.baseUrl,
        userAgent: ctx.userAgent,
        onPage,
        ...(logger.level === 'debug' ? { log: logger.debug } : {}),
      });
    return command.operation.list
      ? await runList(command, parsed, ctx, connect)
      : await runRequest(command, parsed, ctx, connect, logger, invoked);
  } catch (err) {
    const usage = isParseArgsError(err) ? new UsageError(err.message, scope.command?.invoked ?? null) : err;
    const report = describeError(usage, secrets, scope);
    ctx.stderr.write(report.text);
    return report.exitCode;
  }
}
