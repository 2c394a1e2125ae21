import type { JsonObject } from '@twilio-proxy/types/walker';
import { createFactory, type Factory } from '../../core/fixtures.js';
import { ajvIssues, compiled } from '../ajv.js';
import { createPageTokens } from '../page-token.js';
import type { Collection } from '../walked-spec.js';

type Issue = { path: string; message: string };

/** An item with another SID: every occurrence (its `url` and `links` too) carries the new one. */
function withSid(item: JsonObject, idProperty: string, sid: string): JsonObject {
  const old = item[idProperty];
  if (typeof old !== 'string' || old === sid) return item;
  return JSON.parse(JSON.stringify(item).split(old).join(sid));
}

/** The items of one collection under one set of parent values, in list order. */
export interface Bucket {
  readonly collection: Collection;
  /** The parent values, in the collection's parameter order. */
  readonly parents: readonly string[];
  readonly items: JsonObject[];
  /** Each item serialised once: pages and fetches are then byte copies, which keeps the mock fast and them identical. */
  readonly json: Buffer[];
  readonly indexBySid: Map<string, number>;
  /** Each item's issues against the item schema, when the self-check is on (items are validated once). */
  readonly issues: Issue[][];
  /** Page tokens scoped to this bucket: a token of another collection, parent or server is rejected. */
  readonly tokens: ReturnType<typeof createPageTokens>;
}

export interface StoreOptions {
  readonly collections: readonly Collection[];
  readonly seed: number;
  readonly accountSid: string;
  /** Root parameter values by parameter name (parameters no collection of the spec lists). */
  readonly roots: Readonly<Record<string, string>>;
  /**
   * How many items a bucket starts with, and whether it draws them from the server seed itself (else a per-bucket
   * seed). Default: `topLevelCount` from the server seed when every parent is a root parameter, else `nestedCount`.
   */
  readonly seeding?: (c: Collection, parents: readonly string[]) => { count: number; plainSeed: boolean };
  readonly topLevelCount?: (c: Collection) => number;
  readonly nestedCount?: (c: Collection) => number;
  /** The SID the first item of a bucket must carry (a default parent given by value), if any. */
  readonly firstSid?: (c: Collection, parents: readonly string[]) => string | undefined;
  /** Where items' `url` and `links` point (the factories' `baseUrl`). */
  readonly baseUrl?: string;
  readonly selfCheck: boolean;
  readonly tokenKey: Buffer;
  /** Called whenever stored items change (the page cache listens). */
  readonly onChange: () => void;
}

/** FNV-1a: a stable per-bucket seed from the server seed, the collection and the parent values. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Items keyed by collection and parent path values. Top-level collections (every parent a root parameter) are
 * filled at start; a nested bucket is seeded on first use, from a seed of its own, so the order in which clients
 * look does not change what they see, and a million parents cost nothing until one is read.
 */
