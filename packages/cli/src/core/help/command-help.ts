import { wrap } from '../../internal/wrap.js';
import { type Command, PAGE_SIZE_PARAMETER } from '../commands.js';
import { LOG_LEVELS } from '../log-level.js';
import { OUTPUT_FORMATS } from '../output-format.js';
import type { Spelling } from '../parse-command.js';
import { bodyFlagText, flagLabel, flagText } from './flag-text.js';
import { CREDENTIALS, defaultOrigin, EXIT_CODES, invocation, requiredArgs, row } from './shared.js';

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
