import { camelCase, fillPath, type JsonObject, type WalkedOperation } from '@twilio-proxy/types/spec';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { randomPathValue } from '../core/fixtures.js';
import { type ContractIssue, validateResponse, validateSchema } from '../core/validators.js';
import type { TargetNamedValues } from '../generated/names.gen.js';
import { type Collection, errorSchemaName, specCollections, specOperation, specOperations } from '../internal/spec.js';
import { defineWriteTests } from './write-suite.js';

export interface ContractTarget extends TargetNamedValues {
  /** Where the API lives, e.g. `https://proxy.twilio.com` or a mock's `url`. */
  baseUrl: string;
  /** Account SID + auth token, or API key SID + secret. */
  credentials: { username: string; password: string };
  /**
   * Root path parameter values by parameter name (the camelCase named fields work too). Values of parents that
   * the spec lists (an item of another collection) are discovered by listing that collection, read-only.
   */
  parents?: Record<string, string>;
}

/**
 * What the target can do. A static mock such as Prism cannot check credentials, tell parents apart,
 * honour PageSize or send spec-valid header values; those tests are then reported as skipped, with the reason.
 */
export interface TargetCapabilities {
  /** Wrong (but well-formed) credentials → 401. */
  rejectsWrongCredentials: boolean;
  /** A well-formed but unknown parent SID → 404. */
  unknownParentNotFound: boolean;
  /** @deprecated The former name of `unknownParentNotFound`; still honoured. */
  unknownServiceNotFound?: boolean;
  /** A well-formed but unknown item SID → 404 on a fetch. */
  unknownItemNotFound: boolean;
  /** PageSize decides page sizes, and next_page_url pages through the whole list. */
  honoursPageSize: boolean;
  /** Header values follow the spec's header schemas (request id pattern etc.). */
  specHeaders: boolean;
  /** Out-of-range parameters → 400 with a Twilio error (a malformed SID: 400 or 404). */
  validatesParameters: boolean;
  /** Its lists hold items to fetch (a static mock serving an empty example page has none). Default true. */
  listsItems?: boolean;
}

export const FULL_CAPABILITIES: TargetCapabilities = {
  rejectsWrongCredentials: true,
  unknownParentNotFound: true,
  unknownItemNotFound: true,
  honoursPageSize: true,
  specHeaders: true,
  validatesParameters: true,
  listsItems: true,
};

/** The suite's capabilities, and whether a test the target cannot pass is left out rather than skipped. */
type SuiteCapabilities = TargetCapabilities & { readonly omitUnsupported?: boolean };
/** A no-op `it`: a test the target cannot answer is not part of its suite (`unsupported: 'omit'`). */
const notRegistered = (() => undefined) as unknown as typeof it;
const needsOf = (caps: SuiteCapabilities) => (capability: keyof TargetCapabilities) =>
  caps[capability] ? it : caps.omitUnsupported ? notRegistered : it.skip;

export interface ContractSuiteOptions {
  name: string;
  /** The operation to test; default: every GET operation of the spec (lists and fetches), one describe each. */
  operationId?: string;
  target: () => ContractTarget | Promise<ContractTarget>;
  capabilities?: Partial<TargetCapabilities>;
  /** When set, every test is registered as skipped and this reason is in the suite's title. */
  skip?: string | false;
  /**
   * What becomes of a test the target cannot pass (a capability it lacks, or writes not opted in): `'skip'` registers
   * it as skipped with the reason; `'omit'` leaves it out, and the suite's title names what was left out (for a
   * static mock, where those tests can never run). Default `'skip'`.
   */
  unsupported?: 'skip' | 'omit';
  /**
   * Also test every write operation (create then fetch, update, remove with its children, a bad body): the suite
   * creates its own items and removes them afterwards, even when a test fails. Off unless set: a live account's
   * data is never written by default. Default false.
   */
  writes?: boolean;
  /** Page size for the paging tests. Default 7. */
  pageSize?: number;
  /** Stop following next_page_url after this many pages (a chain that long counts as not ending). Default 2000. */
  maxPages?: number;
  /** Injected fetch. Default: global fetch. */
  fetch?: typeof fetch;
}

/** `body` is the parsed JSON (or the text when it is not JSON), read loosely: a missing key fails the assertion that reads it. */
type Reply = { status: number; body: JsonObject; headers: Headers };

