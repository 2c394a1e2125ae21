import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { specRule } from '../internal/spec-rule.js';
import { wrap } from '../internal/wrap.js';
import { type BodyFlag, type Command, type Flag, groupByResource, PAGE_SIZE_PARAMETER } from './commands.js';
import { LOG_LEVELS } from './log-level.js';
import { OUTPUT_FORMATS } from './output-format.js';
import type { Spelling } from './parse-command.js';

/** The program's own name; a compatibility bin (`proxy-<resource>`) stands for `twilio-proxy <resource>`. */
export const BIN = 'twilio-proxy';

// Read when help is printed, not on import: the spec loads on first use.
const defaultOrigin = () => String((openapiDocument.servers as { url?: string }[] | undefined)?.[0]?.url ?? 'the spec’s server');

const EXIT_CODES = `Exit codes:
  0    success (including an empty list)
  1    the API answered with an error (401, 404, 429 after retries, 5xx) or could not be reached
  2    usage error: bad option or value, a SID that breaks the spec's pattern, missing credentials,
       a remove not confirmed; nothing was sent
  130  interrupted (Ctrl-C)`;

const CREDENTIALS = `Credentials (environment, never flags, never printed):
  TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN       Account SID and Auth Token, or
  TWILIO_API_KEY + TWILIO_API_SECRET           an API Key SID and its secret (with TWILIO_ACCOUNT_SID);
                                               the API key is used when both are complete`;

/** `label` padded to a column, then `text` wrapped beside it. */
const row = (label: string, text: string, column: number) =>
  // A label too long for its column (an enum's members) gets a line of its own, the text below it.
  label.length > column - 3
    ? `  ${label}\n${' '.repeat(column)}${wrap(text, column)}`.trimEnd()
    : `  ${label.padEnd(column - 3)} ${wrap(text, column)}`.trimEnd();

/** The required flags of a command with example values: what an example invocation needs. */
function requiredArgs(command: Command, spelling: Spelling): string {
  return [
    ...command.flags.filter((f) => f.required).map((f) => `${spelling.display(f)} ${f.example ?? `<${f.placeholder}>`}`),
    ...command.bodyFlags.filter((b) => b.required).map((b) => `--${b.name} <${b.placeholder}>`),
  ].join(' ');
}

/** How a command is invoked: `twilio-proxy <resource> <action>`, or `proxy-<resource> <action>` under a compatibility bin. */
export const invocation = (bin: string, command: Command, compat: boolean) =>
  compat ? `${bin} ${command.action}` : `${bin} ${command.resource} ${command.action}`;

