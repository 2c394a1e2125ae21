import { dereferenceDocument, type JsonObject, type WalkedOperation, walkOperations } from '../../src/walker/index.js';

/** What `pnpm generate` has in hand after the walk: the document as given, its dereferenced copy and the operations. */
export interface WalkedInline {
  /** The document as given (components still named by `$ref`): what openapi-typescript and the aliases read. */
  readonly document: JsonObject;
  /** Every `$ref` inlined, each component marked with its name: what the other renderers read. */
  readonly dereferenced: JsonObject;
  readonly operations: WalkedOperation[];
}

/**
 * Runs an inline OpenAPI document through the real walker, the way `scripts/generate.ts` does after its bundle
 * step: `dereferenceDocument`, then `walkOperations`. No file, no Redocly: a test's spec is a JS object, so a
 * row of a table runs in milliseconds.
 */
export function walkInline(document: JsonObject): WalkedInline {
  const dereferenced = dereferenceDocument(document);
  return { document, dereferenced, operations: walkOperations(dereferenced) };
}

/** One walked operation by operationId (a test's lookup; throws listing what the walk found). */
export function operationOf(walked: WalkedInline, operationId: string): WalkedOperation {
  const op = walked.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no ${operationId}; walked ${walked.operations.map((o) => o.operationId).join(', ')}`);
  return op;
}