/** The suite's view of one target: requests (GET only: the suite is read-only) and parent discovery. */
function targetSession(options: ContractSuiteOptions, caps: TargetCapabilities) {
  const doFetch = options.fetch ?? fetch;
  let target: ContractTarget;
  const discovered = new Map<string, Promise<string | undefined>>();
  const authHeader = (c: ContractTarget['credentials']) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  const collectionOf = new Map<string, Collection>();
  for (const c of specCollections()) for (const op of c.operations) collectionOf.set(op.operationId, c);

  /** A request with a form body (writes): the text too, so a test can check what an error names. */
  async function send(method: string, url: string, form?: URLSearchParams): Promise<Reply & { text: string }> {
    const body = form?.toString();
    const res = await doFetch(url, {
      method,
      headers: {
        authorization: authHeader(target.credentials),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as JsonObject, headers: res.headers, text };
  }

  async function get(url: string, auth: string | null = authHeader(target.credentials)): Promise<Reply> {
    const res = await doFetch(url, {
      headers: auth ? { authorization: auth, accept: 'application/json' } : { accept: 'application/json' },
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body: body as JsonObject, headers: res.headers };
  }

  function rootValue(param: string): string | undefined {
    const named = target as unknown as Record<string, unknown>;
    const v = target.parents?.[param] ?? named[camelCase(param)];
    return typeof v === 'string' ? v : undefined;
  }

  /** The first listed item of a collection under the given parent values, or undefined when there is none. */
  async function firstItem(c: Collection, parents: readonly string[]): Promise<JsonObject | undefined> {
    if (!c.list) return undefined;
    const r = await get(urlOf(c.list, parents, '?PageSize=1'));
    return r.status === 200 ? r.body?.[c.list.list!.itemsKey]?.[0] : undefined;
  }

  /** Values for the collection's parents: the target's, else (listed parents) the first item of their collection. */
  async function parentsOf(c: Collection): Promise<string[] | undefined> {
    const values: string[] = [];
    for (const [i, param] of c.parentParams.entries()) {
      const owner = c.parentOwners[i];
      // A value the target gives wins, listed parent or not: a spec that grows the parent's collection changes nothing.
      const given = rootValue(param);
      if (given !== undefined || !owner) {
        if (given === undefined) throw new Error(`The target gives no {${param}}: set target.parents.${param} (or ${camelCase(param)})`);
        values.push(given);
        continue;
      }
      const key = `${owner.path}\n${values.join('\n')}`;
      if (!discovered.has(key))
        discovered.set(
          key,
          firstItem(owner, values.slice()).then((item) => item?.[owner.idProperty]),
        );
      const v = await discovered.get(key);
      if (v === undefined) return undefined;
      values.push(v);
    }
    return values;
  }

  function urlOf(op: WalkedOperation, values: readonly string[], query = ''): string {
    const path = fillPath(op.path, (_name, i) => encodeURIComponent(values[i] ?? ''));
    return `${target.baseUrl.replace(/\/$/, '')}${path}${query}`;
  }

  function expectConforms(op: WalkedOperation, r: Reply, url: string) {
    const { errors } = validateResponse(op.operationId, r.status, r.body, caps.specHeaders ? r.headers : undefined);
    expect(errors, `${op.operationId} ${r.status} from ${redact(url)}`).toEqual([] as ContractIssue[]);
  }

  function expectTwilioError(op: WalkedOperation, r: Reply, status: number | number[]) {
    const allowed = [status].flat();
    expect(allowed).toContain(r.status);
    expect(validateSchema(errorSchemaName(), r.body).errors).toEqual([]);
    expect(r.body.status).toBe(r.status);
    if (caps.specHeaders) expect(validateResponse(op.operationId, r.status, r.body, r.headers).errors).toEqual([]);
  }

  return {
    collectionOf: (op: WalkedOperation) => collectionOf.get(op.operationId)!,
    setTarget: (t: ContractTarget) => {
      target = t;
      discovered.clear();
    },
    credentials: () => target.credentials,
    authHeader,
    get,
    send,
    urlOf,
    parentsOf,
    firstItem,
    expectConforms,
    expectTwilioError,
  };
}

type Probe = ReturnType<typeof targetSession>;

/** Skips a test at run time (e.g. a live account with no item to test under), with the reason. */
async function needParents(s: Probe, c: Collection, ctx: TestContext): Promise<string[]> {
  const parents = await s.parentsOf(c);
  if (!parents) ctx.skip(`no parent item to test ${c.resource} under: the parent list is empty`);
  return parents!;
}

function listTests(op: WalkedOperation, s: Probe, caps: TargetCapabilities, options: ContractSuiteOptions) {
  const c = s.collectionOf(op);
  const itemsKey = op.list!.itemsKey;
  const pageSizeRule = op.parameters.find((p) => p.in === 'query' && p.name === 'PageSize')?.schema;
  const defaultPageSize = Number(pageSizeRule?.default ?? 50);
  const maxPageSize = Number(pageSizeRule?.maximum ?? 1000);
  const pageSize = options.pageSize ?? 7;
  const maxPages = options.maxPages ?? 2000;
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);

  async function follow(first: string) {
    const pages: JsonObject[] = [];
    let next: string | null = first;
    while (next) {
      const r = await s.get(next);
      expect(r.status, redact(next)).toBe(200);
      s.expectConforms(op, r, next);
      pages.push(r.body);
      next = r.body.meta.next_page_url;
      if (pages.length > maxPages) throw new Error(`next_page_url chain did not end within ${maxPages} pages`);
    }
    return pages;
  }

  it('answers the first page with a body and headers that satisfy the spec', async (ctx) => {
    const url = s.urlOf(op, await needParents(s, c, ctx));
    const r = await s.get(url);
    expect(r.status).toBe(200);
    s.expectConforms(op, r, url);
    expect(r.body.meta.key).toBe(itemsKey);
    for (const k of ['url', 'first_page_url']) expect(() => new URL(r.body.meta[k])).not.toThrow();
  });

  needs('honoursPageSize')(why('honoursPageSize', `uses the spec's default page size (${defaultPageSize})`), async (ctx) => {
    const r = await s.get(s.urlOf(op, await needParents(s, c, ctx)));
    expect(r.body.meta.page_size).toBe(defaultPageSize);
    expect(r.body[itemsKey].length).toBeLessThanOrEqual(defaultPageSize);
  });

  it('follows next_page_url to an end, with no duplicate items and every page valid', async (ctx) => {
    const pages = await follow(s.urlOf(op, await needParents(s, c, ctx), `?PageSize=${pageSize}`));
    const sids = pages.flatMap((p) => p[itemsKey].map((item: JsonObject) => item[c.idProperty]));
    expect(new Set(sids).size).toBe(sids.length);
    expect(pages.at(-1)!.meta.next_page_url).toBeNull();
  });

  needs('honoursPageSize')(why('honoursPageSize', 'honours PageSize on every page and numbers pages from 0'), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    for (const size of [1, pageSize, maxPageSize]) {
      const pages = await follow(s.urlOf(op, parents, `?PageSize=${size}`));
      pages.forEach((p, i) => {
        expect(p.meta.page_size).toBe(size);
        expect(p.meta.page).toBe(i);
        if (i < pages.length - 1) expect(p[itemsKey]).toHaveLength(size);
        else expect(p[itemsKey].length).toBeLessThanOrEqual(size);
      });
      expect(pages[0]!.meta.previous_page_url).toBeNull();
    }
  });

  commonTests(op, c, s, caps);

  needs('validatesParameters')(why('validatesParameters', 'answers an out-of-range PageSize with 400 and a Twilio error'), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, `?PageSize=${maxPageSize + 1}`)), 400);
    s.expectTwilioError(op, await s.get(s.urlOf(op, parents, '?PageSize=0')), 400);
  });
}

