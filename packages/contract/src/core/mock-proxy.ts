import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fillPath, type JsonObject, snakeCase } from '@twilio-proxy/types/spec';
import { type MockNamedFields, type MockNamedOptions, ROOT_PARAMS, TOP_LEVEL } from '../generated/names.gen.js';
import { MOCK_ERROR_CODES, truncate } from '../internal/mock/answer.js';
import { createFaultInjector } from '../internal/mock/apply-fault.js';
import { type ApiKey, createAuth } from '../internal/mock/auth.js';
import { createDispatcher } from '../internal/mock/dispatch.js';
import { createPageCache } from '../internal/mock/page-cache.js';
import { createRouter } from '../internal/mock/router.js';
import { createCrashReporter, createSelfCheck, REQUEST_ID_HEADER, type SelfCheckViolation } from '../internal/mock/self-check.js';
import { createTimers, listen } from '../internal/mock/server.js';
import { type Bucket, createStore } from '../internal/mock/store.js';
import { createRng } from '../internal/prng.js';
import {
  type Collection,
  findCollection,
  parseSidPattern,
  responseHeaderSchema,
  specCollections,
  specOperation,
} from '../internal/spec.js';
import { ContractError } from './contract-error.js';
import type { FaultKind, FaultOptions } from './faults.js';
import { createFactory, drawAccountSid, randomPathValue } from './fixtures.js';

export { type ApiKey, MOCK_ERROR_CODES, type SelfCheckViolation };

export interface MockProxyOptions extends MockNamedOptions {
  /** How many items to generate in each top-level collection (unless given). Default 0. */
  count?: number;
  /** How many items each parent has in a nested collection (seeded when first read). Default 3. */
  perParent?: number;
  /** Per resource (e.g. the client's `client.<resource>`): overrides `count` or `perParent`. */
  counts?: Readonly<Record<string, number>>;
  /** Root path parameter values by parameter name (also settable by their camelCase names). Default: from the seed. */
  parents?: Readonly<Record<string, string>>;
  /** Seed of generated items and SIDs. Default 1. */
  seed?: number;
  accountSid?: string;
  /** Default: 32 random hex characters. */
  authToken?: string;
  /** API keys accepted besides Account SID + auth token. */
  apiKeys?: ApiKey[];
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  faults?: FaultOptions;
  /** Added to every answer. */
  latencyMs?: number;
  /**
   * Validate every response before sending it. Violations go to `violations` and make `close()` reject.
   * Default true (it is the point of a contract mock); benchmarks turn it off.
   */
  selfCheck?: boolean;
  /** Keep `requests`. Default true. */
  recordRequests?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. The Authorization header is never recorded. */
  readonly url: string;
  /** Null when a fault answered no status (reset, stall). */
  status: number | null;
  fault: FaultKind | null;
  requestId: string;
}

export interface MockProxy extends MockNamedFields {
  /** Base URL, e.g. `http://127.0.0.1:40123`; operations live at their spec paths under it (see `urlFor`). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Root path parameter values by parameter name: the parents every top-level collection sits under. */
  readonly parents: Readonly<Record<string, string>>;
  readonly requests: RecordedRequest[];
  readonly violations: SelfCheckViolation[];
  /**
   * The items of a collection (named by its resource or any of its operationIds) under parent values by path
   * parameter name (root values are filled in), in list order; a nested collection is seeded on first use.
   * Throws when a parent does not exist.
   */
  items<T = JsonObject>(collection: string, parents?: Readonly<Record<string, string>>): readonly T[];
  /** Appends items (generated when given a count) at the end of a collection's list; returns the new ones. */
  add<T = JsonObject>(collection: string, itemsOrCount: T[] | number, parents?: Readonly<Record<string, string>>): T[];
  /** The absolute URL of an operation on this mock: its spec path with these values (root values filled in). */
  urlFor(operationId: string, path?: Readonly<Record<string, string>>, query?: Readonly<Record<string, string | number>>): string;
  /** Replaces the fault schedule (its counter starts again at 0); undefined turns faults off. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Stops the server, destroying open connections; rejects with a ContractError if the self-check saw violations. */
  close(): Promise<void>;
}

const ACCESS_CONTROL_VALUES: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Accept, Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Idempotency-Key',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'ETag, Twilio-Request-Id',
};

