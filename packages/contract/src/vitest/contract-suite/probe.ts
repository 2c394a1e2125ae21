import { camelCase, fillPath, type JsonObject, type WalkedOperation } from '@twilio-proxy/types/walker';
import { expect, type TestContext } from 'vitest';
import { type ContractIssue, validateResponse, validateSchema } from '../../core/validators.js';
import { type Collection, errorSchemaName, specCollections } from '../../internal/walked-spec.js';
import type { ContractSuiteOptions, ContractTarget, TargetCapabilities } from './options.js';

/** `body` is the parsed JSON (or the text when it is not JSON), read loosely: a missing key fails the assertion that reads it. */
type Reply = { status: number; body: JsonObject; headers: Headers };

/** The suite's view of one target: requests (GET only: the suite is read-only) and parent discovery. */
export function targetSession(options: ContractSuiteOptions, caps: TargetCapabilities) {
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
    const size = c.list.list!.paging.pageSize;
    const r = await get(urlOf(c.list, parents, size ? `?${size}=1` : ''));
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
    seed: options.seed ?? 1,
    firstItem,
    expectConforms,
    expectTwilioError,
  };
}

export type Probe = ReturnType<typeof targetSession>;

/** Skips a test at run time (e.g. a live account with no item to test under), with the reason. */
export async function needParents(s: Probe, c: Collection, ctx: TestContext): Promise<string[]> {
  const parents = await s.parentsOf(c);
  if (!parents) ctx.skip(`no parent item to test ${c.resource} under: the parent list is empty`);
  return parents!;
}
/** Page URLs carry no secrets, but keep failure output short. */
export function redact(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
