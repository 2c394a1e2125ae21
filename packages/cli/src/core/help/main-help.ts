import { wrap } from '../../internal/wrap.js';
import { type Command, groupByResource } from '../commands.js';
import type { Spelling } from '../parse-command.js';
import { BIN, CREDENTIALS, EXIT_CODES, examples, row } from './shared.js';

export function mainHelp(bin: string, version: string, all: readonly Command[], spelling: (c: Command) => Spelling): string {
  // Grouped by resource (in the order the spec first mentions each), so a resource's actions read together.
  const commands = [...groupByResource(all).values()].flat();
  const names = commands.map((c) => `${c.resource} ${c.action}`);
  const column = Math.max(...names.map((n) => n.length), 10) + 5;
  return `${bin} ${version}: Twilio Proxy from a terminal. Every operation of the spec is a command:
lists stream every page, rows as they arrive, in table, JSON, NDJSON, CSV or TSV; a fetch, create or
update prints the record; a remove asks first (or takes --yes).

Usage:
  ${bin} <resource> <action> [options]
  ${bin} <resource> <action> --help
  ${bin} help [<resource> [<action>]]

Commands:
${commands.map((c, i) => row(names[i]!, c.operation.summary ?? c.operation.operationId, column)).join('\n')}

Options:
  -h, --help       Show this help
  -V, --version    Print the version

${CREDENTIALS}

${EXIT_CODES}

${examples(bin, commands, spelling, false)}`;
}

/**
 * The actions of one resource. Under a compatibility bin (`proxy-<resource>`) this is its main help,
 * with the actions as its commands.
 */
export function resourceHelp(
  bin: string,
  version: string,
  resource: string,
  commands: readonly Command[],
  spelling: (c: Command) => Spelling,
  compat: boolean,
): string {
  const own = groupByResource(commands).get(resource) ?? [];
  const column = Math.max(...own.map((c) => c.action.length), 4) + 7;
  const lines = own.map((c) => row(c.action, c.operation.summary ?? c.operation.operationId, column));
  const intro = wrap(
    compat
      ? `${bin} ${version}: the compatibility name of \`${BIN} ${resource}\`: the same commands, where --<name> may stand for a --<name>-sid flag (here ${shortForms(own, spelling) || 'none'}).`
      : `${bin} ${resource}: the ${resource.replace(/-/g, ' ')} of the API, one command per operation of the spec.`,
    0,
  );
  return `${intro}

Usage:
  ${compat ? bin : `${bin} ${resource}`} <action> [options]

Commands:
${lines.join('\n')}
${compat ? `${row('help', 'Show help for a command', column)}\n` : ''}
Options:
  -h, --help       Show this help${compat ? '\n  -V, --version    Print the version' : ''}

${CREDENTIALS}

${EXIT_CODES}

${examples(bin, own, spelling, compat)}`;
}

function shortForms(commands: readonly Command[], spelling: (c: Command) => Spelling): string {
  const pairs = new Set<string>();
  for (const c of commands) for (const [f, a] of spelling(c).aliases) pairs.add(`--${a.long} for --${f.name}`);
  return [...pairs].join(', ');
}
