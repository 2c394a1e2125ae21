import { describe, expect, test } from 'vitest';
import { renderAliases } from '../../lib/render-aliases.js';
import { declaredNames, spec, walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

const aliases = (doc: Parameters<typeof walkInline>[0]) => renderAliases(doc, walkInline(doc).operations);

describe('renderAliases: friendly names, one row per operation shape', () => {
  test('a list: per-operation names, and the List<Resource>… names as deprecated aliases of them', () => {
    expect(aliases(rows.list)).toMatchInlineSnapshot(`
      "import type { components, operations } from './schema.gen.js';

      export type Thing = components['schemas']['Thing'];
      /** Where a Thing is. */
      export type ThingStatus = components['schemas']['ThingStatus'];
      /** Path parameters of ListThing: List the Things */
      export type ListThingPathParams = operations['ListThing']['parameters']['path'];
      /** Query parameters of ListThing. */
      export type ListThingQuery = NonNullable<operations['ListThing']['parameters']['query']>;
      /** The 200 body of ListThing. */
      export type ListThingResponse = operations['ListThing']['responses']['200']['content']['application/json'];
      /** Path parameters of ListThing: List the Things. @deprecated Use {@link ListThingPathParams}, the same type; this name goes in the next major. */
      export type ListThingsPathParams = operations['ListThing']['parameters']['path'];
      /** Query parameters of ListThing. @deprecated Use {@link ListThingQuery}, the same type; this name goes in the next major. */
      export type ListThingsQuery = NonNullable<operations['ListThing']['parameters']['query']>;
      /** The 200 body of ListThing. @deprecated Use {@link ListThingResponse}, the same type; this name goes in the next major. */
      export type ListThingsResponse = operations['ListThing']['responses']['200']['content']['application/json'];
      "
    `);
  });

  test('a fetch: path parameters, query and the response, which is the component it names', () => {
    expect(aliases(rows.fetch)).toMatchInlineSnapshot(`
      "import type { components, operations } from './schema.gen.js';

      export type Thing = components['schemas']['Thing'];
      /** Where a Thing is. */
      export type ThingStatus = components['schemas']['ThingStatus'];
      /** Path parameters of FetchThing: Fetch a Thing */
      export type FetchThingPathParams = operations['FetchThing']['parameters']['path'];
      /** Query parameters of FetchThing. */
      export type FetchThingQuery = NonNullable<operations['FetchThing']['parameters']['query']>;
      /** The 200 body of FetchThing. */
      export type FetchThingResponse = operations['FetchThing']['responses']['200']['content']['application/json'];
      "
    `);
  });

  test('a create with a form body: a Body alias for the form', () => {
    expect(
      aliases(rows.create)
        .split('\n')
        .filter((l) => l.includes('CreateThing')),
    ).toMatchInlineSnapshot(`
      [
        "/** Path parameters of CreateThing: Create a Thing */",
        "export type CreateThingPathParams = operations['CreateThing']['parameters']['path'];",
        "/** Query parameters of CreateThing. */",
        "export type CreateThingQuery = NonNullable<operations['CreateThing']['parameters']['query']>;",
        "/** The 201 body of CreateThing. */",
        "export type CreateThingResponse = operations['CreateThing']['responses']['201']['content']['application/json'];",
        "/** The request body of CreateThing (application/x-www-form-urlencoded). */",
        "export type CreateThingBody = NonNullable<operations['CreateThing']['requestBody']>['content']['application/x-www-form-urlencoded'];",
      ]
    `);
  });

  test('a 204 remove: no Response alias (no body)', () => {
    const names = [...declaredNames(aliases(rows.remove))];
    expect(names.filter((n) => n.startsWith('DeleteThing'))).toEqual(['DeleteThingPathParams', 'DeleteThingQuery']);
  });

  test("a 2XX update: the Response alias reads the '2XX' key", () => {
    expect(aliases(rows.range)).toContain(
      "export type UpdateThingResponse = operations['UpdateThing']['responses']['2XX']['content']['application/json'];",
    );
  });

  test('a component and an operation alias of one name but different types fail, naming both sources', () => {
    const clash = spec({ ...rows.list, schemas: { ...rows.list.components.schemas, ListThingQuery: { type: 'string' } } } as never);
    expect(() => aliases(clash)).toThrow(/name clash: ListThingQuery is both component schema ListThingQuery and the query of ListThing/);
  });
});

describe('renderAliases: names only grow', () => {
  test.each([
    ['a settled resource name clash', growth.interactions, growth.settled],
    ['a new root collection', growth.orders, growth.shops],
  ])('%s keeps every alias', (_, before, after) => {
    const had = declaredNames(aliases(before));
    const has = declaredNames(aliases(after));
    expect([...had].filter((n) => !has.has(n))).toEqual([]);
    expect(has.size).toBeGreaterThan(had.size);
  });
});
