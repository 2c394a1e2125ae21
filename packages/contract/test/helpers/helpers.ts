import { Agent, request } from 'node:http';
import type { MockProxy } from '../../src/index.js';

export const agent = new Agent({ keepAlive: true, maxSockets: 128 });

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** A plain node:http request with a keep-alive agent: fast, and the test controls every byte. */
export function raw(
  url: string,
  init: { method?: string; auth?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth) headers.authorization = init.auth;
    const req = request(url, { method: init.method ?? 'GET', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
export const mockAuth = (m: MockProxy) => basic(m.accountSid, m.authToken);
export const listUrl = (m: MockProxy, query = '') => `${m.url}/v1/Services/${m.serviceSid}/Sessions${query}`;

/** Follows next_page_url to the end; returns every page body. */
export async function pageThrough(first: string, auth: string, maxPages = 100_000): Promise<any[]> {
  const pages: any[] = [];
  let next: string | null = first;
  while (next) {
    const r = await raw(next, { auth });
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`);
    pages.push(r.json);
    next = r.json.meta.next_page_url;
    if (pages.length > maxPages) throw new Error('next_page_url chain does not end');
  }
  return pages;
}

/** Follows next_page_url to the end keeping only the SIDs (64 clients × 10,000 full sessions would be all GC). */
export async function collectSids(first: string, auth: string): Promise<{ sids: string[]; pages: number; sizes: number[] }> {
  const sids: string[] = [];
  const sizes: number[] = [];
  let next: string | null = first;
  while (next) {
    const r = await raw(next, { auth });
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`);
    for (const s of r.json.sessions) sids.push(s.sid);
    sizes.push(r.json.sessions.length);
    next = r.json.meta.next_page_url;
    if (sizes.length > 100_000) throw new Error('next_page_url chain does not end');
  }
  return { sids, pages: sizes.length, sizes };
}
