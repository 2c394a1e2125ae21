import { openapiDocument, walkedSpec } from '@twilio-proxy/types/openapi-document';
import {
  findOperation,
  type JsonObject,
  collectionOfSchema as ownerOfSchema,
  pathShape,
  sidShapeOf,
  type WalkedCollection,
  type WalkedOperation,
} from '@twilio-proxy/types/walker';

/** Small readers over the spec's one walk (`walkedSpec()`): the one place other modules learn API facts from. */

export type SpecOperation = WalkedOperation;

let byId: Map<string, WalkedOperation> | undefined;

/** Every operation of the document (the shared walk), by operationId. */
export function specOperations(): Map<string, WalkedOperation> {
  byId ??= new Map(walkedSpec().operations.map((op) => [op.operationId, op]));
  return byId;
}

export function specOperation(operationId: string): WalkedOperation {
  return specOperations().get(operationId) ?? findOperation(walkedSpec().operations, operationId);
}

export function componentSchema(name: string): JsonObject {
  const schema = openapiDocument.components?.schemas?.[name];
  if (!schema) throw new Error(`The spec has no components.schemas.${name}`);
  return schema;
}

/** The component schema of the error body (the one every 4XX response shares), by name (the walker's `walkErrorSchema`). */
export function errorSchemaName(): string {
  const name = walkedSpec().errorSchema;
  if (!name) throw new Error('The spec documents no error response with a component schema');
  return name;
}

/** The schema of a response header by its name (e.g. the request id), from any operation that documents it. */
export function responseHeaderSchema(name: string): JsonObject | undefined {
  const lower = name.toLowerCase();
  for (const op of specOperations().values()) {
    for (const response of Object.values(op.responsesByStatus)) {
      for (const [h, header] of Object.entries(response.headers)) if (h.toLowerCase() === lower && header?.schema) return header.schema;
    }
  }
  return undefined;
}

/** The first server URL of the spec (where real resource URLs point); throws when the spec names none. */
export function specServerUrl(): string {
  return walkedSpec().defaultBaseUrl;
}

/** Whether a pattern is a Twilio SID pattern (the walker's `sidShapeOf` reads it). */
export const isSidPattern = (pattern: unknown): pattern is string => typeof pattern === 'string' && sidShapeOf({ pattern }) !== null;

/** A collection of the spec (see `walkCollections`), with its parents' collections linked and its SID property. */
export interface Collection extends Omit<WalkedCollection, 'parents'> {
  /** The path parameters naming the parents, in path order. */
  readonly parentParams: readonly string[];
  /** For each parent parameter: the collection whose items it names, or null for a root parent. */
  readonly parentOwners: ReadonlyArray<Collection | null>;
  /** For each parent parameter: the item property that holds its value (the walker's), or null when the item has none. */
  readonly parentProperties: ReadonlyArray<string | null>;
}

/** Walked collections (parents before children) with their parents' collections linked: the spec's, or a test's. */
export function linkCollections(walked: readonly WalkedCollection[]): Collection[] {
  const byPath = new Map<string, Collection>();
  return walked.map((c) => {
    const { parents, ...rest } = c;
    const collection: Collection = {
      ...rest,
      parentParams: parents.map((p) => p.param),
      parentOwners: parents.map((p) => (p.owner === null ? null : (byPath.get(p.owner) ?? null))),
      parentProperties: parents.map((p) => p.property),
    };
    byPath.set(c.path, collection);
    return collection;
  });
}

let collections: Collection[] | undefined;

/** Every collection of the spec, parents before children (then in path order): deterministic. */
export function specCollections(): readonly Collection[] {
  collections ??= linkCollections(walkedSpec().collections);
  return collections;
}

/** The collection an item schema belongs to (the walker's rule: the deepest, when several list it). */
export function collectionOfSchema(schema: string): Collection | undefined {
  return ownerOfSchema(specCollections(), schema);
}

/** The collection of an operationId or a resource name. */
export function findCollection(key: string): Collection {
  const found = specCollections().find((c) => c.resource === key || c.operations.some((o) => o.operationId === key));
  if (!found) {
    const known = specCollections().flatMap((c) => [c.resource, ...c.operations.map((o) => o.operationId)]);
    throw new Error(`No collection for ${JSON.stringify(key)}; the spec has ${known.join(', ')}`);
  }
  return found;
}

/** The literal segments of the collections nested right under an item path (for `uri-map` links). */
export function childSegments(itemPath: string): string[] {
  const shape = pathShape(itemPath);
  return specCollections()
    .filter((c) => {
      const rest = pathShape(c.path);
      return rest.startsWith(`${shape}/`) && /^\/[^/{}]+$/.test(rest.slice(shape.length));
    })
    .map((c) => c.path.split('/').at(-1)!)
    .filter((s, i, all) => all.indexOf(s) === i);
}

/**
 * The path parameter schema of a parameter name, from any operation that has it: the SID's schema where a name may
 * stand for the SID (the values this package makes are SIDs).
 */
export function pathParamSchema(name: string): JsonObject | undefined {
  for (const op of specOperations().values()) {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    if (p) return p.orName?.sid ?? p.schema;
  }
  return undefined;
}
