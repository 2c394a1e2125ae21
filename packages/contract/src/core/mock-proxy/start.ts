import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fillPath, type JsonObject, sidShapeOf } from '@twilio-proxy/types/walker';
import { NAMED_COLLECTIONS, PARENT_PARAMS } from '../../generated/names.gen.js';
import { truncate } from '../../internal/mock/answer.js';
import { createFaultInjector } from '../../internal/mock/apply-fault.js';
import { createAuth } from '../../internal/mock/auth.js';
import { isTopLevel, parentParamsOf } from '../../internal/mock/default-parents.js';
import { createDispatcher } from '../../internal/mock/dispatch.js';
import { createPageCache } from '../../internal/mock/page-cache.js';
import { createRouter } from '../../internal/mock/router.js';
import { createCrashReporter, createSelfCheck, REQUEST_ID_HEADER, type SelfCheckViolation } from '../../internal/mock/self-check.js';
import { createTimers, listen } from '../../internal/mock/server.js';
import { type Bucket, createStore } from '../../internal/mock/store.js';
import { createRng } from '../../internal/prng.js';
import { type Collection, findCollection, responseHeaderSchema, specCollections, specOperation } from '../../internal/walked-spec.js';
import { ContractError } from '../contract-error.js';
import { drawSid } from '../fixtures/sids.js';
import { accessControlHeaders, parseRequestUrl } from './http.js';
import type { MockProxy, MockProxyOptions, RecordedRequest } from './options.js';
import { resolveGiven } from './parents.js';

