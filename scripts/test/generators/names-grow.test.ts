import { describe, expect, test } from 'vitest';
import { declaredNames, formBody, operation, ref, renderInline, responses, sidParam, spec } from '../helpers/inline.js';
import { growth, rows } from '../helpers/rows.js';

/**
 * Spec growth is never breaking, checked across every renderer at once: for each (before, after) pair, every
 * name a generated file declared before is still declared after. What e2e/spec-growth proves in a clone, at the
 * level of generated names, in milliseconds.
 */

// The list row grown by a nested collection (a list with one path parameter, a create), as an author adds one;
// its page is a component, as the real spec names its list bodies.
const partPage = {
  type: 'object',
  properties: {
    parts: { type: 'array', items: ref('Part') },
    meta: { type: 'object', properties: { next_page_url: { type: ['string', 'null'] }, key: { type: 'string' } } },
  },
};
const withParts = spec({
  schemas: { ...rows.list.components.schemas, Part: { type: 'object', properties: { sid: { type: 'string' } } }, PartPage: partPage },
  paths: {
    ...rows.list.paths,
    '/v1/Things/{ThingSid}/Parts': {
      parameters: [sidParam('ThingSid', 'TH')],
      get: operation('ListPart', 'List the Parts of a Thing', responses('200', ref('PartPage'))),
      post: operation('CreatePart', 'Create a Part', responses('201', ref('Part')), {
        requestBody: formBody({ Name: { type: 'string' } }),
      }),
    },
  },
});

const pairs = [
  ['an operation of another resource added', rows.list, withParts],
  ['a new root collection above an existing parent', growth.orders, growth.shops],
  ['a clashing collection settled by x-twilio-proxy', growth.interactions, growth.settled],
] as const;

describe('names only grow, in every generated file', () => {
  test.each(pairs)('%s: no generated name is lost', (_, before, after) => {
    const [had, has] = [renderInline(before), renderInline(after)];
    const lost: Record<string, string[]> = {};
    for (const file of Object.keys(had) as (keyof typeof had)[]) {
      const now = declaredNames(has[file]);
      const gone = [...declaredNames(had[file])].filter((n) => !now.has(n));
      if (gone.length) lost[file] = gone;
    }
    expect(lost).toEqual({});
  });

  test('the added operations get their names: resource, actions, aliases, client members', () => {
    const out = renderInline(withParts);
    expect(out.operations).toMatch(
      /"ListPart": \{\n {4}"method": "GET",\n {4}"path": "\/v1\/Things\/\{ThingSid\}\/Parts",\n {4}"resource": "parts",\n {4}"action": "list",\n {4}"schema": "Part"/,
    );
    expect([...declaredNames(out.aliases)].filter((n) => n.includes('Part'))).toEqual([
      'Part',
      'PartPage',
      'ListPartPathParams',
      'ListPartQuery',
      'ListPartResponse',
      'ListPartsPathParams',
      'ListPartsQuery',
      'ListPartsResponse',
      'CreatePartPathParams',
      'CreatePartQuery',
      'CreatePartResponse',
      'CreatePartBody',
    ]);
    expect([...declaredNames(out.client)].filter((n) => n.startsWith('PartsResource'))).toEqual([
      'PartsResource',
      'PartsResource.list',
      'PartsResource.each',
      'PartsResource.all',
      'PartsResource.create',
    ]);
    expect(out.names).toContain("export const PARENT_PARAMS = { thingSid: 'ThingSid' } as const;");
  });
});
