import type { JsonObject } from './bundle-spec.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
// The schema keywords a client needs to check an input before sending it.
const RULE_KEYS = ['type', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'default', 'enum'];

type Obj = Record<string, any>;

function pick(schema: Obj): Obj {
  return Object.fromEntries(RULE_KEYS.filter((k) => k in schema).map((k) => [k, schema[k]]));
}

/** A list operation is one whose 200 JSON body has a `meta` page object beside one array of items. */
function listShape(operation: Obj): { itemsKey: string } | null {
  const body = operation.responses?.['200']?.content?.['application/json']?.schema;
  const props: Obj | undefined = body?.properties;
  if (!props?.meta?.properties?.next_page_url || !props.meta.properties.key) return null;
  const arrays = Object.keys(props).filter((k) => k !== 'meta' && props[k]?.type === 'array');
  return arrays.length === 1 ? { itemsKey: arrays[0]! } : null;
}

/** Renders a compact runtime table of every operation: method, path, parameter rules, list shape. */
export function renderOperations(dereferenced: JsonObject): string {
  const table: Obj = {};
  for (const [path, item] of Object.entries(dereferenced.paths as Obj)) {
    for (const method of METHODS) {
      const operation = (item as Obj)[method];
      if (!operation) continue;
      const params = [...((item as Obj).parameters ?? []), ...(operation.parameters ?? [])].map((p: Obj) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema: pick(p.schema ?? {}),
      }));
      table[operation.operationId] = {
        method: method.toUpperCase(),
        path,
        parameters: params,
        list: listShape(operation),
      };
    }
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
  ].join('\n');
}