/** Starts a Twilio-faithful server for every operation of the spec on loopback. */
export async function startMockProxy(options: MockProxyOptions = {}): Promise<MockProxy> {
  const collections = specCollections();
  const seed = options.seed ?? 1;
  const { given, roots, accountSid } = resolveGiven(options, collections, seed);
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const authorized = createAuth(accountSid, authToken, options.apiKeys ?? []);
  const selfCheck = options.selfCheck ?? true;
  const requestLog = options.recordRequests === false ? 0 : (options.requestLog ?? Number.POSITIVE_INFINITY);
  if (!(requestLog >= 0)) throw new Error(`requestLog must be a non-negative number, got ${options.requestLog}`);
  const globalLatency = options.latencyMs ?? 0;
  const stated = sidShapeOf(responseHeaderSchema(REQUEST_ID_HEADER));
  if (!stated) throw new Error(`The spec's ${REQUEST_ID_HEADER} header states no SID pattern`);
  const requestIdShape = stated;
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
  let answer: ReturnType<typeof createDispatcher> | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const writes = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE';
    if (!writes) req.resume(); // reads have no body: drain it so keep-alive connections stay usable
    const requestId = drawSid(requestIdShape, idRng);
    const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', status: null, fault: null, requestId };
    if (requestLog > 0 && requests.push(record) > requestLog) requests.shift();
    const fault = faults.next();
    record.fault = fault;
    if (globalLatency > 0) await timers.delay(globalLatency);
    const held = faults.hold(fault, req);
    if (held && !(await held)) return;
    const url = parseRequestUrl(req.url);
    const operationId = () => (url && router.match(url.pathname)?.route.methods.get(req.method ?? '')?.operationId) ?? null;
    const pending = faults.answer(fault, operationId) ?? answer!(req, url);
    const a = pending instanceof Promise ? await pending : pending;
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

  // The default parents: a root's value, or the first item of the collection that lists the parameter under the
  // default parents above it. Named fields, items(), add() and urlFor() start from them.
  const params = parentParamsOf(collections);
  const defaults: Record<string, string> = { ...roots };
  const owners = new Set(params.map((p) => p.owner));
  const counts = options.counts ?? {};
  const isDefault = (c: Collection, parents: readonly string[]) => c.parentParams.every((p, i) => defaults[p] === parents[i]);
  const store = createStore({
    collections,
    seed,
    accountSid,
    roots,
    seeding(c, parents) {
      const atDefault = isDefault(c, parents);
      const rootOwner = c.parentParams.length === 0 && owners.has(c);
      const fallback = rootOwner ? 1 : atDefault && isTopLevel(c) ? (options.count ?? 0) : (options.perParent ?? 3);
      const count = counts[c.resource] ?? fallback;
      return { count: rootOwner ? Math.max(1, count) : count, plainSeed: atDefault && isTopLevel(c) };
    },
    // A default parent given by value is the first item of its collection.
    firstSid(c, parents) {
      const owned = params.find((p) => p.owner === c && given[p.param] !== undefined);
      return owned && isDefault(c, parents) ? given[owned.param] : undefined;
    },
    ...(options.productionUrls ? {} : { baseUrl }),
    selfCheck,
    tokenKey: randomBytes(32),
    onChange: pageCache.clear,
  });
  for (const c of collections) {
    const parents = c.parentParams.map((p) => defaults[p]);
    if (parents.some((p) => p === undefined)) continue;
    const items = (options as Record<string, unknown>)[c.resource];
    const bucket = Array.isArray(items) ? store.seedWith(c, parents as string[], items as JsonObject[]) : undefined;
    const owned = params.filter((p) => p.owner === c);
    if (!bucket && !owned.length && !isTopLevel(c)) continue; // nested: seeded on first read
    const b = bucket ?? store.bucket(c, parents as string[])!;
    for (const { param } of owned) {
      const value = given[param] !== undefined && b.indexBySid.has(given[param]) ? given[param] : b.items[0]?.[c.idProperty];
      if (typeof value === 'string') defaults[param] = value;
    }
  }
  answer = createDispatcher({ collections, router, authorized, store, pageCache, selfCheck, baseUrl: () => baseUrl });

  /** The parent values of a collection: given ones by parameter name, root values filled in. */
  function parentsOf(c: Collection, values: Readonly<Record<string, string>> = {}): string[] {
    return c.parentParams.map((p) => {
      const v = values[p] ?? defaults[p];
      if (v === undefined)
        throw new Error(`${c.resource} sits under {${p}}, which has no default (its collection is empty): pass it, e.g. { ${p}: '…' }`);
      return v;
    });
  }
  function bucketOf(key: string, values?: Readonly<Record<string, string>>): Bucket {
    const c = findCollection(key);
    const b = store.bucket(c, parentsOf(c, values));
    if (!b) throw new Error(`No ${c.resource} under ${JSON.stringify(values ?? {})}: a parent does not exist`);
    return b;
  }
  const add = (key: string, itemsOrCount: JsonObject[] | number, values?: Readonly<Record<string, string>>) => {
    const b = bucketOf(key, values);
    return typeof itemsOrCount === 'number' ? store.generate(b, itemsOrCount) : store.add(b, itemsOrCount);
  };

  let closed: Promise<void> | undefined;
  const mock: Record<string, unknown> = {
    url: baseUrl,
    accountSid,
    authToken,
    // The parents top-level collections sit under (deeper defaults are named fields: `sessionSid`, …).
    parents: Object.fromEntries(
      params.filter((p) => !p.owner?.parentParams.length).flatMap((p) => (defaults[p.param] ? [[p.param, defaults[p.param]]] : [])),
    ),
    requests,
    violations,
    items: (key: string, values?: Readonly<Record<string, string>>) => bucketOf(key, values).items,
    add,
    urlFor(operationId: string, path: Readonly<Record<string, string>> = {}, query: Readonly<Record<string, string | number>> = {}) {
      const op = specOperation(operationId);
      const filled = fillPath(op.path, (p) => {
        const v = path[p] ?? defaults[p];
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
  // Named fields generated from the spec: each parent parameter's default value, each listed collection's items under
  // the default parents and its adder. Only ever added to as the spec grows. A field whose default parent does not
  // exist (an empty collection above it) throws when read, and is not enumerable.
  const resolved = (c: Collection) => c.parentParams.every((p) => defaults[p] !== undefined);
  for (const [name, param] of Object.entries(PARENT_PARAMS) as Array<[string, string]>) {
    const get = () => {
      const v = defaults[param];
      if (v === undefined) throw new Error(`No default {${param}}: its collection is empty under the default parents; add an item first`);
      return v;
    };
    Object.defineProperty(mock, name, { get, enumerable: defaults[param] !== undefined });
  }
  for (const [resource, adder] of Object.entries(NAMED_COLLECTIONS) as Array<[string, string | null]>) {
    const c = findCollection(resource);
    Object.defineProperty(mock, resource, { get: () => bucketOf(resource).items, enumerable: resolved(c) });
    if (adder) mock[adder] = (itemsOrCount: JsonObject[] | number) => add(resource, itemsOrCount);
  }
  return mock as unknown as MockProxy;
}
