import type { JsonObject, WalkedOperation } from '../../packages/types/src/walker/index.js';
import { literal } from './emit.js';

// The schema keywords a client needs to check an input before sending it.
const RULE_KEYS = ['type', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'default', 'enum'];

/** The checkable keywords; an `anyOf` (a SID or a name in its place) keeps each branch's. */
const pick = (schema: JsonObject): JsonObject => ({
  ...Object.fromEntries(RULE_KEYS.filter((k) => k in schema).map((k) => [k, schema[k]])),
  ...(Array.isArray(schema.anyOf) ? { anyOf: schema.anyOf.map(pick) } : {}),
});

/**
 * Renders a compact runtime table of every operation (method, path and its parameters, parameter and body rules
 * with each parameter's option name and role, success status, list shape and paging, date fields, resource and
 * action), and the spec's first server URL as `defaultBaseUrl`.
 */
export function renderOperations(operations: readonly WalkedOperation[], defaultBaseUrl: string): string {
  const table: JsonObject = {};
  for (const op of operations) {
    table[op.operationId] = {
      method: op.method,
      path: op.path,
      resource: op.resource,
      action: op.action,
      schema: op.schema,
      pathParams: op.pathParams,
      parameters: op.parameters
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, option: p.option, role: p.role, required: p.required, schema: pick(p.schema) })),
      list: op.list,
      dateFields: op.dateFields,
      success: { status: op.success.status, hasBody: op.success.schema !== null },
      body: op.body && {
        mediaType: op.body.mediaType,
        fields: op.body.fields.map((f) => ({
          name: f.name,
          option: f.option,
          required: f.required,
          schema: { ...pick(f.schema), ...(f.items ? { items: pick(f.items) } : {}) },
        })),
      },
    };
  }
  return [
    "import type { OperationMeta } from '../operation-meta.js';",
    '',
    '/** Every operation of the spec, with what a client needs at run time. */',
    `export const operationsMeta = ${JSON.stringify(table, null, 2)} as const satisfies Record<string, OperationMeta>;`,
    '',
    '/** The operationIds of the spec. */',
    'export type OperationId = keyof typeof operationsMeta;',
    '',
    "/** The spec's first server URL: where a client sends requests unless told otherwise. */",
    `export const defaultBaseUrl = ${literal(defaultBaseUrl)};`,
    '',
  ].join('\n');
}
