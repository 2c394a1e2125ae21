import { type JsonObject, pascalCase, type WalkedOperation } from '../../packages/types/src/spec/index.js';

const q = (s: string): string => `'${s.replace(/[\\']/g, '\\$&')}'`;

const doc = (text: string | undefined): string[] => (text ? [`/** ${text.split('\n')[0]!.replace(/\*\//g, '*\\/').trim()} */`] : []);

/**
 * Friendly names over openapi-typescript's types: one per component schema (`Order`), and per operation
 * `<OperationId>PathParams`, `<OperationId>Query`, `<OperationId>Response` (its success body, when it has one) and
 * `<OperationId>Body` (its request body). List operations also get `List<Resource>…` (`ListSessionsQuery`), the
 * names the hand-written aliases had before they were generated. Two names that would stand for different types
 * fail the generator, naming both sources; a name that stands for the same type twice (an operation's
 * `<Id>Response` that is the component of that name) is written once.
 */
export function renderAliases(document: JsonObject, operations: readonly WalkedOperation[]): string {
  const out = ["import type { components, operations } from './schema.gen.js';", ''];
  const taken = new Map<string, { target: string; source: string }>();
  const alias = (name: string, type: string, source: string, comment?: string, target = type) => {
    const had = taken.get(name);
    if (had?.target === target) return;
    if (had) throw new Error(`name clash: ${name} is both ${had.source} and ${source}; rename one in the spec`);
    taken.set(name, { target, source });
    out.push(...doc(comment), `export type ${name} = ${type};`);
  };
  const schemaType = (name: string) => `components['schemas'][${q(name)}]`;
  for (const [name, schema] of Object.entries<JsonObject>(document.components?.schemas ?? {})) {
    alias(pascalCase(name), schemaType(name), `component schema ${name}`, schema.description);
  }
  for (const op of operations) {
    const o = `operations[${q(op.operationId)}]`;
    const names = [pascalCase(op.operationId)];
    if (op.list) names.push(`List${pascalCase(op.resource)}`);
    const { status, mediaType, schemaName } = op.success;
    for (const base of names) {
      const from = (what: string) => `the ${what} of ${op.operationId}`;
      alias(
        `${base}PathParams`,
        `${o}['parameters']['path']`,
        from('path parameters'),
        `Path parameters of ${op.operationId}: ${op.summary ?? op.path}`,
      );
      alias(`${base}Query`, `NonNullable<${o}['parameters']['query']>`, from('query'), `Query parameters of ${op.operationId}.`);
      if (mediaType)
        alias(
          `${base}Response`,
          `${o}['responses'][${q(status)}]['content'][${q(mediaType)}]`,
          from(`${status} body`),
          `The ${status} body of ${op.operationId}.`,
          schemaName ? schemaType(schemaName) : undefined,
        );
      if (op.body)
        alias(
          `${base}Body`,
          `NonNullable<${o}['requestBody']>['content'][${q(op.body.mediaType)}]`,
          from('request body'),
          `The request body of ${op.operationId} (${op.body.mediaType}).`,
          op.body.schemaName ? schemaType(op.body.schemaName) : undefined,
        );
    }
  }
  return `${out.join('\n')}\n`;
}
