import type { JsonObject } from './json-object.js';
import { type WalkedCollection, walkCollections } from './walk-collections.js';
import { type WalkedOperation, walkOperations } from './walk-operations.js';

/** A server of the spec: where its paths are served. */
export interface WalkedServer {
  readonly url: string;
  readonly description?: string;
}

/** Everything a layer reads of a spec, from one walk. */
export interface WalkedDocument {
  readonly operations: readonly WalkedOperation[];
  readonly collections: readonly WalkedCollection[];
  readonly servers: readonly WalkedServer[];
  /** The first server's URL: where a client sends requests unless told otherwise. */
  readonly defaultBaseUrl: string;
  /** The component schema of the error body (the 4XX responses' JSON body), or null when none names one. */
  readonly errorSchema: string | null;
}

/** The spec's `servers`, in order (entries without a URL skipped). */
export function walkServers(document: unknown): readonly WalkedServer[] {
  const servers: unknown = (document as JsonObject).servers;
  if (!Array.isArray(servers)) return [];
  return servers
    .filter((s): s is JsonObject => typeof s?.url === 'string' && s.url !== '')
    .map((s) => ({ url: s.url, ...(typeof s.description === 'string' ? { description: s.description } : {}) }));
}

/** The first server's URL; a spec without one is an error (a client would not know where to send). */
export function defaultBaseUrlOf(document: unknown): string {
  const first = walkServers(document)[0];
  if (!first) throw new Error('The spec names no server: `servers` needs an entry with a URL (servers[0].url)');
  return first.url;
}

/** The component name of the 4XX responses' JSON body (the first that names one, in walk order), by `componentName`. */
export function walkErrorSchema(document: unknown, operations: readonly WalkedOperation[] = walkOperations(document)): string | null {
  for (const op of operations) {
    for (const response of Object.values(op.responsesByStatus)) {
      if (/^4/.test(response.status) && /json/.test(response.mediaType ?? '') && response.schemaName) return response.schemaName;
    }
  }
  return null;
}

/** One walk of the whole document: operations, collections, servers, the default base URL and the error schema. */
export function walkDocument(document: unknown): WalkedDocument {
  const operations = walkOperations(document);
  return {
    operations,
    collections: walkCollections(operations),
    servers: walkServers(document),
    defaultBaseUrl: defaultBaseUrlOf(document),
    errorSchema: walkErrorSchema(document, operations),
  };
}
