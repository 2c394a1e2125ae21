import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { type Answer, errorAnswer, MOCK_ERROR_CODES } from './answer.js';
import type { Bucket } from './store.js';

const COMMA = Buffer.from(',');

/** Twilio's paging query, already validated and coerced against the operation's parameters. */
export interface PageQuery {
  PageSize?: number;
  Page?: number;
  PageToken?: string;
}

/**
 * One page of a bucket, the Twilio way: `PageSize` (default from the spec), `Page` for client state, and an
 * opaque `PageToken` naming the position after (or before) a SID, so items added while a client pages neither
 * repeat nor shift; absolute page URLs; `meta.key` names the items property. The JSON is a join of the items'
 * pre-encoded bytes.
 */
export function listPage(
  op: WalkedOperation,
  bucket: Bucket,
  query: PageQuery,
  baseUrl: string,
  pathname: string,
  selfCheck: boolean,
): Answer {
  const itemsKey = op.list!.itemsKey;
  const pageSizeParam = op.parameters.find((p) => p.in === 'query' && p.name === 'PageSize');
  const pageSize = query.PageSize ?? Number(pageSizeParam?.schema.default ?? 50);
  const page = query.Page ?? 0;
  const token = query.PageToken;
  const { items, json } = bucket;
  let start: number;
  let end: number;
  if (token !== undefined) {
    const position = bucket.tokens.verify(token);
    const at = position ? bucket.indexBySid.get(position.sid) : undefined;
    if (!position || at === undefined) return errorAnswer(400, MOCK_ERROR_CODES.badRequest, 'Invalid PageToken', op.operationId);
    if (position.direction === 'after') {
      start = at + 1;
      end = Math.min(items.length, start + pageSize);
    } else {
      end = at;
      start = Math.max(0, end - pageSize);
    }
  } else {
    start = Math.min(items.length, page * pageSize);
    end = Math.min(items.length, start + pageSize);
  }
  const id = bucket.collection.idProperty;
  const pageUrl = (p: number, t?: string) =>
    `${baseUrl}${pathname}?PageSize=${pageSize}&Page=${p}${t ? `&PageToken=${encodeURIComponent(t)}` : ''}`;
  const first = items[start];
  const last = items[end - 1];
  const meta = {
    page,
    page_size: pageSize,
    first_page_url: pageUrl(0),
    previous_page_url:
      page > 0 && start > 0 && first ? pageUrl(page - 1, bucket.tokens.issue({ direction: 'before', sid: first[id] })) : null,
    url: pageUrl(page, token),
    next_page_url: end < items.length && last ? pageUrl(page + 1, bucket.tokens.issue({ direction: 'after', sid: last[id] })) : null,
    key: itemsKey,
  };
  const parts: Buffer[] = [Buffer.from(`{"${itemsKey}":[`)];
  for (let i = start; i < end; i++) {
    if (i > start) parts.push(COMMA);
    parts.push(json[i]!);
  }
  parts.push(Buffer.from(`],"meta":${JSON.stringify(meta)}}`));
  const answer: Answer = { status: 200, body: undefined, json: Buffer.concat(parts), headers: {}, operationId: op.operationId };
  if (selfCheck) {
    // The envelope is validated per response; the items were validated once, when stored.
    const checked = bucket.issues.length > 0;
    answer.body = { [itemsKey]: checked ? [] : items.slice(start, end), meta };
    if (checked) {
      answer.itemIssues = function* () {
        for (let i = start; i < end; i++) {
          for (const issue of bucket.issues[i] ?? []) yield { path: `/${itemsKey}/${i - start}${issue.path}`, message: issue.message };
        }
      };
    }
  }
  return answer;
}
