import { openapiDocument } from '@twilio-proxy/types/openapi-document';

/** Small readers over the bundled, dereferenced spec: the one place other modules learn API facts from. */

export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly any[];
  readonly responses: Record<string, any>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let operations: Map<string, SpecOperation> | undefined;

/** Every operation of the document by operationId; path-level parameters merged with operation-level ones. */
export function specOperations(): Map<string, SpecOperation> {
  if (operations) return operations;
  operations = new Map();
  for (const [path, item] of Object.entries(openapiDocument.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const byKey = new Map<string, any>();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) byKey.set(`${p.in}:${p.name}`, p);
      operations.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters: [...byKey.values()],
        responses: op.responses ?? {},
      });
    }
  }
  return operations;
}

export function specOperation(operationId: string): SpecOperation {
  const op = specOperations().get(operationId);
  if (!op) throw new Error(`Unknown operationId ${JSON.stringify(operationId)}; the spec has ${[...specOperations().keys()].join(', ')}`);
  return op;
}

export function componentSchema(name: string): any {
  const schema = openapiDocument.components?.schemas?.[name];
  if (!schema) throw new Error(`The spec has no components.schemas.${name}`);
  return schema;
}

export function componentHeader(name: string): any {
  const header = openapiDocument.components?.headers?.[name];
  if (!header) throw new Error(`The spec has no components.headers.${name}`);
  return header;
}

/** The first server URL of the spec (where real resource URLs point). */
export function specServerUrl(): string {
  const servers = openapiDocument['servers'] as Array<{ url: string }> | undefined;
  return servers?.[0]?.url ?? 'https://api.twilio.com';
}

/**
 * Splits a Twilio SID pattern such as `^KC[0-9a-fA-F]{32}$` into its prefix and hex length,
 * so generators follow the spec instead of a copied regex.
 */
export function parseSidPattern(pattern: string): { prefix: string; hexLength: number } {
  const m = /^\^([A-Z]+)\[0-9a-fA-F\]\{(\d+)\}\$$/.exec(pattern);
  if (!m) throw new Error(`Not a Twilio SID pattern: ${pattern}`);
  return { prefix: m[1]!, hexLength: Number(m[2]) };
}