/** Credentials and unknown parents: the same for every operation. */
function commonTests(op: WalkedOperation, c: Collection, s: Probe, caps: TargetCapabilities) {
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);
  /** Values for every path parameter of the operation: the parents, then (on an item path) a listed item's SID. */
  const valuesOf = async (ctx: TestContext) => {
    const parents = await needParents(s, c, ctx);
    if (op.pathParams.length === parents.length) return parents;
    const item = await s.firstItem(c, parents);
    return [...parents, item?.[c.idProperty] ?? randomPathValue(op.pathParams.at(-1)!, 7)];
  };

  it('answers missing credentials with 401 and a Twilio error', async (ctx) => {
    s.expectTwilioError(op, await s.get(s.urlOf(op, await valuesOf(ctx)), null), 401);
  });

  needs('rejectsWrongCredentials')(why('rejectsWrongCredentials', 'answers wrong credentials with 401 and a Twilio error'), async (ctx) => {
    const r = await s.get(
      s.urlOf(op, await valuesOf(ctx)),
      s.authHeader({ username: s.credentials().username, password: 'definitely-wrong' }),
    );
    s.expectTwilioError(op, r, 401);
    expect(JSON.stringify(r.body)).not.toContain(s.credentials().password);
  });

  if (c.parentParams.length === 0) return;
  const param = c.parentParams.at(-1)!;
  needs('unknownParentNotFound')(why('unknownParentNotFound', `answers an unknown {${param}} with 404 and a Twilio error`), async (ctx) => {
    const values = await valuesOf(ctx);
    const i = c.parentParams.length - 1;
    let unknown = randomPathValue(param);
    if (unknown === values[i]) unknown = randomPathValue(param, 1);
    values[i] = unknown;
    s.expectTwilioError(op, await s.get(s.urlOf(op, values)), 404);
  });
}

