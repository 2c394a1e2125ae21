/**
 * Test helpers of the generator tables: inline specs in, the real walker, every renderer's output out.
 * `walkInline` and the spec builders live with the walker (packages/types/test/helpers/), so package tests and
 * these tables build their operations the same way.
 */

import { defaultBaseUrlOf, type JsonObject } from '../../../packages/types/src/walker/index.js';
import { walkInline } from '../../../packages/types/test/helpers/walk-inline.js';
import { renderAliases } from '../../lib/render-aliases.js';
import { renderClient } from '../../lib/render-client.js';
import { renderContract } from '../../lib/render-contract.js';
import { renderOperations } from '../../lib/render-operations.js';

export * from '../../../packages/types/test/helpers/inline-spec.js';
export * from '../../../packages/types/test/helpers/walk-inline.js';

/** Every synchronous renderer's output for an inline spec (openapi-typescript's types aside: see render-types' table). */
export function renderInline(document: JsonObject): {
  aliases: string;
  client: string;
  operations: string;
  factories: string;
  names: string;
} {
  const { dereferenced, operations } = walkInline(document);
  const contract = renderContract(dereferenced, operations);
  return {
    aliases: renderAliases(document, operations),
    client: renderClient(dereferenced, operations),
    operations: renderOperations(operations, defaultBaseUrlOf(dereferenced)),
    factories: contract.get('factories.gen.ts')!,
    names: contract.get('names.gen.ts')!,
  };
}

/**
 * The names a generated file declares: each `export`ed name, and each member of an exported interface or object
 * type as `Interface.member`. A spec that only grows must keep every one of them (the "names only grow" check).
 */
export function declaredNames(text: string): Set<string> {
  const names = new Set<string>();
  let inside: string | null = null;
  for (const line of text.split('\n')) {
    const head = /^export (?:declare )?(?:type|interface|const|function) (\w+)/.exec(line);
    if (head) {
      names.add(head[1]!);
      inside = line.trimEnd().endsWith('{') ? head[1]! : null;
      continue;
    }
    for (const m of line.matchAll(/^export type \{ ([^}]+) \}/g)) for (const n of m[1]!.split(', ')) names.add(n);
    if (line.startsWith('}')) inside = null;
    const member = inside && /^ {2}(?:readonly )?(\w+)\??[:(]/.exec(line);
    if (member) names.add(`${inside}.${member[1]}`);
  }
  return names;
}

/** The lines of `text` from the first one starting with `start` up to the next blank line: one declaration. */
export function block(text: string, start: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(start));
  if (from < 0) throw new Error(`no line starts with ${JSON.stringify(start)}`);
  const to = lines.findIndex((l, i) => i > from && l === '');
  return lines.slice(from, to < 0 ? undefined : to).join('\n');
}
