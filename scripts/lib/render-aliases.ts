import { type JsonObject, pascalCase, type WalkedOperation } from '../../packages/types/src/spec/index.js';

const q = (s: string): string => (/^[\w.-]+$/.test(s) ? `'${s}'` : JSON.stringify(s));

const doc = (text: string | undefined): string[] => (text ? [`/** ${text.split('\n')[0]!.replace(/\*\//g, '*\\/').trim()} */`] : []);

/** The status key of the operation's success body in openapi-typescript's `responses`. */
const successStatus = (op: WalkedOperation): string | undefined =>
  ['200', '201', '202'].find((k) => op.responses[k]?.content?.['application/json']);

/**
 * Friendly names over openapi-typescript's types: one per component schema (`Order`), and per operation
 * `<OperationId>PathParams`, `<OperationId>Query`, `<OperationId>Response`. List operations also get
 * `List<Resource>…` (`ListSessionsQuery`), the names the hand-written aliases had before they were generated.
 */
export function renderAliases(document: JsonObject, operations: readonly WalkedOperation[]): string {
  const out = ["import type { components, operations } from './schema.gen.js';", ''];
  const taken = new Set<string>();
  const alias = (name: string, type: string, comment?: string) => {
    if (taken.has(name)) return;
    taken.add(name);
    out.push(...doc(comment), `export type ${name} = ${type};`);
  };
  for (const [name, schema] of Object.entries<JsonObject>(document.components?.schemas ?? {})) {
    alias(pascalCase(name), `components['schemas'][${q(name)}]`, schema.description);
  }
  for (const op of operations) {
    const o = `operations[${q(op.operationId)}]`;
    const names = [pascalCase(op.operationId)];
    if (op.list) names.push(`List${pascalCase(op.resource)}`);
    const status = successStatus(op);
    for (const base of names) {
      alias(`${base}PathParams`, `${o}['parameters']['path']`, `Path parameters of ${op.operationId}: ${op.summary ?? op.path}`);
      alias(`${base}Query`, `NonNullable<${o}['parameters']['query']>`, `Query parameters of ${op.operationId}.`);
      if (status)
        alias(`${base}Response`, `${o}['responses'][${status}]['content']['application/json']`, `The ${status} body of ${op.operationId}.`);
    }
  }
  return `${out.join('\n')}\n`;
}
