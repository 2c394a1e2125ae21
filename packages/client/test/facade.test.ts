// The generated facade and the generic request(), over every operation of the spec: nothing here names one,
// so an operation added to the spec is covered with no new test code.
import { type BodyFieldRule, type OperationId, type OperationMeta, operationsMeta } from '@twilio-proxy/types';
import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { describe, expect, it } from 'vitest';
import { ProxyApiError, type ProxyClient, ProxyValidationError } from '../src/index.js';
import { ORIGIN, pages, testClient } from './helpers/client.js';
import { json } from './helpers/fake-fetch.js';

const operations = Object.entries(operationsMeta) as [OperationId, OperationMeta][];
const pathNames = (op: OperationMeta) => [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** Every `^XX[0-9a-fA-F]{32}$` SID pattern of the spec (parameters and schema properties), by prefix. */
const sidPrefixes = [...JSON.stringify(openapiDocument).matchAll(/"pattern":"\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$"/g)].map((m) => m[1]!);
const prefixes = [...new Set(sidPrefixes)].sort();
const sid = (prefix: string, n = 1) => `${prefix}${n.toString(16).padStart(32, '0')}`;
const ruleOf = (op: OperationMeta, name: string) => op.parameters.find((p) => p.name === name)!.schema;
/** The SID prefix of a parameter: its pattern's, or its SID branch's where a unique name may stand for the SID. */
const prefixOf = (op: OperationMeta, name: string) => {
  const rule = ruleOf(op, name);
  const pattern = rule.pattern ?? rule.anyOf?.find((branch) => branch.pattern)?.pattern ?? '';
  return /^\^([A-Z]{2})/.exec(pattern)?.[1];
};
/** Whether the spec lets a name stand for the SID (an `anyOf` of the SID and a unique name). */
const takesName = (op: OperationMeta, name: string) => ruleOf(op, name).anyOf !== undefined;
/** A valid value for each path parameter of an operation, in path order. */
const validPath = (op: OperationMeta) => pathNames(op).map((name, i) => sid(prefixOf(op, name) ?? 'XX', i + 1));

/** A value that keeps a spec rule: its enum's first, a SID of its pattern, a number in its bounds, a list of one. */
function sample(rule: BodyFieldRule): unknown {
  if (rule.enum) return rule.enum.find((v) => v !== null);
  const prefix = /^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$/.exec(rule.pattern ?? '')?.[1];
  if (prefix) return sid(prefix);
  if (rule.type === 'integer' || rule.type === 'number') return rule.minimum ?? 1;
  if (rule.type === 'boolean') return true;
  if (rule.type === 'array') return [sample(rule.items ?? { type: 'string' })];
  return rule.format === 'date-time' ? '2024-01-02T03:04:05Z' : 'x';
}
/** The required body fields of an operation with valid values, by wire name (the generic API's `body`). */
const requiredBody = (op: OperationMeta): Record<string, unknown> | undefined =>
  op.body ? Object.fromEntries(op.body.fields.filter((f) => f.required).map((f) => [f.name, sample(f.schema)])) : undefined;
/** The same as facade options (camelCase, top level). */
const requiredOptions = (op: OperationMeta): Record<string, unknown> =>
  Object.fromEntries(Object.entries(requiredBody(op) ?? {}).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]));

