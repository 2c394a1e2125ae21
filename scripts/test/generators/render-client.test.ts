import { describe, expect, test } from 'vitest';
import { renderClient } from '../../lib/render-client.js';
import { block, declaredNames, walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

const client = (doc: Parameters<typeof walkInline>[0]) => {
  const { dereferenced, operations } = walkInline(doc);
  return renderClient(dereferenced, operations);
};

describe('renderClient: the facade, one row per operation shape', () => {
  test('a list: options type, list/each/all, date helpers of the item schema, the whole file', () => {
    expect(client(rows.list)).toMatchInlineSnapshot(`
      "import type { operations, Thing } from '@twilio-proxy/types';
      import { parseDates, type DateField, type WithDates } from '../core/dates.js';
      import type { IterateOptions, ListItem, PagePromise } from '../core/pagination.js';
      import type { QueryOptions, RequestOptions } from '../core/request.js';
      import { listMethods, type OperationsApi } from '../core/resource.js';

      export type { Thing, ThingStatus } from '@twilio-proxy/types';

      /** A path parameter of an operation, typed as the spec types it. */
      type PathParam<K extends keyof operations, P extends string> = operations[K]['parameters']['path'] extends infer T ? T[P & keyof T] : never;

      /** Query options of ListThing (List the Things), in camelCase. */
      export type ListThingsOptions = QueryOptions<'ListThing'>;

      /** \`client.things\`: ListThing. */
      export interface ThingsResource {
        /** List the Things: \`await\` it for one page (with \`nextPage()\`), or \`for await\` every item. */
        list(options?: ListThingsOptions & RequestOptions, requestOptions?: RequestOptions): PagePromise<ListItem<'ListThing'>>;
        /** List the Things: every item, lazily, one page fetched ahead. */
        each(options?: ListThingsOptions & IterateOptions, requestOptions?: RequestOptions): AsyncIterableIterator<ListItem<'ListThing'>>;
        /** List the Things: every item (up to \`limit\`), in an array. */
        all(options?: ListThingsOptions & IterateOptions, requestOptions?: RequestOptions): Promise<ListItem<'ListThing'>[]>;
      }

      /** The resources of the spec, as \`client.<resource>\`. */
      export interface Resources {
        /** List the Things */
        readonly things: ThingsResource;
      }

      /** \`client.<resource>.<action>\` over the generic API: each method is one call of a generic function. */
      export const createResources = (api: OperationsApi): Resources => ({
        things: { ...listMethods(api, 'ListThing') },
      });

      /** The date-time fields of a Thing. */
      export type ThingDateField = DateField<Thing>;
      /** \`parseDates\` for a Thing: a copy whose date-time strings (date_created) are \`Date\`s. */
      export const parseThingDates = <T extends object = Thing>(item: T): WithDates<T> => parseDates(item, ['date_created']);
      "
    `);
  });

  test('a fetch: one method, path parameters as positional arguments', () => {
    expect(block(client(rows.fetch), 'export interface ThingsResource')).toMatchInlineSnapshot(`
      "export interface ThingsResource {
        /** Fetch a Thing */
        fetch(sid: PathParam<'FetchThing', 'Sid'>, options?: QueryOptions<'FetchThing'> & RequestOptions, requestOptions?: RequestOptions): Promise<SuccessBody<'FetchThing'>>;
      }"
    `);
  });

  test('spec text goes through emit: a summary over lines with a `*/` stays one TSDoc line that cannot close early', () => {
    const row = structuredClone(rows.fetch);
    row.paths['/v1/Things/{Sid}'].get.summary = 'Fetch a Thing\n  (ends */ early)';
    expect(block(client(row), 'export interface ThingsResource').split('\n')[1]).toMatchInlineSnapshot(
      `"  /** Fetch a Thing (ends *\\/ early) */"`,
    );
  });

  test('a create with a form body: body options (date fields may be Dates), required because a field is', () => {
    expect(block(client(rows.create), 'export interface ThingsResource')).toMatchInlineSnapshot(`
      "export interface ThingsResource {
        /** Create a Thing */
        create(options: QueryOptions<'CreateThing'> & BodyOptions<'CreateThing', 'DateExpiry'> & RequestOptions, requestOptions?: RequestOptions): Promise<SuccessBody<'CreateThing'>>;
      }"
    `);
  });

  test('a 204 remove: optional options, no body options', () => {
    expect(block(client(rows.remove), 'export interface ThingsResource')).toMatchInlineSnapshot(`
      "export interface ThingsResource {
        /** Delete a Thing */
        remove(sid: PathParam<'DeleteThing', 'Sid'>, options?: QueryOptions<'DeleteThing'> & RequestOptions, requestOptions?: RequestOptions): Promise<SuccessBody<'DeleteThing'>>;
      }"
    `);
  });

  test('a 2XX update: the same method shape as any success', () => {
    expect(block(client(rows.range), 'export interface ThingsResource')).toMatchInlineSnapshot(`
      "export interface ThingsResource {
        /** Update a Thing */
        update(sid: PathParam<'UpdateThing', 'Sid'>, options?: QueryOptions<'UpdateThing'> & BodyOptions<'UpdateThing'> & RequestOptions, requestOptions?: RequestOptions): Promise<SuccessBody<'UpdateThing'>>;
      }"
    `);
  });
});

describe('renderClient: request options beside the spec’s own names', () => {
  test('a body field named as a request option keeps its name; the option goes in the final argument only', () => {
    const doc = structuredClone(rows.create);
    const form = doc.paths['/v1/Things'].post.requestBody.content['application/x-www-form-urlencoded'];
    form.schema.properties.Timeout = { type: 'integer' };
    expect(block(client(doc), 'export interface ThingsResource')).toContain(
      "& BodyOptions<'CreateThing', 'DateExpiry'> & Omit<RequestOptions, 'timeout'>, requestOptions?: RequestOptions)",
    );
  });
});

describe('renderClient: names only grow', () => {
  test('a settled name clash keeps client.interactions as it was and adds client.serviceInteractions', () => {
    const before = client(growth.interactions);
    const after = client(growth.settled);
    expect(block(after, 'export interface InteractionsResource')).toBe(block(before, 'export interface InteractionsResource'));
    const added = [...declaredNames(after)].filter((n) => !declaredNames(before).has(n));
    expect(added.sort()).toEqual([
      'ListServiceInteractionsOptions',
      'Resources.serviceInteractions',
      'ServiceInteractionsResource',
      'ServiceInteractionsResource.all',
      'ServiceInteractionsResource.each',
      'ServiceInteractionsResource.list',
      'createResources.serviceInteractions',
    ]);
    expect([...declaredNames(before)].filter((n) => !declaredNames(after).has(n))).toEqual([]);
  });

  test('a new root collection adds client.shops and keeps every name of client.orders', () => {
    const before = client(growth.orders);
    const after = client(growth.shops);
    expect([...declaredNames(before)].filter((n) => !declaredNames(after).has(n))).toEqual([]);
    expect(block(after, 'export interface OrdersResource')).toBe(block(before, 'export interface OrdersResource'));
    expect(declaredNames(after)).toContain('Resources.shops');
  });
});
