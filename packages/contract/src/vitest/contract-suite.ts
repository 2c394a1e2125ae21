import { operationsMeta } from '@twilio-proxy/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateResponse, validateSchema, type ContractIssue } from '../core/validators.js';
import { randomServiceSid } from '../core/mock-proxy.js';

export interface ContractTarget {
  /** Where the API lives, e.g. `https://proxy.twilio.com` or a mock's `url`. */
  baseUrl: string;
  /** Account SID + auth token, or API key SID + secret. */
  credentials: { username: string; password: string };
  serviceSid: string;
}

/**
 * What the target can do. A static mock such as Prism cannot check credentials, tell services apart,
 * honour PageSize or send spec-valid header values; those tests are then reported as skipped, with the reason.
 */
export interface TargetCapabilities {
  /** Wrong (but well-formed) credentials → 401. */
  rejectsWrongCredentials: boolean;
  /** A well-formed but unknown Service SID → 404. */
  unknownServiceNotFound: boolean;
  /** PageSize decides page sizes, and next_page_url pages through the whole list. */
  honoursPageSize: boolean;
  /** Header values follow the spec's header schemas (Twilio-Request-Id pattern etc.). */
  specHeaders: boolean;
  /** Out-of-range parameters → 400 with a Twilio error. */
  validatesParameters: boolean;
}

export const FULL_CAPABILITIES: TargetCapabilities = {
  rejectsWrongCredentials: true,
  unknownServiceNotFound: true,
  honoursPageSize: true,
  specHeaders: true,
  validatesParameters: true,
};

export interface ContractSuiteOptions {
  name: string;
  target: () => ContractTarget | Promise<ContractTarget>;
  capabilities?: Partial<TargetCapabilities>;
  /** When set, every test is registered as skipped and this reason is in the suite's title. */
  skip?: string | false;
  /** Page size for the paging tests. Default 7. */
  pageSize?: number;
  /** Stop following next_page_url after this many pages (a chain that long counts as not ending). Default 2000. */
  maxPages?: number;
  /** Injected fetch. Default: global fetch. */
  fetch?: typeof fetch;
}

const OPERATION_ID = 'ListSession';

