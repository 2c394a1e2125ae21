import { isNullable, type JsonObject, snakeCase, type WalkedBodyField, type WalkedOperation } from '@twilio-proxy/types/walker';
import { CREATED_PROPERTY, iso, SCHEMA_RULES, UPDATED_PROPERTY } from '../../domain-rules.js';
import { collectionOfSchema } from '../walked-spec.js';
import { type Answer, errorAnswer, MOCK_ERROR_CODES, notFound } from './answer.js';
import { readForm } from './form-body.js';
import type { Bucket, Store } from './store.js';

/** The documented success status (a range such as `2XX`, or `default`: the usual one for the action). */
function statusOf(op: WalkedOperation, usual: number): number {
  const { code, status } = op.success;
  return code !== null && status === String(code) ? code : usual;
}

const answerWith = (op: WalkedOperation, status: number, item: JsonObject | undefined, json?: Buffer): Answer =>
  item === undefined
    ? { status, body: undefined, json: '', headers: {}, operationId: op.operationId }
    : { status, body: item, json: json ?? JSON.stringify(item), headers: {}, operationId: op.operationId };

/** The item properties a body field sets (`FriendlyName` → `friendly_name`), when the item has that property. */
function fieldProperty(name: string, item: JsonObject, fixed: ReadonlySet<string>): string | undefined {
  const key = snakeCase(name);
  return key in item && !fixed.has(key) ? key : undefined;
}

/**
 * A created item as an item of another schema's collection under the same parents (a domain rule's `alsoListedAs`):
 * that collection's own draft, with the SID and every property both have; its `url` keeps its own path.
 */
function listAlsoAs(store: Store, from: Bucket, item: JsonObject, schema: string): void {
  const c = collectionOfSchema(schema);
  const bucket = c && store.bucket(c, from.parents.slice(0, c.parentParams.length));
  const draft = bucket && store.draft(bucket);
  if (!c || !bucket || !draft) return;
  const sid = item[from.collection.idProperty];
  const twin: JsonObject = JSON.parse(JSON.stringify(draft).split(draft[c.idProperty]).join(sid));
  for (const key of Object.keys(twin)) if (key in item && key !== 'url' && key !== 'links') twin[key] = item[key];
  store.add(bucket, [twin]);
}

/**
 * Writes, as Twilio answers them. The body is read per the spec's fields first (a bad, missing or unknown field:
 * 400 naming it, nothing stored). A create stores an item made of the given fields, the fields' defaults and
 * server-owned values (SID, account, parents, dates, url and links from the bucket's factory); an update changes
 * the given fields and `date_updated`; a remove takes the item and everything under it. Per-schema write rules
 * (domain-rules.ts) run on both. Undefined when the operation is none of these.
 */
export function writeAnswer(
  op: WalkedOperation,
  store: Store,
  bucket: Bucket,
  sid: string | undefined,
  form: URLSearchParams,
  pathname: string,
): Answer | undefined {
  const c = bucket.collection;
  const index = sid === undefined ? undefined : bucket.indexBySid.get(sid);
  if (sid !== undefined && index === undefined) return notFound(pathname, op.operationId);
  if (op.action === 'remove' && index !== undefined) {
    store.remove(bucket, index);
    return answerWith(op, statusOf(op, 204), undefined);
  }
  const creates = sid === undefined && op.action === 'create';
  if (!creates && !(index !== undefined && op.action === 'update')) return undefined;

  // Only the fields the spec states: an operation without a body takes none.
  const fields: readonly WalkedBodyField[] = op.body?.fields ?? [];
  const read = readForm(op.operationId, fields, form);
  if (!read.ok) return errorAnswer(400, MOCK_ERROR_CODES.badRequest, read.message, op.operationId);

  const base = creates ? store.draft(bucket) : bucket.items[index!];
  if (!base) return undefined;
  const item: JsonObject = { ...base };
  // The collection's item as the walker states it (its list's or fetch's item, else this write's answer).
  const itemOp = c.list ?? c.fetch ?? op;
  const props: JsonObject = itemOp.item?.properties ?? {};
  const fixed = new Set([c.idProperty, 'sid', 'account_sid', 'url', 'links', ...c.parentProperties.filter((k) => k !== null)]);
  // A create may name the SID itself (a resource added by its SID, as Twilio's phone numbers are): it becomes the item's.
  const ownSid = creates && op.body ? fields.find((f) => snakeCase(f.name) === c.idProperty && read.values.has(f.name)) : undefined;
  const given = ownSid && read.values.get(ownSid.name);
  if (typeof given === 'string' && bucket.indexBySid.has(given))
    return errorAnswer(400, MOCK_ERROR_CODES.badRequest, `Invalid ${ownSid!.name}: ${given} is already in this collection`, op.operationId);
  const changed = new Set<string>();
  const now = Date.now();
  for (const f of fields) {
    const key = fieldProperty(f.name, item, fixed);
    if (key === undefined) continue;
    if (read.values.has(f.name)) {
      item[key] = read.values.get(f.name);
      changed.add(key);
    } else if (creates) {
      // Not given: the field's default, else the property's, else null where the item allows it.
      const fallback = f.schema.default ?? props[key]?.default;
      if (fallback !== undefined) item[key] = fallback;
      else if (isNullable(props[key])) item[key] = null;
    }
  }
  if (creates) {
    // A new item has not happened yet: its own dates are now, the others empty until they happen.
    for (const key of itemOp.dateFields) if (!changed.has(key)) item[key] = isNullable(props[key]) ? null : iso(now);
    if (CREATED_PROPERTY in item) item[CREATED_PROPERTY] = iso(now);
  }
  if (UPDATED_PROPERTY in item) item[UPDATED_PROPERTY] = iso(now);
  const rule = c.schema ? SCHEMA_RULES[c.schema] : undefined;
  rule?.write?.(item, { now, created: creates, changed, fields: read.values });

  if (creates) {
    if (typeof given === 'string') Object.assign(item, JSON.parse(JSON.stringify(item).split(item[c.idProperty]).join(given)));
    store.add(bucket, [item]);
    store.markWritten(item[c.idProperty]);
    const json = bucket.json.at(-1);
    if (rule?.alsoListedAs) listAlsoAs(store, bucket, item, rule.alsoListedAs);
    return answerWith(op, statusOf(op, 201), item, json);
  }
  store.replace(bucket, index!, item);
  return answerWith(op, statusOf(op, 200), bucket.items[index!], bucket.json[index!]);
}
