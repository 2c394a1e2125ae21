export { runCli, type CliContext, type CliOutput } from './core/run.js';
export { ExitCode, UsageError } from './core/exit-codes.js';
export { createFormatter, OUTPUT_FORMATS, DEFAULT_TABLE_PROPERTIES, type OutputFormat, type RowFormatter } from './core/output-format.js';
export type { SessionsSource, CreateSource, SourceOptions, Credentials } from './core/sessions-source.js';
