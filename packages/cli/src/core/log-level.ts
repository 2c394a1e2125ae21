import { redact } from '@twilio-proxy/client';

/** twilio-cli's levels (`-l, --log-level`), quietest last; `info` is the default. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'none'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Lines for stderr at or above a level, each with every secret removed; stdout is left to the data. */
export interface CliLogger {
  readonly level: LogLevel;
  debug(line: string): void;
  info(line: string): void;
}

export function createLogger(level: LogLevel, stderr: { write(chunk: string): unknown }, secrets: readonly string[]): CliLogger {
  const at = LOG_LEVELS.indexOf(level);
  // Secrets are read at each write: the credentials are only known after the arguments are parsed.
  const write = (min: LogLevel, prefix: string, line: string) => {
    if (at <= LOG_LEVELS.indexOf(min)) stderr.write(redact(`${prefix}${line}\n`, secrets));
  };
  return {
    level,
    debug: (line) => write('debug', '[DEBUG] ', line),
    info: (line) => write('info', '', line),
  };
}
