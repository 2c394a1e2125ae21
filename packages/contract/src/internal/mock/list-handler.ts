import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { type Answer, errorAnswer, MOCK_ERROR_CODES } from './answer.js';
import type { Bucket } from './store.js';

const COMMA = Buffer.from(',');

/** The query of a list, by parameter name, already validated and coerced against the operation's parameters. */
export type PageQuery = Readonly<Record<string, unknown>>;

/**
 * One page of a bucket, the Twilio way, under the names the walker gives the paging roles (`op.list.paging`): a
 * page size (default from its schema), a page number for client state, and an opaque page token naming the
 * position after (or before) a SID, so items added while a client pages neither repeat nor shift; absolute page
 * URLs; `meta.key` names the items property. The JSON is a join of the items' pre-encoded bytes.
 */
export function listPage(
  op: WalkedOperation,
  bucket: Bucket,
  query: PageQuery,
  baseUrl: string,
  pathname: string,
  selfCheck: boolean,
): Answer {
  const { itemsKey, paging } = op.list!;
  const pageSizeParam = op.parameters.find((p) => p.role === 'pageSize');
  const given = (name: string | null) => (name === null ? undefined : query[name]);
  const pageSize = Number(given(paging.pageSize) ?? pageSizeParam?.schema.default ?? 50);
  const page = Number(given(paging.page) ?? 0);
  const token = given(paging.pageToken) as string | undefined;
  const { items, json } = bucket;
  let start: number;
  let end: number;
  if (token !== undefined) {
    const position = bucket.tokens.verify(token);
    const at = position ? bucket.indexBySid.get(position.sid) : undefined;
    if (!position || at === undefined) return errorAnswer(400, MOCK_ERROR_CODES.badRequest, `Invalid ${paging.pageToken}`, op.operationId);
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
  // Only the roles the list has: without a token parameter the next link pages by number.
  const pageUrl = (p: number, t?: string) => {
    const q: string[] = [];
    if (paging.pageSize) q.push(`${paging.pageSize}=${pageSize}`);
    if (paging.page) q.push(`${paging.page}=${p}`);
    if (t && paging.pageToken) q.push(`${paging.pageToken}=${encodeURIComponent(t)}`);
    return `${baseUrl}${pathname}${q.length ? `?${q.join('&')}` : ''}`;
  };
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
