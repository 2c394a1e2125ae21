export { runCli, commandsOfSpec, compatResource } from './core/run.js';
export type { CliContext, CliOutput } from './core/context.js';
export { buildCommands, groupByResource, PAGE_SIZE_PARAMETER, type Command, type Flag } from './core/commands.js';
export type { PropertyInfo } from './internal/item-schema.js';
export { ExitCode, UsageError } from './core/exit-codes.js';
export { createFormatter, OUTPUT_FORMATS, type FormatterOptions, type OutputFormat, type RowFormatter } from './core/output-format.js';
export { formatRecord } from './core/record-format.js';
export type { OperationSource, OperationParams, CreateSource, SourceOptions, Credentials } from './core/source.js';
