export type * from './generated/aliases.gen.js';
export { defaultBaseUrl, type OperationId, operationsMeta } from './generated/operations.gen.js';
export type { $defs, components, operations, paths, webhooks } from './generated/schema.gen.js';
export type { BodyFieldMeta, BodyFieldRule, OperationMeta, ParameterMeta, ParameterRule } from './operation-meta.js';
