import { randomBytes } from 'node:crypto';
import type { OperationMeta } from '@twilio-proxy/types';
import { walkCollections } from '@twilio-proxy/types/walker';
import { describe, expect, it } from 'vitest';
import { formBody, operation, listPage as pageSchema, ref, responses, sidParam, spec } from '../../types/test/helpers/inline-spec.js';
import { operationOf, walkInline } from '../../types/test/helpers/walk-inline.js';
import { fetchItem } from '../src/internal/mock/fetch-handler.js';
import { listPage } from '../src/internal/mock/list-handler.js';
import { createRouter } from '../src/internal/mock/router.js';
import { createStore } from '../src/internal/mock/store.js';
import { writeAnswer } from '../src/internal/mock/write-handler.js';
import { type Collection, componentSchema, linkCollections } from '../src/internal/walked-spec.js';

// The mock's parts over a small inline two-level API (things, and kids under each thing), walked by the real
// walker and reusing the spec's Session schema as the item schema: nesting, lazy seeding, fetch and writes
// without a spec that has them.
const thingsPath = '/v1/Roots/{RootSid}/Things';
const kidsPath = `${thingsPath}/{ThingSid}/Kids`;
// Twilio's paging parameters, as the real spec states them: the mock answers only the ones a list states.
const query = (name: string, schema: object) => ({ name, in: 'query', required: false, schema });
const pageSize = [
  query('PageSize', { type: 'integer', default: 4 }),
  query('Page', { type: 'integer' }),
  query('PageToken', { type: 'string' }),
];
const page = responses('200', pageSchema('items', ref('Session')));
const uniqueName = formBody({ UniqueName: { type: 'string' } });
const walked = walkInline(
  spec({
    schemas: { Session: componentSchema('Session') },
    paths: {
      [thingsPath]: { parameters: [sidParam('RootSid', 'KS')], get: operation('ListThing', 'List', page, { parameters: pageSize }) },
      [kidsPath]: {
        parameters: [sidParam('RootSid', 'KS'), sidParam('ThingSid', 'KC')],
        get: operation('ListKid', 'List', page, { parameters: pageSize }),
        post: operation('CreateKid', 'Create', responses('201', ref('Session')), { requestBody: uniqueName }),
      },
      [`${kidsPath}/{Sid}`]: {
        parameters: [sidParam('RootSid', 'KS'), sidParam('ThingSid', 'KC'), sidParam('Sid', 'KC')],
        get: operation('FetchKid', 'Fetch', responses('200', ref('Session'))),
        post: operation('UpdateKid', 'Update', responses('200', ref('Session')), { requestBody: uniqueName }),
        delete: operation('DeleteKid', 'Delete', responses('204')),
      },
    },
  }),
);
const op = (operationId: string) => operationOf(walked, operationId);
const listThings = op('ListThing');
const listKids = op('ListKid');
const fetchKid = op('FetchKid');
// The collections as the spec's are made: the real walker's, with their parents linked.
const [things, kids] = linkCollections(walkCollections(walked.operations)) as [Collection, Collection];
const ROOT = `KS${'1'.repeat(32)}`;

function store(seed = 5, onChange = () => {}) {
  return createStore({
    collections: [things, kids],
    seed,
    accountSid: `AC${'2'.repeat(32)}`,
    roots: { RootSid: ROOT },
    topLevelCount: () => 6,
    nestedCount: () => 3,
    selfCheck: true,
    tokenKey: randomBytes(32),
    onChange,
  });
}

describe('store keyed by parent values', () => {
  it('has no bucket under a parent that does not exist, at any level', () => {
    const s = store();
    expect(s.bucket(things, [`KS${'9'.repeat(32)}`])).toBeUndefined();
    expect(s.bucket(kids, [ROOT, `KC${'0'.repeat(32)}`])).toBeUndefined();
    const thing = s.bucket(things, [ROOT])!.items[0]!;
    expect(s.bucket(kids, [`KS${'9'.repeat(32)}`, thing.sid])).toBeUndefined();
    expect(s.bucket(kids, [ROOT, thing.sid])!.items).toHaveLength(3);
  });

  it('seeds a nested bucket on first use, deterministically whatever the order of reads', () => {
    const a = store(11);
    const b = store(11);
    const [t0, t1] = a.bucket(things, [ROOT])!.items as any[];
    expect(b.bucket(things, [ROOT])!.items).toEqual(a.bucket(things, [ROOT])!.items);
    const aKids = [a.bucket(kids, [ROOT, t0.sid])!.items, a.bucket(kids, [ROOT, t1.sid])!.items];
    const bKids = [b.bucket(kids, [ROOT, t1.sid])!.items, b.bucket(kids, [ROOT, t0.sid])!.items].reverse();
    expect(bKids).toEqual(aKids);
    expect(aKids[0]).not.toEqual(aKids[1]);
    expect(aKids.flat().every((k: any) => /^KC[0-9a-f]{32}$/.test(k.sid))).toBe(true);
  });

  it('validates each stored item once and reports the page cache change', () => {
    let changes = 0;
    const s = store(3, () => changes++);
    const b = s.bucket(things, [ROOT])!;
    expect(b.issues.every((i) => i.length === 0)).toBe(true);
    s.add(b, [{ ...b.items[0], sid: 'not-a-sid' }]);
    expect(b.issues.at(-1)!.map((i) => i.path)).toContain('/sid');
    expect(changes).toBeGreaterThanOrEqual(2);
    expect(() => s.add(b, [b.items[1]!])).toThrow(/Duplicate/);
  });
});