function fetchTests(op: WalkedOperation, s: Probe, caps: TargetCapabilities) {
  const c = s.collectionOf(op);
  const itemParam = op.pathParams.at(-1)!;
  const needs = needsOf(caps);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);

  needs('listsItems')(
    why('listsItems', 'answers a listed item with 200, the same item as in the list, satisfying the spec'),
    async (ctx) => {
      if (!c.list) ctx.skip(`the spec has no list operation for ${c.resource} to find an item with`);
      const parents = await needParents(s, c, ctx);
      const listed = await s.firstItem(c, parents);
      if (!listed) return ctx.skip(`the ${c.resource} list is empty`);
      const url = s.urlOf(op, [...parents, listed[c.idProperty]]);
      const r = await s.get(url);
      expect(r.status).toBe(200);
      s.expectConforms(op, r, url);
      expect(r.body).toEqual(listed);
    },
  );

  // Where a name may stand for the SID (an item by its unique name), the name fetches the same item.
  const alias = op.parameters.find((p) => p.in === 'path' && p.name === itemParam)?.orName;
  if (alias) {
    needs('unknownItemNotFound')(
      why('unknownItemNotFound', `answers a listed item fetched by its ${alias.property} in place of {${itemParam}} with the same item`),
      async (ctx) => {
        const parents = await needParents(s, c, ctx);
        const listed = await s.firstItem(c, parents);
        const name = listed?.[alias.property];
        if (typeof name !== 'string') return ctx.skip(`the first listed ${c.resource} item has no ${alias.property}`);
        const r = await s.get(s.urlOf(op, [...parents, name]));
        expect(r.status).toBe(200);
        expect(r.body).toEqual(listed);
      },
    );
  }

  needs('unknownItemNotFound')(why('unknownItemNotFound', `answers an unknown {${itemParam}} with 404 and a Twilio error`), async (ctx) => {
    const parents = await needParents(s, c, ctx);
    s.expectTwilioError(op, await s.get(s.urlOf(op, [...parents, randomPathValue(itemParam)])), 404);
  });

  needs('validatesParameters')(
    why('validatesParameters', `answers a malformed {${itemParam}} with 400 or 404 and a Twilio error`),
    async (ctx) => {
      const parents = await needParents(s, c, ctx);
      // Where a unique name may stand for the SID, malformed means neither: longer than any name the spec allows.
      const malformed = alias ? 'x'.repeat(Number(alias.name.maxLength ?? 1000) + 1) : 'not-a-sid';
      s.expectTwilioError(op, await s.get(s.urlOf(op, [...parents, malformed])), [400, 404]);
    },
  );

  commonTests(op, c, s, caps);
}

/** The GET operations a suite covers: lists, and fetches of one item. */
function suiteOperations(operationId: string | undefined): WalkedOperation[] {
  if (operationId !== undefined) {
    const op = specOperation(operationId);
    if (op.method !== 'GET') throw new Error(`${operationId} is a ${op.method}: the contract suite is read-only and tests GET operations`);
    return [op];
  }
  return [...specOperations().values()].filter((op) => op.method === 'GET');
}

/**
 * Registers contract tests for one target: per list operation the paging invariants, per fetch operation
 * 200 for a listed item, 404 for an unknown SID and 400/404 for a malformed one, and for both 401 without or
 * with wrong credentials and 404 under an unknown parent. Read-only unless `writes` is set: then every write
 * operation is tested too (see `writeTests`), else each is registered as skipped.
 */
export function defineContractSuite(options: ContractSuiteOptions): void {
  const given = options.capabilities ?? {};
  const caps: SuiteCapabilities = {
    omitUnsupported: options.unsupported === 'omit',
    ...FULL_CAPABILITIES,
    ...(given.unknownServiceNotFound !== undefined ? { unknownParentNotFound: given.unknownServiceNotFound } : {}),
    ...given,
  };
  const ops = suiteOperations(options.operationId);
  const s = targetSession(options, caps);
  const left = [
    ...(Object.keys(FULL_CAPABILITIES) as (keyof TargetCapabilities)[]).filter((k) => !caps[k]),
    ...(options.writes ? [] : ['writes']),
  ];
  const named = caps.omitUnsupported && left.length ? `${options.name} (not run on this target: ${left.join(', ')})` : options.name;
  const title = options.skip ? `${options.name} (skipped: ${options.skip})` : named;
  const suite = options.skip ? describe.skip : describe;

  suite(title, () => {
    beforeAll(async () => {
      s.setTarget(await options.target());
    });
    for (const op of ops) {
      describe(`${op.operationId} (${op.method} ${op.path})`, () => {
        if (op.list) listTests(op, s, caps, options);
        else if (op.pathParams.length > s.collectionOf(op).parentParams.length) fetchTests(op, s, caps);
        else commonTests(op, s.collectionOf(op), s, caps);
      });
    }
    if (!options.operationId && (options.writes || !caps.omitUnsupported)) defineWriteTests(s, options.writes === true);
  });
}

/** Page URLs carry no secrets, but keep failure output short. */
function redact(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
