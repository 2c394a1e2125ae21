import { type JsonObject, snakeCase, type WalkedOperation } from '@twilio-proxy/types/walker';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { validateResponse } from '../core/validators.js';
import { sampleForm, sampleFormValue } from '../internal/sample-form.js';
import { type Collection, specCollections, specOperations } from '../internal/walked-spec.js';

export { sampleForm, sampleFormValue };

/** What the write tests need of a target: requests with a form body, URLs, and the parents to write under. */
export interface WriteProbe {
  send(method: string, url: string, form?: URLSearchParams): Promise<{ status: number; body: JsonObject; text: string }>;
  urlOf(op: WalkedOperation, values: readonly string[], query?: string): string;
  parentsOf(c: Collection): Promise<string[] | undefined>;
  /** The seed the sample bodies are drawn from: the same seed sends the same requests. */
  readonly seed: number;
}

const collectionOf = (op: WalkedOperation): Collection => specCollections().find((c) => c.operations.includes(op))!;
const opOf = (c: Collection, action: string) => c.operations.find((o) => o.action === action && o.body !== undefined);

/** The write operations a suite covers: creates, updates and removes, per collection that can create its own items. */
export function writeOperations(): WalkedOperation[] {
  return [...specOperations().values()].filter(
    (op) => ['create', 'update', 'remove'].includes(op.action) && opOf(collectionOf(op), 'create'),
  );
}

/**
 * Per write operation: a create then a fetch gives the same item; an update changes only the given field (and what
 * the server owns: `date_updated`, dates a domain rule sets); a remove makes the item and its children 404; a bad body
 * gives 400 with nothing stored. Every item a test creates is removed afterwards, even when the test fails.
 */
export function writeTests(op: WalkedOperation, probe: WriteProbe): void {
  const c = collectionOf(op);
  const create = opOf(c, 'create')!;
  const remove = opOf(c, 'remove');
  const fetch = c.fetch;
  const created: Array<() => Promise<unknown>> = [];

  afterAll(async () => {
    for (const undo of created.splice(0).reverse()) await undo().catch(() => undefined);
  });

  async function parents(ctx: TestContext): Promise<string[]> {
    const values = await probe.parentsOf(c);
    if (!values) ctx.skip(`no parent item to write ${c.resource} under`);
    return values!;
  }
  async function make(values: string[], i: number): Promise<JsonObject> {
    const r = await probe.send(create.method, probe.urlOf(create, values), sampleForm(create.body?.fields ?? [], i, probe.seed));
    expect(r.status, r.text).toBe(create.success.code);
    const sid = r.body[c.idProperty];
    if (remove) created.push(() => probe.send(remove.method, probe.urlOf(remove, [...values, sid])));
    return r.body;
  }
  const itemUrl = (o: WalkedOperation, values: string[], sid: string) => probe.urlOf(o, [...values, sid]);

  if (op === create) {
    it('a create answers the documented status and a spec-valid item; a fetch gives the same item', async (ctx) => {
      const values = await parents(ctx);
      const item = await make(values, 1);
      expect(validateResponse(op.operationId, op.success.code ?? 200, item).errors).toEqual([]);
      if (fetch) expect((await probe.send('GET', itemUrl(fetch, values, item[c.idProperty]))).body).toEqual(item);
    });
    it('a bad body (an unknown field) gives 400 with nothing stored', async (ctx) => {
      const values = await parents(ctx);
      const list = c.list;
      // The whole list where it can be asked for in one page (the largest page its page-size parameter allows).
      const size = list?.list?.paging.pageSize;
      const max = list?.parameters.find((p) => p.role === 'pageSize')?.schema.maximum ?? 1000;
      const all = size ? `?${size}=${max}` : '';
      const before = list ? (await probe.send('GET', probe.urlOf(list, values, all))).text : '';
      const form = sampleForm(
        (op.body?.fields ?? []).filter((f) => f.required),
        0,
        probe.seed,
      );
      form.append('NotAFieldOfThisRequest', 'x');
      const r = await probe.send(op.method, probe.urlOf(op, values), form);
      expect(r.status).toBe(400);
      expect(r.text).toContain('NotAFieldOfThisRequest');
      if (list) expect((await probe.send('GET', probe.urlOf(list, values, all))).text).toBe(before);
    });
  } else if (op.action === 'update') {
    it('an update changes only the given field (and server-owned dates)', async (ctx) => {
      const values = await parents(ctx);
      const item = await make(values, 2);
      const field = (op.body?.fields ?? []).find((f) => f.type !== 'array' && snakeCase(f.name) in item);
      if (!field) return ctx.skip(`${op.operationId} has no field the item shows`);
      const form = new URLSearchParams({ [field.name]: sampleFormValue(field.schema, 3, probe.seed) });
      const r = await probe.send(op.method, itemUrl(op, values, item[c.idProperty]), form);
      expect(r.status, r.text).toBe(op.success.code);
      const changed = Object.keys(r.body).filter((k) => JSON.stringify(r.body[k]) !== JSON.stringify(item[k]));
      const serverOwned = (k: string) => op.dateFields.includes(k) || k === 'closed_reason';
      expect(changed.filter((k) => k !== snakeCase(field.name) && !serverOwned(k))).toEqual([]);
    });
  } else if (op.action === 'remove') {
    it('a remove answers the documented status; the item and its children are then 404', async (ctx) => {
      const values = await parents(ctx);
      const item = await make(values, 4);
      const sid = item[c.idProperty];
      const r = await probe.send(op.method, itemUrl(op, values, sid));
      expect(r.status).toBe(op.success.code);
      if (fetch) expect((await probe.send('GET', itemUrl(fetch, values, sid))).status).toBe(404);
      for (const child of specCollections().filter((x) => x.list && x.parentOwners.at(-1) === c))
        expect((await probe.send('GET', probe.urlOf(child.list!, [...values, sid]))).status).toBe(404);
    });
  }
}

/** Registers the write tests of every write operation, or (not opted in) each as skipped with the reason. */
export function defineWriteTests(probe: WriteProbe, optedIn: boolean): void {
  for (const op of writeOperations()) {
    const register = optedIn ? describe : describe.skip;
    register(`${op.operationId} (${op.method} ${op.path})${optedIn ? '' : ' (writes not opted in: set writes: true)'}`, () =>
      writeTests(op, probe),
    );
  }
}
