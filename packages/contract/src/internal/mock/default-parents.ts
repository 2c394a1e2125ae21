import type { Collection } from '../walked-spec.js';

/** A parent path parameter and the collection that lists its values (null: a root, which nothing lists). */
export interface ParentParam {
  readonly param: string;
  readonly owner: Collection | null;
}

/** Every parent path parameter of the spec once, parents before children (the collections' order). */
export function parentParamsOf(collections: readonly Collection[]): ParentParam[] {
  const seen = new Map<string, ParentParam>();
  for (const c of collections)
    c.parentParams.forEach((param, i) => {
      if (!seen.has(param)) seen.set(param, { param, owner: c.parentOwners[i] ?? null });
    });
  return [...seen.values()];
}

/**
 * Whether every parent of a collection is a root: a root parameter, or an item of a collection that has no parents
 * itself (a root resource listing `{ParentSid}`). Such a collection under the default parents holds `count` items, whether
 * the spec lists its parent or not, so adding the parent's collection to the spec changes nothing it serves.
 */
export const isTopLevel = (c: Collection): boolean => c.parentOwners.every((o) => o === null || o.parentParams.length === 0);