/** Registers the List Sessions contract tests for one target. */
export function defineContractSuite(options: ContractSuiteOptions): void {
  const caps = { ...FULL_CAPABILITIES, ...options.capabilities };
  const meta = operationsMeta[OPERATION_ID];
  const defaultPageSize = Number(meta.parameters.find((p) => p.name === 'PageSize')!.schema.default);
  const maxPageSize = Number(meta.parameters.find((p) => p.name === 'PageSize')!.schema.maximum);
  const itemsKey = meta.list.itemsKey;
  const pageSize = options.pageSize ?? 7;
  const maxPages = options.maxPages ?? 2000;
  const doFetch = options.fetch ?? fetch;
  let target: ContractTarget;

  const title = options.skip ? `${options.name} (skipped: ${options.skip})` : options.name;
  const suite = options.skip ? describe.skip : describe;
  const needs = (capability: keyof TargetCapabilities) => (caps[capability] ? it : it.skip);
  const why = (capability: keyof TargetCapabilities, text: string) => (caps[capability] ? text : `${text} (target lacks ${capability})`);

  const authHeader = (c: ContractTarget['credentials']) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  const listUrl = (serviceSid = target.serviceSid, query = '') =>
    `${target.baseUrl.replace(/\/$/, '')}${meta.path.replace('{ServiceSid}', encodeURIComponent(serviceSid))}${query}`;

  async function get(url: string, auth: string | null = authHeader(target.credentials)) {
    const res = await doFetch(url, { headers: auth ? { authorization: auth, accept: 'application/json' } : { accept: 'application/json' } });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, body: body as any, headers: res.headers };
  }

  function expectConforms(r: { status: number; body: unknown; headers: Headers }, url: string) {
    const { errors } = validateResponse(OPERATION_ID, r.status, r.body, caps.specHeaders ? r.headers : undefined);
    expect(errors, `${OPERATION_ID} ${r.status} from ${redact(url)}`).toEqual([] as ContractIssue[]);
  }

  function expectTwilioError(r: { status: number; body: unknown; headers: Headers }, status: number) {
    expect(r.status).toBe(status);
    expect(validateSchema('TwilioError', r.body).errors).toEqual([]);
    expect((r.body as any).status).toBe(status);
    if (caps.specHeaders) expect(validateResponse(OPERATION_ID, r.status, r.body, r.headers).errors).toEqual([]);
  }

  async function follow(first: string) {
    const pages: any[] = [];
    let next: string | null = first;
    while (next) {
      const r = await get(next);
      expect(r.status, redact(next)).toBe(200);
      expectConforms(r, next);
      pages.push(r.body);
      next = r.body.meta.next_page_url;
      if (pages.length > maxPages) throw new Error(`next_page_url chain did not end within ${maxPages} pages`);
    }
    return pages;
  }

  suite(title, () => {
    beforeAll(async () => {
      target = await options.target();
    });

    it('answers the first page with a body and headers that satisfy the spec', async () => {
      const url = listUrl();
      const r = await get(url);
      expect(r.status).toBe(200);
      expectConforms(r, url);
      expect(r.body.meta.key).toBe(itemsKey);
      for (const k of ['url', 'first_page_url']) expect(() => new URL(r.body.meta[k])).not.toThrow();
    });

    needs('honoursPageSize')(why('honoursPageSize', `uses the spec's default page size (${defaultPageSize})`), async () => {
      const r = await get(listUrl());
      expect(r.body.meta.page_size).toBe(defaultPageSize);
      expect(r.body[itemsKey].length).toBeLessThanOrEqual(defaultPageSize);
    });

    it('follows next_page_url to an end, with no duplicate items and every page valid', async () => {
      const pages = await follow(listUrl(undefined, `?PageSize=${pageSize}`));
      const sids = pages.flatMap((p) => p[itemsKey].map((s: any) => s.sid));
      expect(new Set(sids).size).toBe(sids.length);
      expect(pages.at(-1).meta.next_page_url).toBeNull();
    });

    needs('honoursPageSize')(why('honoursPageSize', 'honours PageSize on every page and numbers pages from 0'), async () => {
      for (const size of [1, pageSize, maxPageSize]) {
        const pages = await follow(listUrl(undefined, `?PageSize=${size}`));
        pages.forEach((p, i) => {
          expect(p.meta.page_size).toBe(size);
          expect(p.meta.page).toBe(i);
          if (i < pages.length - 1) expect(p[itemsKey]).toHaveLength(size);
          else expect(p[itemsKey].length).toBeLessThanOrEqual(size);
        });
        expect(pages[0].meta.previous_page_url).toBeNull();
      }
    });

    it('answers missing credentials with 401 and a Twilio error', async () => {
      expectTwilioError(await get(listUrl(), null), 401);
    });

    needs('rejectsWrongCredentials')(why('rejectsWrongCredentials', 'answers wrong credentials with 401 and a Twilio error'), async () => {
      const r = await get(listUrl(), authHeader({ username: target.credentials.username, password: 'definitely-wrong' }));
      expectTwilioError(r, 401);
      expect(JSON.stringify(r.body)).not.toContain(target.credentials.password);
    });

    needs('unknownServiceNotFound')(why('unknownServiceNotFound', 'answers an unknown service with 404 and a Twilio error'), async () => {
      let sid = randomServiceSid();
      if (sid === target.serviceSid) sid = randomServiceSid(1);
      expectTwilioError(await get(listUrl(sid)), 404);
    });

    needs('validatesParameters')(why('validatesParameters', 'answers an out-of-range PageSize with 400 and a Twilio error'), async () => {
      expectTwilioError(await get(listUrl(undefined, `?PageSize=${maxPageSize + 1}`)), 400);
      expectTwilioError(await get(listUrl(undefined, '?PageSize=0')), 400);
    });
  });
}

/** Page URLs carry no secrets, but keep failure output short. */
function redact(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
