import { type JsonObject, sidShapeOf, snakeCase, typeOf, type WalkedBodyField, type WalkedOperation } from '@twilio-proxy/types/walker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProxy, startMockProxy, validateResponse, validateSchema } from '../src/index.js';
import { sampleNumber } from '../src/internal/sample-form.js';
import { type Collection, specCollections, specOperations } from '../src/internal/walked-spec.js';
import { mockAuth, raw } from './helpers/helpers.js';

/**
 * Writes on every write operation of the spec (13 on the real spec; a spec with none skips this block).
 * Table-driven over the walker's operations.
 */
const ops = [...specOperations().values()];
const collectionOf = (op: WalkedOperation): Collection => specCollections().find((c) => c.operations.includes(op))!;
const creates = ops.filter((op) => op.action === 'create' && op.body);
const updates = ops.filter((op) => op.action === 'update' && op.body?.fields.length);
const removes = ops.filter((op) => op.action === 'remove');

/** A value the field's schema accepts, as the form text twilio-node would send. */
function sample(s: JsonObject, i: number): string {
  const values = (s.enum ?? []).filter((v: unknown) => v !== null);
  if (values.length) return String(values[i % values.length]);
  const shape = sidShapeOf(s);
  if (shape) return `${shape.prefix}${(i % 16).toString(16).repeat(shape.hexDigits)}`;
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return String(sampleNumber(s, i));
    case 'boolean':
      return i % 2 ? 'false' : 'true';
  }
  if (s.format === 'date-time') return '2030-01-02T03:04:05Z';
  if (s.format === 'uri') return `https://example.com/cb/${i}`;
  if (s.format === 'phone-number') return `+1555000${String(1000 + i).slice(-4)}`;
  return `value ${i} ✅`;
}
const formOf = (fields: readonly WalkedBodyField[], i = 0): URLSearchParams => {
  const form = new URLSearchParams();
  for (const f of fields) {
    if (f.type === 'array') for (const k of [0, 1]) form.append(f.name, sample(f.items ?? {}, i + k));
    else form.append(f.name, sample(f.schema, i));
  }
  return form;
};
/** The value a form text stands for, as the item should hold it. */
const parsed = (f: WalkedBodyField, text: string): unknown =>
  f.type === 'integer' || f.type === 'number' ? Number(text) : f.type === 'boolean' ? text === 'true' : text;

let m: MockProxy;
const send = (method: string, url: string, form?: URLSearchParams) =>
  raw(url, {
    method,
    auth: mockAuth(m),
    headers: form
      ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(form.toString())) }
      : {},
    ...(form ? { body: form.toString() } : {}),
  });
const itemUrl = (_c: Collection, op: WalkedOperation, sid: string) => m.urlFor(op.operationId, { [op.pathParams.at(-1)!]: sid });
const snapshot = () => JSON.stringify(specCollections().map((c) => (c.list && c.schema ? m.items(c.resource) : [])));