describe('list and fetch handlers', () => {
  it('a fetched item is byte for byte the item in the list page; an unknown SID is a 404 Twilio error', () => {
    const s = store();
    const thing = s.bucket(things, [ROOT])!.items[2]!;
    const bucket = s.bucket(kids, [ROOT, thing.sid])!;
    const page = listPage(listKids, bucket, {}, 'http://x.test', '/p', true);
    const text = page.json.toString();
    expect(JSON.parse(text).meta).toMatchObject({ key: 'items', page_size: 4, next_page_url: null });
    for (const kid of bucket.items) {
      const one = fetchItem(fetchKid, bucket, kid.sid, '/p', true);
      expect(one.status).toBe(200);
      expect(text).toContain(one.json.toString());
      expect(JSON.parse(one.json.toString())).toEqual(kid);
    }
    const missing = fetchItem(fetchKid, bucket, `KC${'0'.repeat(32)}`, '/v1/Roots/R/Things/T/Kids/K', true);
    expect([missing.status, (missing.body as any).code, (missing.body as any).message]).toEqual([
      404,
      20404,
      'The requested resource /Roots/R/Things/T/Kids/K was not found',
    ]);
  });

  it('pages with tokens scoped to one bucket', () => {
    const s = store();
    const b = s.bucket(things, [ROOT])!;
    const first = JSON.parse(listPage(listThings, b, { PageSize: 4 }, 'http://x.test', '/p', false).json.toString());
    const token = new URL(first.meta.next_page_url).searchParams.get('PageToken')!;
    const second = JSON.parse(
      listPage(listThings, b, { PageSize: 4, Page: 1, PageToken: token }, 'http://x.test', '/p', false).json.toString(),
    );
    expect([...first.items, ...second.items].map((i: any) => i.sid)).toEqual(b.items.map((i) => i.sid));
    const other = s.bucket(kids, [ROOT, b.items[0]!.sid])!;
    expect(listPage(listKids, other, { PageToken: token }, 'http://x.test', '/p', false).status).toBe(400);
  });
});

describe('list handler, paging parameters by their walked role', () => {
  // A list whose page size and page token the spec names otherwise, marked with `x-twilio-proxy: { paging }`.
  const role = (name: string, paging: string, schema: object) => ({ name, in: 'query', schema, 'x-twilio-proxy': { paging } });
  const paged = walkInline(
    spec({
      schemas: { Session: componentSchema('Session') },
      paths: {
        [thingsPath]: {
          parameters: [sidParam('RootSid', 'KS')],
          get: operation('ListThing', 'List', page, {
            parameters: [role('Limit', 'pageSize', { type: 'integer', default: 2 }), role('Cursor', 'pageToken', { type: 'string' })],
          }),
        },
      },
    }),
  );
  const list = operationOf(paged, 'ListThing');
  const [widgets] = linkCollections(walkCollections(paged.operations)) as [Collection];
  const bucket = createStore({
    collections: [widgets],
    seed: 2,
    accountSid: `AC${'2'.repeat(32)}`,
    roots: { RootSid: ROOT },
    topLevelCount: () => 5,
    selfCheck: false,
    tokenKey: randomBytes(32),
    onChange: () => {},
  }).bucket(widgets, [ROOT])!;
  const meta = (query: Record<string, unknown>) =>
    JSON.parse(listPage(list, bucket, query, 'http://x.test', '/p', false).json.toString()).meta;

  it.each([
    ['no query: the default of Limit', {}, 2, 'http://x.test/p?Limit=2'],
    ['Limit honoured', { Limit: 3 }, 3, 'http://x.test/p?Limit=3'],
    ['PageSize is no paging parameter of this list', { PageSize: 4 }, 2, 'http://x.test/p?Limit=2'],
  ])('%s', (_row, query, size, url) => {
    const m = meta(query);
    expect([m.page_size, m.url, m.first_page_url]).toEqual([size, url, url]);
    expect(m.next_page_url).toMatch(new RegExp(`^${url.replace('?', '\\?')}&Cursor=[^&]+$`));
  });

  it('follows the Cursor of next_page_url through every item once', () => {
    const seen: string[] = [];
    let query: Record<string, unknown> = { Limit: 2 };
    for (let i = 0; i < 5 && query; i++) {
      const body = JSON.parse(listPage(list, bucket, query, 'http://x.test', '/p', false).json.toString());
      seen.push(...body.items.map((x: { sid: string }) => x.sid));
      const next = body.meta.next_page_url && new URL(body.meta.next_page_url).searchParams;
      query = next && { Limit: Number(next.get('Limit')), Cursor: next.get('Cursor') };
    }
    expect(seen).toEqual(bucket.items.map((x) => x.sid));
  });
});