function examples(bin: string, commands: readonly Command[], spelling: (c: Command) => Spelling, compat: boolean): string {
  const first = commands.find((c) => c.operation.list) ?? commands[0];
  if (!first) return '';
  const call = `${invocation(bin, first, compat)} ${requiredArgs(first, spelling(first))}`.trimEnd();
  const lines = [call, `${call} --format ndjson`, `${compat ? `${bin} help` : `${bin} help ${first.resource}`} ${first.action}`];
  return `Examples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** `twilio-proxy --help`: every command of the spec with its summary. */
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

function flagLabel(f: Flag, spelling: Spelling): string {
  const alias = spelling.aliases.get(f);
  const short = alias?.short ? `-${alias.short}, ` : '    ';
  return `${short}${spelling.display(f)} <${f.placeholder}>`;
}

function flagText(f: Flag, spelling: Spelling): string {
  const alias = spelling.aliases.get(f);
  const rule = specRule(f.parameter.schema);
  return [
    f.parameter.description ?? '',
    f.required ? 'Required.' : '',
    rule ? `(${rule}${f.parameter.schema.default !== undefined ? `; default ${f.parameter.schema.default}` : ''})` : '',
    alias ? `Also --${f.name}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function bodyFlagText(b: BodyFlag): string {
  const element = b.repeated ? (b.field.items ?? {}) : b.field.schema;
  const rule = specRule(element);
  const type = b.placeholder === 'date-time' ? 'an ISO 8601 date-time' : b.field.type === 'object' ? 'a JSON object' : null;
  return [
    b.field.description ?? '',
    b.required ? 'Required.' : '',
    type || rule
      ? `(${[type, rule].filter(Boolean).join(', ')}${element.default !== undefined ? `; default ${element.default}` : ''})`
      : '',
    b.repeated ? `Repeat the flag for each element.` : '',
    `Sent as ${b.field.name}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** `twilio-proxy <resource> <action> --help`: the operation's summary, parameters and properties, all from the spec. */
export function commandHelp(bin: string, command: Command, spelling: Spelling, compat: boolean): string {
  const op = command.operation;
  const isList = op.list !== null;
  const many = command.noun.many;
  const names = command.properties.map((p) => p.name);
  const schema = op.schema ?? 'item';
  const column = 30;
  const usage = `${invocation(bin, command, compat)} ${[
    ...command.flags.filter((f) => f.required).map((f) => `${spelling.display(f)} <${f.placeholder}>`),
    ...command.bodyFlags.filter((b) => b.required).map((b) => `--${b.name} <${b.placeholder}>`),
  ].join(' ')} [options]`.replace(/\s+/g, ' ');
  const formats: [string, string][] = isList
    ? [
        [
          'table',
          'fixed-width columns fitted to the terminal (default 100 wide when not a terminal); widths come from the spec so rows stream; `columns` is the same, as twilio-cli names it',
        ],
        ['json', 'one JSON array, streamed'],
        ['ndjson', 'one JSON object per line'],
        ['csv', 'RFC 4180 with a header row'],
        ['tsv', 'tab-separated with a header row; tabs and line breaks in values written as \\t, \\n'],
      ]
    : [
        ['table', 'one property per line, with its value in full (also `columns`)'],
        ['json', 'the record, indented'],
        ['ndjson', 'the record on one line'],
        ['csv', 'RFC 4180: a header row and one row'],
        ['tsv', 'tab-separated: a header row and one row'],
      ];
  const options = [
    row('-o, --output <format>', `${OUTPUT_FORMATS.join(' | ')} (default: table). -f, --format is the same option`, column),
    ...formats.map(([name, text]) => `${' '.repeat(column + 2)}${name.padEnd(8)}${wrap(text, column + 2 + 8)}`),
    row(
      '-p, --properties <list>',
      `Comma-separated ${schema} properties to print, in order, as the API names them or in camelCase (twilio-cli's spelling); output keeps the API's names. Default: ${
        isList ? `table ${command.defaultProperties.join(',')}; csv/tsv all; json/ndjson whole objects.` : 'every property.'
      }${names.length ? ` Valid: ${names.join(', ')}` : ''}`,
      column,
    ),
    row('    --no-header', 'Print no header row (table, csv, tsv)', column),
    ...(isList ? [row(`${compat ? '-l, ' : '    '}--limit <n>`, `Stop after n ${many} (fetches no page it does not need)`, column)] : []),
    row(
      `${compat ? '    ' : '-l, '}--log-level <level>`,
      `${LOG_LEVELS.join(' | ')} (default: info). debug prints each request and response line to stderr, without headers or secrets`,
      column,
    ),
    ...(command.confirm ? [row('    --yes', 'Remove without asking (needed when stdin is not a terminal)', column)] : []),
    row(
      '    --base-url <url>',
      `API base URL, an origin with an optional path prefix (default ${defaultOrigin()}), e.g. a mock server`,
      column,
    ),
    row('-h, --help', 'Show this help', column),
  ];
  const parameters = command.flags.map((f) => row(flagLabel(f, spelling), flagText(f, spelling), column));
  const bodyFlags = command.bodyFlags.map((b) => row(`    --${b.name} <${b.placeholder}>`, bodyFlagText(b), column));
  const lead = [op.summary, `${op.method} ${op.path}`].filter(Boolean).join('\n');
  // Each part a sentence of its own, whether or not the spec's description ends with a full stop.
  const about = [
    op.description && !/[.!?]$/.test(op.description.trim()) ? `${op.description.trim()}.` : op.description,
    isList ? `Prints every page, rows as they arrive; memory stays flat however many ${many} there are.` : '',
    command.confirm
      ? 'Asks for confirmation on a terminal; with --yes it does not ask, and with no terminal it needs --yes. Prints nothing on stdout; says what it removed on stderr (not with -l warn or quieter).'
      : '',
    !isList && !command.confirm && op.method !== 'GET' ? 'Prints the record the API answers, in the chosen format and properties.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${lead}

${wrap(about, 0)}

Usage:
  ${usage}
${parameters.length ? `\nParameters (from the spec):\n${parameters.join('\n')}\n` : ''}${
  bodyFlags.length ? `\nBody fields (from the spec; sent as ${op.body?.mediaType}):\n${bodyFlags.join('\n')}\n` : ''
}
Options:
${options.join('\n')}
${isList ? `\nOn a terminal, stderr shows a progress line (${many}, pages, ${many}/s); never when piped.\n` : ''}
${CREDENTIALS}

${EXIT_CODES}

Examples:
${commandExamples(bin, command, spelling, compat)
  .map((l) => `  ${l}`)
  .join('\n')}
`;
}

function commandExamples(bin: string, command: Command, spelling: Spelling, compat: boolean): string[] {
  const call = `${invocation(bin, command, compat)} ${requiredArgs(command, spelling)}`.trimEnd();
  const props = command.defaultProperties.slice(0, 3).join(',');
  if (command.confirm) return [call, `${call} --yes`];
  if (!command.operation.list) {
    const optional = command.bodyFlags.find((b) => !b.required);
    return [
      call,
      `${call} -o json`,
      ...(props ? [`${call} --properties ${props}`] : []),
      ...(optional ? [`${call} --${optional.name} <${optional.placeholder}>`] : []),
    ];
  }
  const pageSize = command.flags.find((f) => f.parameter.name === PAGE_SIZE_PARAMETER);
  return [
    call,
    ...(props ? [`${call} --limit 20 --properties ${props}`] : []),
    `${call} --format ndjson`,
    `${call} --format csv${pageSize ? ` --${pageSize.name} ${pageSize.parameter.schema.maximum}` : ''} > ${command.resource}.csv`,
    `${call} --base-url http://127.0.0.1:4010`,
  ];
}
