/**
 * Classifies the differences between two dereferenced OpenAPI documents as breaking or not,
 * from the point of view of a client built on the old one.
 *
 * Direction matters: what a client *sends* (parameters, request bodies) may only get looser,
 * what it *receives* (response bodies and headers) may only get tighter. So a narrowed enum
 * breaks a request and a widened one breaks a response; a tighter constraint breaks a request.
 */

import { type JsonObject, type WalkedOperation, walkOperations } from '../../packages/types/src/walker/index.js';

type Direction = 'request' | 'response';

export interface SpecChange {
  /** Stable identifier of the kind of change, e.g. `removed-property`. */
  kind: string;
  breaking: boolean;
  /** Where in the API, in words a reviewer reads: `GET /v1/... response 200 body.orders[].sid`. */
  where: string;
  message: string;
}

// Keywords whose growth makes a schema accept less (lower bounds) and those whose shrinking does.
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const types = (s: JsonObject): string[] | null =>
  s.type === undefined ? null : (Array.isArray(s.type) ? s.type : [s.type]).map(String).sort();

class Collector {
  readonly changes: SpecChange[] = [];
  add(kind: string, breaking: boolean, where: string, message: string) {
    this.changes.push({ kind, breaking, where, message });
  }
}

/** `tighter` means the new schema accepts fewer values; a request must not tighten, a response must not loosen. */
function constraint(c: Collector, dir: Direction, where: string, key: string, tighter: boolean, from: unknown, to: unknown) {
  const breaking = dir === 'request' ? tighter : !tighter;
  const word = tighter ? 'tighter' : 'looser';
  c.add(
    `${word}-constraint`,
    breaking,
    where,
    `${key} ${from === undefined ? '(none)' : JSON.stringify(from)} → ${to === undefined ? '(none)' : JSON.stringify(to)} (${word} ${dir})`,
  );
}

function compareSchema(c: Collector, dir: Direction, where: string, a: JsonObject, b: JsonObject, depth = 0): void {
  if (depth > 40 || same(a, b)) return;

  const ta = types(a);
  const tb = types(b);
  if (!same(ta, tb) && ta && tb) {
    const added = tb.filter((t) => !ta.includes(t));
    const removed = ta.filter((t) => !tb.includes(t));
    // Integer → number widens; anything else that adds a type widens and anything removed narrows.
    const widened = removed.length === 0 || (removed.every((t) => t === 'integer') && tb.includes('number'));
    const narrowed = added.length === 0 || (added.every((t) => t === 'integer') && ta.includes('number'));
    const breaking = dir === 'request' ? !widened : !narrowed;
    c.add('type-change', breaking, where, `type ${ta.join('|')} → ${tb.join('|')}`);
  }

  if (a.enum || b.enum) {
    const ea: unknown[] = a.enum ?? [];
    const eb: unknown[] = b.enum ?? [];
    const removed = a.enum ? (b.enum ? ea.filter((v) => !eb.some((w) => same(v, w))) : []) : [];
    const added = b.enum ? (a.enum ? eb.filter((v) => !ea.some((w) => same(v, w))) : eb) : [];
    if (!a.enum && b.enum) {
      c.add('narrowed-enum', dir === 'request', where, `now restricted to ${JSON.stringify(eb)} (${dir})`);
    } else if (a.enum && !b.enum) {
      c.add('widened-enum', dir === 'response', where, `no longer restricted to ${JSON.stringify(ea)} (${dir})`);
    } else {
      if (removed.length) c.add('narrowed-enum', dir === 'request', where, `enum lost ${JSON.stringify(removed)} (${dir})`);
      if (added.length) c.add('widened-enum', dir === 'response', where, `enum gained ${JSON.stringify(added)} (${dir})`);
    }
  }

  for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const va = a[key];
    const vb = b[key];
    if (same(va, vb)) continue;
    const lower = LOWER_BOUNDS.includes(key);
    const tighter = va === undefined ? true : vb === undefined ? false : lower ? vb > va : vb < va;
    constraint(c, dir, where, key, tighter, va, vb);
  }
  if (!same(a.pattern, b.pattern)) {
    // A changed regex cannot be compared in general: count it as tighter unless it was dropped.
    constraint(c, dir, where, 'pattern', b.pattern !== undefined, a.pattern, b.pattern);
  }
  if (!same(a.format, b.format)) {
    constraint(c, dir, where, 'format', b.format !== undefined, a.format, b.format);
  }
  if (a.default !== undefined && !same(a.default, b.default)) {
    c.add('changed-default', false, where, `default ${JSON.stringify(a.default)} → ${JSON.stringify(b.default)}`);
  }

  // Object properties.
  const pa: JsonObject = isObj(a.properties) ? a.properties : {};
  const pb: JsonObject = isObj(b.properties) ? b.properties : {};
  const ra: string[] = a.required ?? [];
  const rb: string[] = b.required ?? [];
  const removed = Object.keys(pa).filter((k) => !(k in pb));
  const added = Object.keys(pb).filter((k) => !(k in pa));
  const renamed = new Map<string, string>();
  for (const r of removed) {
    const twin = added.find((n) => !renamed.has(n) && [...renamed.values()].every((v) => v !== n) && same(pa[r], pb[n]));
    if (twin) renamed.set(r, twin);
  }
  for (const r of removed) {
    const to = renamed.get(r);
    if (to) c.add('renamed-property', true, `${where}.${r}`, `renamed to ${to} (${dir})`);
    else c.add('removed-property', true, `${where}.${r}`, `property removed (${dir})`);
  }
  for (const n of added.filter((n) => ![...renamed.values()].includes(n))) {
    const required = rb.includes(n);
    if (dir === 'request' && required) c.add('new-required-property', true, `${where}.${n}`, 'new required property in a request');
    else c.add(required ? 'added-property' : 'added-optional-property', false, `${where}.${n}`, `property added (${dir})`);
  }
  for (const k of Object.keys(pa).filter((k) => k in pb)) {
    const wasReq = ra.includes(k);
    const isReq = rb.includes(k);
    if (wasReq !== isReq) {
      const breaking = dir === 'request' ? isReq : !isReq;
      c.add(
        isReq ? 'property-now-required' : 'property-now-optional',
        breaking,
        `${where}.${k}`,
        `${isReq ? 'now required' : 'no longer required'} (${dir})`,
      );
    }
    compareSchema(c, dir, `${where}.${k}`, pa[k], pb[k], depth + 1);
  }
  if (a.additionalProperties !== false && b.additionalProperties === false && dir === 'request') {
    c.add('tighter-constraint', true, where, 'additionalProperties now false (request)');
  }

  if (isObj(a.items) && isObj(b.items)) compareSchema(c, dir, `${where}[]`, a.items, b.items, depth + 1);

  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const xa: JsonObject[] | undefined = a[key];
    const xb: JsonObject[] | undefined = b[key];
    if (same(xa, xb)) continue;
    if (xa && xb && xa.length === xb.length) {
      for (const [i, s] of xa.entries()) compareSchema(c, dir, `${where}<${key}[${i}]>`, s, xb[i]!, depth + 1);
    } else c.add('changed-composition', true, where, `${key} changed shape (${dir})`);
  }
}

