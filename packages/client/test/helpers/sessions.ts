import type { Session } from '@twilio-proxy/types';

export const SERVICE_SID = `KS${'a'.repeat(32)}`;
export const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
export const AUTH_TOKEN = 'tok_SECRET_0123456789abcdef';

/** The i-th session of a test data set: every field of the spec, plus one the spec does not list. */
export function makeSession(i: number, serviceSid = SERVICE_SID): Session & { extra_field: string } {
  const sid = `KC${i.toString(16).padStart(32, '0')}`;
  return {
    sid,
    service_sid: serviceSid,
    account_sid: ACCOUNT_SID,
    date_started: '2024-01-02T03:04:05Z',
    date_ended: null,
    date_last_interaction: null,
    date_expiry: null,
    unique_name: `session-${i}`,
    status: 'open',
    closed_reason: null,
    ttl: 0,
    mode: 'voice-and-message',
    date_created: '2024-01-02T03:04:05Z',
    date_updated: '2024-01-02T03:04:05Z',
    url: `https://proxy.twilio.com/v1/Services/${serviceSid}/Sessions/${sid}`,
    extra_field: 'kept',
  };
}

/**
 * A Twilio-shaped page of `total` sessions for a request URL (PageSize, Page, PageToken as Twilio
 * uses them); next_page_url is absolute on `origin`.
 */
export function pageFor(requestUrl: string, total: number, origin: string, key = 'sessions'): Record<string, unknown> {
  const u = new URL(requestUrl, origin);
  const size = Number(u.searchParams.get('PageSize') ?? 50);
  const page = Number(u.searchParams.get('Page') ?? 0);
  const token = u.searchParams.get('PageToken');
  const offset = token ? Number(token.slice(2)) : page * size;
  const items: unknown[] = [];
  for (let i = offset; i < Math.min(total, offset + size); i++) items.push(makeSession(i));
  const at = (p: number, o: number) => `${origin}${u.pathname}?PageSize=${size}&Page=${p}${o ? `&PageToken=PT${o}` : ''}`;
  return {
    [key]: items,
    meta: {
      first_page_url: at(0, 0),
      key,
      next_page_url: offset + size < total ? at(page + 1, offset + size) : null,
      page,
      page_size: size,
      previous_page_url: page > 0 ? at(page - 1, Math.max(0, offset - size)) : null,
      url: at(page, offset),
      extra_meta: 1,
    },
  };
}
