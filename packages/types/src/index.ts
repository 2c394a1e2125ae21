export type { paths, components, operations, webhooks, $defs } from './generated/schema.gen.js';
export type * from './generated/aliases.gen.js';
export { operationsMeta, type OperationId } from './generated/operations.gen.js';
export type { OperationMeta, ParameterMeta, ParameterRule } from './operation-meta.js';
