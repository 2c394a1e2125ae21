import { DEFAULT_TABLE_PROPERTIES, OUTPUT_FORMATS } from './output-format.js';
import { sessionPropertyNames } from '../internal/session-schema.js';

export const BIN = 'proxy-sessions';

const EXIT_CODES = `Exit codes:
  0    success (including an empty list)
  1    the API answered with an error (401, 404, 429 after retries, 5xx) or could not be reached
  2    usage error: bad option or value, a SID that breaks the spec's pattern, missing credentials
  130  interrupted (Ctrl-C)`;

const CREDENTIALS = `Credentials (environment, never flags, never printed):
  TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN       Account SID and Auth Token, or
  TWILIO_API_KEY + TWILIO_API_SECRET           an API Key SID and its secret (with TWILIO_ACCOUNT_SID);
                                               the API key is used when both are complete`;

export function mainHelp(version: string): string {
  return `${BIN} ${version}: list Twilio Proxy sessions from a terminal, streaming and scriptable.

Usage:
  ${BIN} <command> [options]

Commands:
  list     List the Sessions of a Proxy Service
  help     Show help for a command

Options:
  -h, --help       Show this help
  -V, --version    Print the version

${CREDENTIALS}

${EXIT_CODES}

Examples:
  ${BIN} list --service KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
  ${BIN} list --service KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --format ndjson | jq .status
  ${BIN} help list
`;
}

export function listHelp(): string {
  return `List the Sessions of a Proxy Service (GET /v1/Services/{ServiceSid}/Sessions), every page,
printing rows as they arrive. Memory stays flat however many sessions there are.

Usage:
  ${BIN} list --service <KS…> [options]

Options:
  -s, --service <sid>         The Service SID (KS followed by 32 hex digits). Required.
  -f, --format <format>       ${OUTPUT_FORMATS.join(' | ')} (default: table)
                                table   fixed-width columns fitted to the terminal (default 100 wide when
                                        not a terminal); widths come from the spec so rows stream
                                json    one JSON array, streamed
                                ndjson  one JSON object per line
                                csv     RFC 4180 with a header row
  -p, --properties <list>     Comma-separated Session properties to print, in order.
                              Default: table ${DEFAULT_TABLE_PROPERTIES.join(',')}; csv all; json/ndjson whole objects.
                              Valid: ${sessionPropertyNames.join(', ')}
  -l, --limit <n>             Stop after n sessions (fetches no page it does not need)
      --page-size <n>         Sessions per request (the API's PageSize; default: the API's)
      --base-url <url>        API origin (default https://proxy.twilio.com), e.g. a mock server
  -h, --help                  Show this help

On a terminal, stderr shows a progress line (sessions, pages, sessions/s); never when piped.

${CREDENTIALS}

${EXIT_CODES}

Examples:
  ${BIN} list --service KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
  ${BIN} list -s KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --limit 20 --properties sid,status,date_updated
  ${BIN} list -s KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --format ndjson | jq -r 'select(.status=="open") | .sid'
  ${BIN} list -s KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --format csv --page-size 1000 > sessions.csv
  ${BIN} list -s KSxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --base-url http://127.0.0.1:4010
`;
}