/** The facade method of an operation, and what it takes. */
function facade(client: ProxyClient, op: OperationMeta): (...args: unknown[]) => Promise<unknown> {
  const resource = (client as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[op.resource]!;
  return resource[op.list ? 'list' : op.action]!;
}

/** Answers any request: a one-item list page for a list operation, an item otherwise. */
const anything = (op: OperationMeta) => (url: string) =>
  op.list ? pages(1)(url, {}, 1) : json({ sid: sid('ZZ'), date_created: '2024-01-02T03:04:05Z' });

describe.each(operations)('%s through the generated facade', (id, op) => {
  it(`client.${op.resource}.${op.list ? 'list/each/all' : op.action} exists, with path parameters in path order`, async () => {
    const { client, fetch } = testClient(anything(op));
    const resource = (client as unknown as Record<string, Record<string, unknown>>)[op.resource]!;
    for (const action of op.list ? ['list', 'each', 'all'] : [op.action]) expect(resource[action]).toBeTypeOf('function');
    const values = validPath(op);
    await facade(client, op)(...values, requiredOptions(op));
    const url = new URL(fetch.calls[0]!.url);
    expect(url.origin).toBe(ORIGIN);
    expect(url.pathname).toBe(op.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[pathNames(op).indexOf(name)]!));
    expect(fetch.calls[0]!.init.method).toBe(op.method);
  });

  const strict = pathNames(op).map((name, i) => [name, i] as const);
  it.each(strict.filter(([name]) => !takesName(op, name)))(
    'a SID of another resource as %s is a ProxyValidationError, nothing sent',
    async (name, i) => {
      const own = prefixOf(op, name);
      const others = prefixes.filter((p) => p !== own);
      expect(others.length).toBeGreaterThan(0);
      for (const other of others) {
        const { client, fetch } = testClient(anything(op));
        const values = validPath(op);
        values[i] = sid(other);
        const err = await facade(client, op)(...values, requiredOptions(op)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ProxyValidationError);
        expect(err).toMatchObject({ parameter: name });
        const path = Object.fromEntries(pathNames(op).map((n, j) => [n, values[j]]));
        await expect(client.request(id, { path, body: requiredBody(op) } as never)).rejects.toBeInstanceOf(ProxyValidationError);
        expect(fetch.calls).toHaveLength(0);
      }
    },
  );

  // Twilio takes a unique name in place of these SIDs: it is sent as given (percent-encoded); what neither takes is refused.
  it.each(strict.filter(([name]) => takesName(op, name)))(
    'a unique name as %s is sent as the name; a value neither a SID nor a name is a ProxyValidationError, nothing sent',
    async (name, i) => {
      const { client, fetch } = testClient(anything(op));
      const values = validPath(op);
      values[i] = 'Order #1/2';
      await facade(client, op)(...values, requiredOptions(op));
      expect(new URL(fetch.calls[0]!.url).pathname.split('/')).toContain(encodeURIComponent('Order #1/2'));
      for (const bad of ['', 'x'.repeat(192)]) {
        values[i] = bad;
        const err = await facade(client, op)(...values, requiredOptions(op)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ProxyValidationError);
        expect(err).toMatchObject({ parameter: name });
      }
      expect(fetch.calls).toHaveLength(1);
    },
  );

  it('client.request() sends it through openapi-fetch and resolves to the body; a 404 is a typed ProxyApiError', async () => {
    const { client, fetch } = testClient((url, _init, n) =>
      n === 1
        ? anything(op)(url)
        : json({ code: 20404, message: 'not found', status: 404 }, 404, { 'twilio-request-id': `RQ${'1'.repeat(32)}` }),
    );
    const path = Object.fromEntries(pathNames(op).map((n, j) => [n, validPath(op)[j]]));
    const seen: string[] = [];
    client.raw.use({ onRequest: ({ request }) => void seen.push(request.url) });
    const body = requiredBody(op);
    expect(await client.request(id, { path, body } as never)).toBeTypeOf('object');
    const err = await client.request(id, { path, body } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyApiError);
    expect(err).toMatchObject({ status: 404, code: 20404, requestId: `RQ${'1'.repeat(32)}`, attempts: 1 });
    expect(seen).toEqual(fetch.calls.map((c) => c.url));
  });
});

describe('which requests client.raw middleware sees', () => {
  it('every page of a list goes through openapi-fetch (and its middleware), next pages included', async () => {
    const [id, op] = operations.find(([, o]) => o.list && o.method === 'GET')!;
    const { client, fetch } = testClient(pages(10));
    const seen: string[] = [];
    const answered: number[] = [];
    client.raw.use({
      onRequest: ({ request }) => {
        seen.push(request.url);
        request.headers.set('x-trace', 'on');
      },
      onResponse: ({ response }) => void answered.push(response.status),
    });
    const path = Object.fromEntries(pathNames(op).map((n, j) => [n, validPath(op)[j]]));
    const items = await client.all(id as never, { path, query: { PageSize: 2 } } as never);
    expect(items).toHaveLength(10);
    expect(fetch.calls).toHaveLength(5);
    expect(seen).toEqual(fetch.calls.map((c) => c.url));
    expect(answered).toEqual([200, 200, 200, 200, 200]);
    // What a middleware adds is sent; auth is the transport's and cannot be lost.
    for (const call of fetch.calls) {
      const headers = call.init.headers as Record<string, string>;
      expect(headers['x-trace']).toBe('on');
      expect(headers.authorization).toMatch(/^Basic /);
    }
  });

  it('a middleware that reads the body still gets the parsed page (the body is re-readable)', async () => {
    const [id, op] = operations.find(([, o]) => o.list && o.method === 'GET')!;
    const { client } = testClient(pages(3));
    const keys: string[][] = [];
    const texts: string[] = [];
    client.raw.use({
      onResponse: async ({ response }) => {
        keys.push(Object.keys(await response.clone().json()));
        texts.push(await new Response(response.body).text(), new TextDecoder().decode(await response.arrayBuffer()));
      },
    });
    const path = Object.fromEntries(pathNames(op).map((n, j) => [n, validPath(op)[j]]));
    expect(await client.all(id as never, { path, query: { PageSize: 2 } } as never)).toHaveLength(3);
    expect(keys).toHaveLength(2);
    for (const k of keys) expect(k).toContain('meta');
    for (const t of texts) expect(JSON.parse(t)).toHaveProperty('meta');
  });

  it('a middleware that answers by itself is read like the server', async () => {
    const [id, op] = operations.find(([, o]) => o.list && o.method === 'GET')!;
    const { client, fetch } = testClient(pages(5));
    client.raw.use({ onRequest: ({ request }) => pages(1)(request.url, {}, 1) as Response });
    const path = Object.fromEntries(pathNames(op).map((n, j) => [n, validPath(op)[j]]));
    const page = await client.list(id as never, { path } as never);
    expect(page.items).toHaveLength(1);
    expect(fetch.calls).toHaveLength(0);
  });
});
