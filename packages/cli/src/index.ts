export { type BodyFlag, buildCommands, type Command, type Flag, groupByResource, PAGE_SIZE_PARAMETER } from './core/commands.js';
export type { CliContext, CliOutput } from './core/context.js';
export { ExitCode, UsageError } from './core/exit-codes.js';
export type { CreateSource, Credentials, OperationParams, OperationSource, SourceOptions } from './core/operation-source.js';
export { createFormatter, type FormatterOptions, OUTPUT_FORMATS, type OutputFormat, type RowFormatter } from './core/output-format.js';
export { formatRecord } from './core/record-format.js';
export { commandsOfSpec, compatResource, runCli } from './core/run.js';
export type { PropertyInfo } from './internal/item-schema.js';
