import { describe, expect, test } from 'vitest';
import { renderContract } from '../../lib/render-contract.js';
import { block, declaredNames, walkInline } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

const contract = (doc: Parameters<typeof walkInline>[0]) => {
  const { dereferenced, operations } = walkInline(doc);
  const files = renderContract(dereferenced, operations);
  return { factories: files.get('factories.gen.ts')!, names: files.get('names.gen.ts')! };
};

describe('renderContract: factories and the mock names, one row per operation shape', () => {
  test('a list of a root collection: a factory, a named collection and its adder, no parent parameters', () => {
    const { factories, names } = contract(rows.list);
    expect(factories).toMatchInlineSnapshot(`
      "import type * as T from '@twilio-proxy/types';
      import { namedFactory, randomPathValue, type Factory, type FactoryOptions } from '../core/fixtures.js';

      /** Options of {@link createThingFactory}: each parent path parameter's value by its camelCase name (drawn from the seed when not given). */
      export interface ThingFactoryOptions extends FactoryOptions {
      }

      /** A factory of \`Thing\` items. */
      export interface ThingFactory extends Factory<T.Thing> {
      }

      /** Deterministic, spec-valid \`Thing\` items: \`createFactory('Thing', …)\` with named parents. */
      export const createThingFactory = (options: ThingFactoryOptions = {}): ThingFactory =>
        namedFactory<ThingFactory>('Thing', [], options);
      "
    `);
    expect(names).toMatchInlineSnapshot(`
      "import type * as T from '@twilio-proxy/types';

      /** Parent path parameters (each names the parent of a collection): camelCase name → parameter name. */
      export const PARENT_PARAMS = { } as const;

      /** Listed collections: the mock field of their items under the default parents (the resource) → its adder (null: none). */
      export const NAMED_COLLECTIONS = { things: 'addThings' } as const;

      /** Named options of \`startMockProxy\`: default parent values, and the items to serve per collection under them. */
      export interface MockNamedOptions {
        /** The things to serve, in list order (default: generated ones). */
        things?: T.Thing[];
      }

      /** Named fields of a running mock. */
      export interface MockNamedFields {
        /** The served things, in list order (live: follows adds and writes). */
        readonly things: readonly T.Thing[];
        /** Appends things (generated when given a count) at the end of the list; returns the new ones. */
        addThings(itemsOrCount: T.Thing[] | number): T.Thing[];
      }

      /** Named parent values of a contract suite target (others are found by listing their collections). */
      export interface TargetNamedValues {
      }
      "
    `);
  });

  test('a fetch only: a factory of its schema, but no named collection (nothing lists it)', () => {
    const { factories, names } = contract(rows.fetch);
    expect(declaredNames(factories)).toContain('createThingFactory');
    expect(block(names, 'export const NAMED_COLLECTIONS')).toMatchInlineSnapshot(`"export const NAMED_COLLECTIONS = { } as const;"`);
  });

  test.each([
    ['a create with a form body (201)', rows.create],
    ['a 2XX update', rows.range],
  ])('%s: a factory of the body schema it answers', (_, doc) => {
    expect(declaredNames(contract(doc).factories)).toContain('createThingFactory');
  });

  test('a 204 remove: no schema, so no factory and no named fields', () => {
    const { factories, names } = contract(rows.remove);
    expect([...declaredNames(factories)]).toEqual([]);
    expect(block(names, 'export const NAMED_COLLECTIONS')).toBe('export const NAMED_COLLECTIONS = { } as const;');
  });

  test('a nested list: each parent path parameter is a named option, a field and a random value', () => {
    const { factories, names } = contract(growth.interactions);
    expect(block(names, 'export const PARENT_PARAMS')).toMatchInlineSnapshot(
      `"export const PARENT_PARAMS = { serviceSid: 'ServiceSid', sessionSid: 'SessionSid' } as const;"`,
    );
    expect([...declaredNames(factories)].filter((n) => n.startsWith('random'))).toEqual(['randomServiceSid', 'randomSessionSid']);
  });
});

describe('renderContract: names only grow', () => {
  const lost = (before: string, after: string) => {
    const now = declaredNames(after);
    return [...declaredNames(before)].filter((n) => !now.has(n));
  };

  test('a settled resource name clash keeps every name of the mock, its options and the target, and adds the new ones', () => {
    const [had, has] = [contract(growth.interactions), contract(growth.settled)];
    expect(lost(had.names, has.names)).toEqual([]);
    expect([...declaredNames(has.names)]).toEqual(
      expect.arrayContaining(['MockNamedFields.serviceInteractions', 'MockNamedFields.addServiceInteractions']),
    );
  });

  // A schema's factory takes the parents of the deepest collection holding it (the walker's collectionOfSchema), so a
  // new, shallower collection of the same schema leaves createInteractionFactory's options as they were.
  test('a new, shallower collection of the same schema keeps the factory options (createInteractionFactory.sessionSid)', () => {
    expect(lost(contract(growth.interactions).factories, contract(growth.settled).factories)).toEqual([]);
  });

  test('a new root collection keeps every name of the mock, its options, the factories and the target, and adds the new ones', () => {
    const [had, has] = [contract(growth.orders), contract(growth.shops)];
    expect(lost(had.names, has.names)).toEqual([]);
    expect(lost(had.factories, has.factories)).toEqual([]);
    expect([...declaredNames(has.names), ...declaredNames(has.factories)]).toEqual(
      expect.arrayContaining(['MockNamedFields.shops', 'MockNamedFields.addShops', 'createShopFactory']),
    );
  });

  test('a new root collection keeps {ShopSid} a named parent (its field, option and random value)', () => {
    const { names, factories } = contract(growth.shops);
    expect(block(names, 'export const PARENT_PARAMS')).toBe("export const PARENT_PARAMS = { shopSid: 'ShopSid' } as const;");
    expect(declaredNames(factories)).toContain('randomShopSid');
  });
});
