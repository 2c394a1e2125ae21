import type { ListSessionsQuery, Session } from '@twilio-proxy/types';
import { collect, iterate, listPage, type IterateOptions, type Page, type PagingContext, type RequestOptions } from './pagination.js';

/** The List Sessions query in camelCase (`pageSize`, `page`, `pageToken`), derived from the spec's names. */
export type ListSessionsOptions = { [K in keyof ListSessionsQuery as Uncapitalize<K & string>]?: ListSessionsQuery[K] };

export interface SessionsResource {
  /** One page of the Service's Sessions. */
  list(serviceSid: string, options?: ListSessionsOptions & RequestOptions): Promise<Page<Session>>;
  /** Every Session of the Service, lazily, one page fetched ahead. */
  each(serviceSid: string, options?: ListSessionsOptions & IterateOptions): AsyncIterableIterator<Session>;
  /** Every Session of the Service (up to `limit`) in an array. */
  all(serviceSid: string, options?: ListSessionsOptions & IterateOptions): Promise<Session[]>;
}

/** Splits our options into the spec's query (`pageSize` → `PageSize`) and the rest. */
function toQuery(options: Record<string, unknown>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const k in options) {
    if (k !== 'signal' && k !== 'limit') query[k[0]!.toUpperCase() + k.slice(1)] = options[k];
  }
  return query;
}

/** A thin typed layer over the generic pagination of `ListSession`. */
export function sessionsResource(ctx: PagingContext): SessionsResource {
  const list: SessionsResource['list'] = (serviceSid, options = {}) =>
    listPage(ctx, 'ListSession', { path: { ServiceSid: serviceSid }, query: toQuery(options as Record<string, unknown>) }, options);
  const each: SessionsResource['each'] = (serviceSid, options = {}) =>
    iterate((signal) => list(serviceSid, { ...options, signal }), options);
  return { list, each, all: (serviceSid, options) => collect(each(serviceSid, options)) };
}