describe('write handler', () => {
  const [create, update, remove] = [op('CreateKid'), op('UpdateKid'), op('DeleteKid')];

  it('creates, updates and removes items as the operation says', () => {
    const s = store();
    const thing = s.bucket(things, [ROOT])!.items[0]!;
    const bucket = s.bucket(kids, [ROOT, thing.sid])!;
    // A field the operation does not take is a 400 naming it, and nothing is stored.
    const unknown = writeAnswer(create, s, bucket, undefined, new URLSearchParams('UniqueName=x&Sid=KCnope'), '/p')!;
    expect([unknown.status, bucket.items.length]).toEqual([400, 3]);
    expect((unknown.body as any).message).toMatch(/Sid/);
    const created = writeAnswer(create, s, bucket, undefined, new URLSearchParams('UniqueName=new%20one'), '/p')!;
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unique_name: 'new one' });
    expect((created.body as any).sid).toMatch(/^KC/);
    expect(bucket.items).toHaveLength(4);
    const sid = (created.body as any).sid;
    const updated = writeAnswer(update, s, bucket, sid, new URLSearchParams('UniqueName=renamed'), '/p')!;
    expect([updated.status, (updated.body as any).unique_name]).toEqual([200, 'renamed']);
    expect(JSON.parse(fetchItem(fetchKid, bucket, sid, '/p', false).json.toString()).unique_name).toBe('renamed');
    expect(writeAnswer(remove, s, bucket, sid, new URLSearchParams(), '/p')!.status).toBe(204);
    expect(bucket.indexBySid.has(sid)).toBe(false);
    expect(writeAnswer(remove, s, bucket, sid, new URLSearchParams(), '/p')!.status).toBe(404);
  });
});

describe('router from operationsMeta', () => {
  const meta = (method: string, path: string) =>
    ({ method, path, resource: 'r', action: 'a', schema: null, parameters: [], list: null }) as unknown as OperationMeta;
  const router = createRouter({
    ListThing: meta('GET', '/v1/A/{ASid}/Things'),
    CreateThing: meta('POST', '/v1/A/{ASid}/Things'),
    FetchThing: meta('GET', '/v1/A/{ASid}/Things/{Sid}'),
    FetchSpecial: meta('GET', '/v1/A/{ASid}/Things/Special'),
  });

  it.each([
    ['/v1/A/X1/Things', '/v1/A/{ASid}/Things', { ASid: 'X1' }],
    ['/v1/A/X1/Things/T%201', '/v1/A/{ASid}/Things/{Sid}', { ASid: 'X1', Sid: 'T 1' }],
    ['/v1/A/X1/Things/%E0%A4%A', '/v1/A/{ASid}/Things/{Sid}', { ASid: 'X1', Sid: '%E0%A4%A' }],
    ['/v1/A/X1/Things/Special', '/v1/A/{ASid}/Things/Special', { ASid: 'X1' }],
  ])('%s → %s', (pathname, path, values) => {
    const m = router.match(pathname)!;
    expect([m.route.path, m.values]).toEqual([path, values]);
  });

  it('routes every method of a path and misses unknown paths', () => {
    expect([...router.match('/v1/A/X/Things')!.route.methods.keys()].sort()).toEqual(['GET', 'POST']);
    expect(router.match('/v1/A/X/Things/')).toBeUndefined();
    expect(router.match('/v1/A//Things')).toBeUndefined();
  });
});