/** The CORS headers the spec documents on any success response, with Twilio's values. */
function accessControlHeaders(collections: readonly Collection[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of collections.flatMap((c) => c.operations)) {
    for (const [name, header] of Object.entries<JsonObject>(op.responses['200']?.headers ?? {})) {
      if (!name.toLowerCase().startsWith('access-control-')) continue;
      out[name] = ACCESS_CONTROL_VALUES[name.toLowerCase()] ?? (header.schema?.type === 'boolean' ? 'true' : '*');
    }
  }
  return out;
}

/** Root values and the account: given, else taken from given items, else drawn from the seed as the fixtures draw them. */
function resolveRoots(options: MockProxyOptions, collections: readonly Collection[], seed: number) {
  const named = options as Record<string, unknown>;
  const roots: Record<string, string> = {};
  for (const [name, param] of Object.entries(ROOT_PARAMS)) if (typeof named[name] === 'string') roots[param] = named[name] as string;
  Object.assign(roots, options.parents);
  let accountSid = options.accountSid;
  for (const c of collections) {
    const given = named[c.resource] as JsonObject[] | undefined;
    if (!Array.isArray(given) || !given[0]) continue;
    c.parentParams.forEach((param, i) => {
      const value = given[0]![snakeCase(param)];
      if (!c.parentOwners[i] && roots[param] === undefined && typeof value === 'string') roots[param] = value;
    });
    if (accountSid === undefined && typeof given[0].account_sid === 'string') accountSid = given[0].account_sid;
  }
  for (const c of collections) {
    const missing = c.parentParams.filter((p, i) => !c.parentOwners[i] && roots[p] === undefined);
    if (!missing.length && accountSid !== undefined) continue;
    const drawn = c.schema ? createFactory(c.schema, { seed }) : undefined;
    for (const p of missing) roots[p] = drawn?.parents[p] ?? randomPathValue(p, seed);
    accountSid ??= drawn?.accountSid;
  }
  return { roots, accountSid: accountSid ?? drawAccountSid(seed) };
}

/** The request's URL, or undefined when it cannot be parsed (answered 404). */
function parseRequestUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(raw ?? '/', 'http://mock.invalid');
  } catch {
    return undefined;
  }
}