describe.skipIf(creates.length === 0)('writes, as Twilio answers them', () => {
  beforeAll(async () => {
    m = await startMockProxy({ count: 4, perParent: 2, seed: 5 });
  });
  afterAll(() => m.close()); // rejects if any write answer broke the spec (self-check)

  describe.each(creates.map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
    const c = collectionOf(op);
    it('stores the values sent (typed), server-owned fields on the mock, the documented status; fetch gives it back', async () => {
      const before = m.items(c.resource).length;
      const form = formOf(op.body!.fields);
      const r = await send('POST', m.urlFor(op.operationId), form);
      expect(r.status, r.text).toBe(Number(op.success.status));
      expect(validateResponse(op.operationId, r.status, r.json).errors).toEqual([]);
      const item = r.json;
      for (const f of op.body!.fields) {
        const key = snakeCase(f.name);
        if (!(key in item) || f.type === 'array') continue;
        expect(item[key], f.name).toEqual(parsed(f, form.get(f.name)!));
      }
      expect(item.url).toMatch(new RegExp(`^${m.url}/`));
      for (const link of Object.values<string>(item.links ?? {})) expect(link.startsWith(m.url)).toBe(true);
      expect(m.items(c.resource)).toHaveLength(before + 1);
      expect(m.items(c.resource).at(-1)).toEqual(item);
      const fetch = c.fetch;
      if (fetch) {
        const got = await send('GET', itemUrl(c, fetch, item[c.idProperty]));
        expect(got.text).toBe(r.text);
      }
      // A new parent starts with empty child collections.
      for (const child of specCollections().filter((x) => x.list && x.parentOwners.at(-1) === c)) {
        expect(m.items(child.resource, { [child.parentParams[c.parentParams.length]!]: item[c.idProperty] })).toEqual([]);
      }
    });

    it('answers a bad value, an unknown field and a missing required field with 400 naming the field, storing nothing', async () => {
      const before = snapshot();
      const fields = op.body!.fields;
      const cases: Array<[URLSearchParams, string]> = [];
      const unknown = formOf(fields.filter((f) => f.required));
      unknown.append('NoSuchField', 'x');
      cases.push([unknown, 'NoSuchField']);
      const typed = fields.find((f) => f.schema.enum || ['integer', 'boolean'].includes(f.type));
      if (typed) {
        const bad = formOf(fields);
        bad.set(typed.name, 'carrier-pigeon');
        cases.push([bad, typed.name]);
      }
      const required = fields.find((f) => f.required);
      if (required) {
        const missing = formOf(fields);
        missing.delete(required.name);
        cases.push([missing, required.name]);
      }
      for (const [form, field] of cases) {
        const r = await send('POST', m.urlFor(op.operationId), form);
        expect([r.status, r.json.code], r.text).toEqual([400, 20001]);
        expect(r.json.message).toContain(field);
        expect(validateSchema('TwilioError', r.json).errors).toEqual([]);
      }
      expect(snapshot()).toBe(before);
    });
  });

  describe.each(updates.map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
    const c = collectionOf(op);
    it('changes only the given field and date_updated', async () => {
      const [target] = m.add<JsonObject>(c.resource, 1);
      const field = op.body!.fields.find((f) => snakeCase(f.name) in target! && f.type !== 'array')!;
      const form = new URLSearchParams({ [field.name]: sample(field.schema, 1) });
      const r = await send('POST', itemUrl(c, op, target![c.idProperty]), form);
      expect(r.status, r.text).toBe(Number(op.success.status));
      const changed = Object.keys(r.json).filter((k) => JSON.stringify(r.json[k]) !== JSON.stringify(target![k]));
      const allowed = [snakeCase(field.name), 'date_updated', 'date_ended', 'closed_reason', 'date_expiry'];
      expect(
        changed.every((k) => allowed.includes(k)),
        changed.join(),
      ).toBe(true);
      expect(r.json[snakeCase(field.name)]).toEqual(parsed(field, form.get(field.name)!));
    });
  });

  describe.each(removes.map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
    const c = collectionOf(op);
    it('answers the documented status and takes the item and everything under it (404 20404)', async () => {
      const [target] = m.add<JsonObject>(c.resource, 1);
      const sid = target![c.idProperty];
      const children = specCollections().filter((x) => x.list && x.parentOwners.at(-1) === c);
      for (const child of children) {
        const r = await send('GET', m.urlFor(child.list!.operationId, { [child.parentParams[c.parentParams.length]!]: sid }));
        expect(r.status).toBe(200);
      }
      const r = await send('DELETE', itemUrl(c, op, sid));
      expect(r.status).toBe(Number(op.success.status));
      expect(r.text).toBe('');
      if (c.fetch) expect((await send('GET', itemUrl(c, c.fetch, sid))).json.code).toBe(20404);
      for (const child of children) {
        const gone = await send('GET', m.urlFor(child.list!.operationId, { [child.parentParams[c.parentParams.length]!]: sid }));
        expect([gone.status, gone.json.code]).toEqual([404, 20404]);
      }
      expect(m.items(c.resource).some((i: JsonObject) => i[c.idProperty] === sid)).toBe(false);
    });
  });

  it('64 parallel creates give 64 distinct items', async () => {
    const op = creates[0]!;
    const c = collectionOf(op);
    const before = m.items(c.resource).length;
    const answers = await Promise.all(
      Array.from({ length: 64 }, (_x, i) => send('POST', m.urlFor(op.operationId), formOf(op.body!.fields, i))),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => Number(op.success.status)));
    expect(new Set(answers.map((a) => a.json[c.idProperty])).size).toBe(64);
    expect(m.items(c.resource)).toHaveLength(before + 64);
  });

  it('a session updated to closed gets date_ended, dates in order', async () => {
    const op = ops.find((o) => o.operationId === 'UpdateSession')!;
    const open = m.addSessions(1)[0]!;
    const r = await send('POST', m.urlFor('UpdateSession', { Sid: open.sid! }), new URLSearchParams({ Status: 'closed' }));
    expect(r.status, r.text).toBe(Number(op.success.status));
    expect(r.json.status).toBe('closed');
    expect(r.json.date_ended).not.toBeNull();
    const order = ['date_created', 'date_started', 'date_ended', 'date_updated'].map((k) => Date.parse(r.json[k]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
