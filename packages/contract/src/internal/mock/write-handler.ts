import { type JsonObject, snakeCase, type WalkedOperation } from '@twilio-proxy/types/spec';
import { type Answer, notFound } from './answer.js';
import type { Bucket, Store } from './store.js';

/** The first documented success status of an operation, or undefined when it documents none. */
const successStatus = (op: WalkedOperation, preferred: string[]): number | undefined => {
  const key = preferred.find((k) => k in op.responses) ?? Object.keys(op.responses).find((k) => /^2\d\d$/.test(k));
  return key === undefined ? undefined : Number(key);
};

/** Form fields (`FriendlyName=…`) onto the item properties they name (`friendly_name`), when the item has them. */
function applyFields(item: JsonObject, form: URLSearchParams, protectedKeys: ReadonlySet<string>): JsonObject {
  const out = { ...item };
  for (const [name, value] of form) {
    const key = snakeCase(name);
    if (key in out && !protectedKeys.has(key) && (typeof out[key] === 'string' || out[key] === null)) out[key] = value;
  }
  return out;
}

const answerWith = (op: WalkedOperation, status: number, item: JsonObject | undefined, json?: Buffer): Answer =>
  item === undefined
    ? { status, body: undefined, json: '', headers: {}, operationId: op.operationId }
    : { status, body: item, json: json ?? JSON.stringify(item), headers: {}, operationId: op.operationId };

/**
 * Operations other than reads, answered as far as the spec allows: a create stores a generated item (with the
 * form fields that name its properties) and returns it; an update changes those fields of the stored item; a
 * delete removes it (204, or the documented success). Undefined when the operation is none of these.
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
  const fixed = new Set([c.idProperty, ...c.parentParams.map((p) => snakeCase(p)), 'account_sid', 'url']);
  if (sid === undefined && op.action === 'create') {
    const draft = store.draft(bucket);
    const status = successStatus(op, ['201', '200']);
    if (!draft || status === undefined) return undefined;
    const [item] = store.add(bucket, [applyFields(draft, form, fixed)]);
    return answerWith(op, status, item, bucket.json.at(-1));
  }
  if (sid === undefined) return undefined;
  const index = bucket.indexBySid.get(sid);
  if (op.action === 'remove') {
    if (index === undefined) return notFound(pathname, op.operationId);
    store.remove(bucket, index);
    return answerWith(op, successStatus(op, ['204', '200']) ?? 204, undefined);
  }
  if (op.action === 'update') {
    if (index === undefined) return notFound(pathname, op.operationId);
    const status = successStatus(op, ['200', '202']);
    if (status === undefined) return undefined;
    store.replace(bucket, index, applyFields(bucket.items[index]!, form, fixed));
    return answerWith(op, status, bucket.items[index], bucket.json[index]);
  }
  return undefined;
}