/** Starts a Twilio-faithful server for every operation of the spec on loopback. */
export async function startMockProxy(options: MockProxyOptions = {}): Promise<MockProxy> {
  const collections = specCollections();
  const seed = options.seed ?? 1;
  const { roots, accountSid } = resolveRoots(options, collections, seed);
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const authorized = createAuth(accountSid, authToken, options.apiKeys ?? []);
  const selfCheck = options.selfCheck ?? true;
  const recordRequests = options.recordRequests ?? true;
  const globalLatency = options.latencyMs ?? 0;
  const requestIdPattern = parseSidPattern(responseHeaderSchema(REQUEST_ID_HEADER)!.pattern);
  const idRng = createRng(seed ^ 0x5eed);
  const router = createRouter();
  const cors = accessControlHeaders(collections);
  const requests: RecordedRequest[] = [];
  const violations: SelfCheckViolation[] = [];
  const check = createSelfCheck(violations);
  const timers = createTimers();
  const faults = createFaultInjector(options.faults, timers.delay);
  let baseUrl = '';

  // Identical requests get identical pages until the items change: keep the encoded bytes.
  const pageCache = createPageCache();
  const counts = options.counts ?? {};
  const store = createStore({
    collections,
    seed,
    accountSid,
    roots,
    topLevelCount: (c) => counts[c.resource] ?? options.count ?? 0,
    nestedCount: (c) => counts[c.resource] ?? options.perParent ?? 3,
    selfCheck,
    tokenKey: randomBytes(32),
    onChange: pageCache.clear,
  });
  for (const c of collections) {
    if (!c.parentOwners.every((o) => o === null)) continue;
    const parents = c.parentParams.map((p) => roots[p]!);
    const given = (options as Record<string, unknown>)[c.resource];
    if (Array.isArray(given)) store.seedWith(c, parents, given as JsonObject[]);
    else store.bucket(c, parents);
  }
  const answer = createDispatcher({ collections, router, authorized, store, pageCache, selfCheck, baseUrl: () => baseUrl });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const writes = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE';
    if (!writes) req.resume(); // reads have no body: drain it so keep-alive connections stay usable
    const requestId = requestIdPattern.prefix + idRng.hex(requestIdPattern.hexLength);
    const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', status: null, fault: null, requestId };
    if (recordRequests) requests.push(record);
    const fault = faults.next();
    record.fault = fault;
    if (globalLatency > 0) await timers.delay(globalLatency);
    const held = faults.hold(fault, req);
    if (held && !(await held)) return;
    const url = parseRequestUrl(req.url);
    const operationId = () => (url && router.match(url.pathname)?.route.methods.get(req.method ?? '')?.operationId) ?? null;
    const a = faults.answer(fault, operationId) ?? (await answer(req, url));
    if (writes) req.resume();
    const headers: Record<string, string> = {
      ...cors,
      ...a.headers,
      [REQUEST_ID_HEADER]: requestId,
      'Content-Type': 'application/json; charset=utf-8',
    };
    if (selfCheck) check(req, a, headers);
    record.status = a.status;
    const payload = typeof a.json === 'string' ? Buffer.from(a.json) : a.json;
    headers['Content-Length'] = String(payload.length);
    res.writeHead(a.status, headers);
    faults.send(fault, req, res, payload);
  }

  const server = await listen(handle, createCrashReporter(violations), { host: options.host, port: options.port });
  baseUrl = server.url;

  /** The parent values of a collection: given ones by parameter name, root values filled in. */
  function parentsOf(c: Collection, given: Readonly<Record<string, string>> = {}): string[] {
    return c.parentParams.map((p) => {
      const v = given[p] ?? roots[p];
      if (v === undefined) throw new Error(`${c.resource} sits under {${p}}: pass it, e.g. { ${p}: '…' }`);
      return v;
    });
  }
  function bucketOf(key: string, given?: Readonly<Record<string, string>>): Bucket {
    const c = findCollection(key);
    const b = store.bucket(c, parentsOf(c, given));
    if (!b) throw new Error(`No ${c.resource} under ${JSON.stringify(given ?? {})}: a parent does not exist`);
    return b;
  }
  const add = (key: string, itemsOrCount: JsonObject[] | number, given?: Readonly<Record<string, string>>) => {
    const b = bucketOf(key, given);
    return typeof itemsOrCount === 'number' ? store.generate(b, itemsOrCount) : store.add(b, itemsOrCount);
  };

  let closed: Promise<void> | undefined;
  const mock: Record<string, unknown> = {
    url: baseUrl,
    accountSid,
    authToken,
    parents: { ...roots },
    requests,
    violations,
    items: (key: string, given?: Readonly<Record<string, string>>) => bucketOf(key, given).items,
    add,
    urlFor(operationId: string, path: Readonly<Record<string, string>> = {}, query: Readonly<Record<string, string | number>> = {}) {
      const op = specOperation(operationId);
      const filled = fillPath(op.path, (p) => {
        const v = path[p] ?? roots[p];
        if (v === undefined) throw new Error(`${operationId} needs {${p}}`);
        return encodeURIComponent(v);
      });
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      return `${baseUrl}${filled}${search ? `?${search}` : ''}`;
    },
    setFaults: faults.set,
    close() {
      closed ??= (async () => {
        timers.clear();
        await server.close();
        if (violations.length) {
          const issues = violations
            .slice(0, 20)
            .flatMap((v) => v.errors.map((e) => ({ ...e, message: `${v.method} ${truncate(v.url)} → ${v.status}: ${e.message}` })));
          throw new ContractError('mock', `self-check (${violations.length} bad responses)`, issues);
        }
      })();
      return closed;
    },
  };
  // Named fields generated from the spec: each root value by camelCase name, each top-level collection's items and adder.
  for (const [name, param] of Object.entries(ROOT_PARAMS)) mock[name] = roots[param];
  for (const [resource, adder] of Object.entries(TOP_LEVEL) as Array<[string, string | null]>) {
    const items = bucketOf(resource).items;
    Object.defineProperty(mock, resource, { value: items, enumerable: true });
    if (adder) mock[adder] = (itemsOrCount: JsonObject[] | number) => add(resource, itemsOrCount);
  }
  return mock as unknown as MockProxy;
}
