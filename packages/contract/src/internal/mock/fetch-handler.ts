import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { type Answer, notFound } from './answer.js';
import type { Bucket } from './store.js';

/** The stored item, byte for byte as it appears in a list page; 404 (20404) when the bucket has no such SID. */
export function fetchItem(op: WalkedOperation, bucket: Bucket, sid: string, pathname: string, selfCheck: boolean): Answer {
  const index = bucket.indexBySid.get(sid);
  if (index === undefined) return notFound(pathname, op.operationId);
  return {
    status: 200,
    body: selfCheck ? bucket.items[index] : undefined,
    json: bucket.json[index]!,
    headers: {},
    operationId: op.operationId,
  };
}