const parameters = (op: WalkedOperation): Map<string, JsonObject> => new Map(op.parameters.map((p) => [`${p.in} ${p.name}`, p]));

function compareOperation(c: Collector, op: string, a: WalkedOperation, b: WalkedOperation) {
  const pa = parameters(a);
  const pb = parameters(b);
  for (const key of pa.keys()) {
    if (!pb.has(key)) c.add('removed-parameter', true, `${op} ${key}`, 'parameter removed');
  }
  for (const [key, p] of pb) {
    const old = pa.get(key);
    if (!old) {
      if (p.required) c.add('new-required-parameter', true, `${op} ${key}`, 'new required parameter');
      else c.add('new-optional-parameter', false, `${op} ${key}`, 'new optional parameter');
      continue;
    }
    if (!old.required && p.required) c.add('parameter-now-required', true, `${op} ${key}`, 'parameter is now required');
    if (old.required && !p.required) c.add('parameter-now-optional', false, `${op} ${key}`, 'parameter is now optional');
    compareSchema(c, 'request', `${op} ${key}`, old.schema ?? {}, p.schema ?? {});
  }

  // The request body as the walker reads it: its media type, whether it is required, and its schema.
  if (!a.body?.required && b.body?.required) c.add('new-required-body', true, `${op} request body`, 'request body is now required');
  if (a.body && b.body && a.body.mediaType !== b.body.mediaType)
    c.add('body-media-type-changed', true, `${op} request body`, `request body is now ${b.body.mediaType}, was ${a.body.mediaType}`);
  if (a.body && b.body) compareSchema(c, 'request', `${op} request body`, a.body.schema, b.body.schema);

  const ra = a.responsesByStatus;
  const rb = b.responsesByStatus;
  for (const code of Object.keys(ra)) {
    if (!(code in rb)) {
      c.add('removed-response', true, `${op} response ${code}`, 'response removed');
      continue;
    }
    const where = `${op} response ${code}`;
    const ha = ra[code]!.headers;
    const hb = rb[code]!.headers;
    for (const h of Object.keys(ha)) {
      if (!(h in hb)) c.add('removed-response-header', true, `${where} header ${h}`, 'response header removed');
      else compareSchema(c, 'response', `${where} header ${h}`, ha[h]!.schema ?? {}, hb[h]!.schema ?? {});
    }
    for (const h of Object.keys(hb).filter((h) => !(h in ha)))
      c.add('added-response-header', false, `${where} header ${h}`, 'response header added');
    const sa = ra[code]!.schema;
    const sb = rb[code]!.schema;
    if (sa && !sb) c.add('removed-response-body', true, where, 'response body removed');
    if (sa && sb) compareSchema(c, 'response', `${where} body`, sa, sb);
  }
  for (const code of Object.keys(rb).filter((k) => !(k in ra))) c.add('added-response', false, `${op} response ${code}`, 'response added');
}

/** Every API-visible difference between `base` and `revision` (both dereferenced), in path then method order. */
export function classifySpecChanges(base: JsonObject, revision: JsonObject): SpecChange[] {
  const c = new Collector();
  const byRoute = (doc: JsonObject) => new Map(walkOperations(doc).map((o) => [`${o.method} ${o.path}`, o]));
  const [opsA, opsB] = [byRoute(base), byRoute(revision)];
  for (const route of new Set([...opsA.keys(), ...opsB.keys()])) {
    const a = opsA.get(route);
    const b = opsB.get(route);
    if (a && !b) c.add('removed-operation', true, route, `operation ${a.operationId} removed`);
    else if (!a && b) c.add('new-operation', false, route, `operation ${b.operationId} added`);
    else if (a && b) compareOperation(c, route, a, b);
  }
  return c.changes;
}