export function createStore(options: StoreOptions) {
  const buckets = new Map<string, Bucket>();
  const factories = new Map<Bucket, Factory<JsonObject>>();
  const keyOf = (c: Collection, parents: readonly string[]) => `${c.path}\n${parents.join('\n')}`;
  /** SIDs of items made by writes: a new parent starts with empty child collections, never seeded ones. */
  const written = new Set<string>();
  const seeding =
    options.seeding ??
    ((c: Collection) =>
      c.parentOwners.every((o) => o === null)
        ? { count: options.topLevelCount?.(c) ?? 0, plainSeed: true }
        : { count: options.nestedCount?.(c) ?? 3, plainSeed: false });

  function itemSchemaCheck(c: Collection): ((item: JsonObject) => Issue[]) | undefined {
    const op = c.list ?? c.fetch;
    if (!options.selfCheck || !op) return undefined;
    const schema = op.item;
    if (!schema) return undefined;
    const validate = compiled(`${op.operationId}|item`, schema);
    return (item) => (validate(item) ? [] : ajvIssues(validate.errors));
  }
  const checks = new Map<Collection, ((item: JsonObject) => Issue[]) | undefined>();

  function factoryOf(bucket: Bucket): Factory<JsonObject> | undefined {
    const c = bucket.collection;
    if (!c.schema) return undefined;
    let f = factories.get(bucket);
    if (!f) {
      const parents = Object.fromEntries(c.parentParams.map((p, i) => [p, bucket.parents[i]!]));
      const plain = seeding(c, bucket.parents).plainSeed;
      const seed = plain ? options.seed : (options.seed ^ hash(keyOf(c, bucket.parents))) >>> 0;
      const base = options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl };
      f = createFactory(c.schema, { seed, parents, accountSid: options.accountSid, ...base }) as unknown as Factory<JsonObject>;
      factories.set(bucket, f);
    }
    return f;
  }

  /** Appends items at the end of a bucket's list. */
  function add(bucket: Bucket, items: readonly JsonObject[]): JsonObject[] {
    if (!checks.has(bucket.collection)) checks.set(bucket.collection, itemSchemaCheck(bucket.collection));
    const check = checks.get(bucket.collection);
    const id = bucket.collection.idProperty;
    for (const item of items) {
      const sid = item[id];
      if (sid == null || bucket.indexBySid.has(sid)) throw new Error(`Duplicate or missing ${id} ${sid}`);
      bucket.indexBySid.set(sid, bucket.items.length);
      bucket.items.push(item);
      bucket.json.push(Buffer.from(JSON.stringify(item)));
      if (check) bucket.issues.push(check(item));
    }
    options.onChange();
    return [...items];
  }

  function create(c: Collection, parents: readonly string[]): Bucket {
    const bucket: Bucket = {
      collection: c,
      parents,
      items: [],
      json: [],
      indexBySid: new Map(),
      issues: [],
      tokens: createPageTokens(keyOf(c, parents), options.tokenKey),
    };
    buckets.set(keyOf(c, parents), bucket);
    return bucket;
  }

  /** Whether every parent value names something that exists: a root value, or an item of the parent collection. */
  function parentsExist(c: Collection, parents: readonly string[]): boolean {
    return c.parentParams.every((param, i) => {
      const owner = c.parentOwners[i];
      if (!owner) return options.roots[param] === parents[i];
      const above = bucket(owner, parents.slice(0, owner.parentParams.length));
      return above?.indexBySid.has(parents[i]!) ?? false;
    });
  }

  /** The bucket under these parent values; seeded on first use; undefined when a parent does not exist. */
  function bucket(c: Collection, parents: readonly string[]): Bucket | undefined {
    const found = buckets.get(keyOf(c, parents));
    if (found) return found;
    if (parents.length !== c.parentParams.length || !parentsExist(c, parents)) return undefined;
    const b = create(c, parents);
    const n = parents.some((p) => written.has(p)) ? 0 : seeding(c, parents).count;
    const f = n > 0 ? factoryOf(b) : undefined;
    if (f) {
      const items = f.take(n);
      const first = options.firstSid?.(c, parents);
      if (first !== undefined && items[0]) items[0] = withSid(items[0], c.idProperty, first);
      add(b, items);
    }
    return b;
  }

  return {
    bucket,
    add,
    /** Starts a top-level bucket with the given items instead of generated ones. */
    seedWith(c: Collection, parents: readonly string[], items: readonly JsonObject[]): Bucket {
      const b = create(c, parents);
      add(b, items);
      return b;
    },
    /** Generates `n` more items for a bucket (continuing its factory) and appends them. */
    generate(b: Bucket, n: number): JsonObject[] {
      const f = factoryOf(b);
      if (!f) throw new Error(`${b.collection.resource} has no component schema to generate items from; pass items instead`);
      return add(b, f.take(n));
    },
    /** A new item for a bucket from its factory, not yet stored. */
    draft(b: Bucket): JsonObject | undefined {
      return factoryOf(b)?.next();
    },
    /** Replaces a stored item (same SID) and its encoded bytes. */
    replace(b: Bucket, index: number, item: JsonObject): void {
      b.items[index] = item;
      b.json[index] = Buffer.from(JSON.stringify(item));
      const check = checks.get(b.collection);
      if (check) b.issues[index] = check(item);
      options.onChange();
    },
    /** Marks an item as made by a write: its child collections start empty. */
    markWritten(sid: string): void {
      written.add(sid);
    },
    /** Removes an item and everything under it (every bucket it is a parent of); later items move up. */
    remove(b: Bucket, index: number): void {
      const sid = b.items[index]![b.collection.idProperty];
      const depth = b.parents.length;
      for (const [key, child] of buckets) {
        if (child.parents.length > depth && child.parents[depth] === sid && b.parents.every((p, i) => child.parents[i] === p)) {
          buckets.delete(key);
          factories.delete(child);
          for (const item of child.items) written.delete(item[child.collection.idProperty] as string);
        }
      }
      // A removed SID leaves the written set too: a mock that runs for days must not keep one entry per create.
      written.delete(sid as string);
      b.items.splice(index, 1);
      b.json.splice(index, 1);
      if (b.issues.length) b.issues.splice(index, 1);
      b.indexBySid.clear();
      for (const [i, item] of b.items.entries()) b.indexBySid.set(item[b.collection.idProperty], i);
      options.onChange();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
