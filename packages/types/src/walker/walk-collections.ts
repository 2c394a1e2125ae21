import { pathParamNames, snakeCase } from './naming.js';
import type { WalkedOperation } from './walk-operations.js';

/**
 * A collection of the API: the items one list path holds, with every operation on the collection path or on
 * its item path (`…/Things` and `…/Things/{Sid}` share one). Its path parameters name its parents.
 */
export interface WalkedCollection {
  /** The collection path template (where the list operation lives). */
  readonly path: string;
  readonly resource: string;
  /** The component schema of an item, when the spec names one. */
  readonly schema: string | null;
  /**
   * The parent path parameters in path order; `owner` is the path of the collection whose items the parameter
   * names, or null when the spec has no operation on that collection (a root parent such as an account's service).
   */
  readonly parents: ReadonlyArray<{
    readonly param: string;
    readonly owner: string | null;
    /** The item property that names this parent (`ServiceSid` → `service_sid`), or null when the item schema has none. */
    readonly property: string | null;
  }>;
  /** The item path template (`path/{Sid}`), when the spec has an operation on it. */
  readonly itemPath: string | null;
  /** The last path parameter of `itemPath`: the item's own SID. */
  readonly itemParam: string | null;
  /** The item property that holds its SID: snake_case of `itemParam` when the item schema has it, else `sid`. */
  readonly idProperty: string;
  /** GET on the collection path returning a list page. */
  readonly list: WalkedOperation | null;
  /** GET on the item path. */
  readonly fetch: WalkedOperation | null;
  /** Every operation on the collection or item path, in walk order. */
  readonly operations: readonly WalkedOperation[];
}

/** `/v1/A/{ASid}/Bs` → `/v1/A/{}/Bs`: the shape of a path whatever its parameters are called. */
export const pathShape = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');

/** The path up to its last literal segment: where the collection of an operation lives. */
export function collectionPathOf(path: string): string {
  const segments = path.split('/');
  while (segments.length && segments.at(-1)!.startsWith('{')) segments.pop();
  return segments.join('/');
}

/** Groups walked operations into collections, parents before children (then in path order): deterministic. */
export function walkCollections(operations: readonly WalkedOperation[]): WalkedCollection[] {
  const groups = new Map<string, WalkedOperation[]>();
  for (const op of operations) {
    const key = collectionPathOf(op.path);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const byShape = new Map<string, string>();
  const depth = (p: string) => p.split('/').length;
  const sorted = [...groups.keys()].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map((path) => {
    const group = groups.get(path)!;
    const list = group.find((o) => o.method === 'GET' && o.path === path && o.list) ?? null;
    const itemPath =
      group
        .filter((o) => o.path !== path)
        .map((o) => o.path)
        .sort()[0] ?? null;
    const fetch = group.find((o) => o.method === 'GET' && o.path === itemPath && !o.list) ?? null;
    const properties = (list ?? fetch ?? group.find((o) => o.item))?.item?.properties ?? {};
    const propertyOf = (param: string) => (snakeCase(param) in properties ? snakeCase(param) : null);
    const parents = pathParamNames(path).map((param) => {
      const prefix = path.slice(0, path.indexOf(`{${param}}`) - 1);
      return { param, owner: byShape.get(pathShape(prefix)) ?? null, property: propertyOf(param) };
    });
    const itemParam = itemPath ? (pathParamNames(itemPath).at(-1) ?? null) : null;
    byShape.set(pathShape(path), path);
    return {
      path,
      resource: group[0]!.resource,
      schema: list?.schema ?? fetch?.schema ?? group.find((o) => o.schema)?.schema ?? null,
      parents,
      itemPath,
      itemParam,
      idProperty: (itemParam && propertyOf(itemParam)) ?? 'sid',
      list,
      fetch,
      operations: group,
    };
  });
}

/**
 * The collection whose items a schema's factory makes: the deepest that holds it (the most parents; the first in
 * walk order on a tie). Adding a shallower collection of the same schema never takes it over, so a factory's
 * parent options only grow as the spec grows.
 */
export function collectionOfSchema<C extends Pick<WalkedCollection, 'schema' | 'path'>>(
  collections: readonly C[],
  schema: string,
): C | undefined {
  const depth = (c: C) => pathParamNames(c.path).length;
  let found: C | undefined;
  for (const c of collections) if (c.schema === schema && (!found || depth(c) > depth(found))) found = c;
  return found;
}
