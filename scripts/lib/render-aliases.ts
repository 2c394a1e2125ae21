import { type JsonObject, pascalCase, type WalkedOperation } from '../../packages/types/src/walker/index.js';

import { literal as q, tsdoc } from './emit.js';

const doc = (text: string | undefined): string[] => (text ? [tsdoc(text, '', { firstLine: true })] : []);

/**
 * Friendly names over openapi-typescript's types: one per component schema (`Order`), and per operation
 * `<OperationId>PathParams`, `<OperationId>Query`, `<OperationId>Response` (its success body, when it has one) and
 * `<OperationId>Body` (its request body): the one documented name of each. List operations also get
 * `List<Resource>…` (`ListSessionsQuery`), the names the hand-written aliases had before they were generated: each
 * is the same type as its `<OperationId>…` twin, `@deprecated` until the next major. Two names that would stand for
 * different types fail the generator, naming both sources; a name that stands for the same type twice (an operation's
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
    const own = pascalCase(op.operationId);
    // `<OperationId>…` is the one name per operation; `List<Resource>…` (older code's) is kept, deprecated, until the next major.
    const names = [own];
    if (op.list) names.push(`List${pascalCase(op.resource)}`);
    const { status, mediaType, schemaName } = op.success;
    for (const base of names) {
      const from = (what: string) => `the ${what} of ${op.operationId}`;
      const about = (suffix: string, text: string) =>
        base === own
          ? text
          : `${text.replace(/\.?$/, '.')} @deprecated Use {@link ${own}${suffix}}, the same type; this name goes in the next major.`;
      alias(
        `${base}PathParams`,
        `${o}['parameters']['path']`,
        from('path parameters'),
        about('PathParams', `Path parameters of ${op.operationId}: ${op.summary ?? op.path}`),
      );
      alias(
        `${base}Query`,
        `NonNullable<${o}['parameters']['query']>`,
        from('query'),
        about('Query', `Query parameters of ${op.operationId}.`),
      );
      if (mediaType)
        alias(
          `${base}Response`,
          `${o}['responses'][${q(status)}]['content'][${q(mediaType)}]`,
          from(`${status} body`),
          about('Response', `The ${status} body of ${op.operationId}.`),
          schemaName ? schemaType(schemaName) : undefined,
        );
      if (op.body)
        alias(
          `${base}Body`,
          `NonNullable<${o}['requestBody']>['content'][${q(op.body.mediaType)}]`,
          from('request body'),
          about('Body', `The request body of ${op.operationId} (${op.body.mediaType}).`),
          op.body.schemaName ? schemaType(op.body.schemaName) : undefined,
        );
    }
  }
  return `${out.join('\n')}\n`;
}
