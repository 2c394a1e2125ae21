import { describe, expect, test } from 'vitest';
import { classifySpecChanges } from '../../../scripts/lib/spec-changes.js';
import { baseSpec, item, type Obj, op, param } from './helpers/mini-spec.js';

// One row per kind of change: the edit, whether the gate must call it breaking, and the kind it reports.
const cases: [string, (s: Obj) => void, boolean, string][] = [
  // breaking
  ['removed property', (s) => delete item(s).properties.note, true, 'removed-property'],
  [
    'renamed property',
    (s) => {
      item(s).properties.comment = item(s).properties.note;
      delete item(s).properties.note;
    },
    true,
    'renamed-property',
  ],
  ['type change', (s) => (item(s).properties.ttl.type = 'string'), true, 'type-change'],
  ['response property becomes nullable', (s) => (item(s).properties.ttl.type = ['integer', 'null']), true, 'type-change'],
  ['narrowed enum in a request', (s) => (param(s, 'Status').schema.enum = ['open']), true, 'narrowed-enum'],
  ['widened enum in a response', (s) => item(s).properties.mode.enum.push('c'), true, 'widened-enum'],
  [
    'new required parameter',
    (s) => op(s).parameters.push({ name: 'Owner', in: 'query', required: true, schema: { type: 'string' } }),
    true,
    'new-required-parameter',
  ],
  ['optional parameter becomes required', (s) => (param(s, 'Name').required = true), true, 'parameter-now-required'],
  ['tighter maximum in a request', (s) => (param(s, 'PageSize').schema.maximum = 100), true, 'tighter-constraint'],
  ['tighter minimum in a request', (s) => (param(s, 'PageSize').schema.minimum = 10), true, 'tighter-constraint'],
  ['tighter maxLength in a request', (s) => (param(s, 'Name').schema.maxLength = 10), true, 'tighter-constraint'],
  ['new minLength in a request', (s) => (param(s, 'Name').schema.minLength = 2), true, 'tighter-constraint'],
  ['changed pattern in a request', (s) => (param(s, 'Name').schema.pattern = '^[a-z]{2,}$'), true, 'tighter-constraint'],
  ['removed parameter', (s) => op(s).parameters.splice(2, 1), true, 'removed-parameter'],
  ['removed operation', (s) => delete s.paths['/v1/Things'], true, 'removed-operation'],
  ['removed response', (s) => delete op(s).responses['404'], true, 'removed-response'],
  ['response property no longer required', (s) => (item(s).required = ['sid', 'mode']), true, 'property-now-optional'],
  // non-breaking
  ['added optional property', (s) => (item(s).properties.extra = { type: 'string' }), false, 'added-optional-property'],
  [
    'new operation',
    (s) => (s.paths['/v1/Others'] = { get: { operationId: 'ListOther', responses: { '200': { description: 'ok' } } } }),
    false,
    'new-operation',
  ],
  [
    'new optional parameter',
    (s) => op(s).parameters.push({ name: 'Owner', in: 'query', schema: { type: 'string' } }),
    false,
    'new-optional-parameter',
  ],
  ['looser maximum in a request', (s) => (param(s, 'PageSize').schema.maximum = 5000), false, 'looser-constraint'],
  ['dropped pattern in a request', (s) => delete param(s, 'Name').schema.pattern, false, 'looser-constraint'],
  ['widened enum in a request', (s) => param(s, 'Status').schema.enum.push('failed'), false, 'widened-enum'],
  ['narrowed enum in a response', (s) => item(s).properties.mode.enum.pop(), false, 'narrowed-enum'],
  ['tighter maxLength in a response', (s) => (item(s).properties.sid.maxLength = 20), false, 'tighter-constraint'],
  ['new response', (s) => (op(s).responses['429'] = { description: 'slow down' }), false, 'added-response'],
];

describe('classifySpecChanges', () => {
  test.each(cases)('%s', (_name, edit, breaking, kind) => {
    const revision = baseSpec();
    edit(revision);
    const changes = classifySpecChanges(baseSpec(), revision);
    expect(changes.map((c) => c.kind)).toContain(kind);
    expect(changes.some((c) => c.breaking)).toBe(breaking);
  });

  test('descriptions and examples are no API change', () => {
    const revision = baseSpec();
    op(revision).description = 'Lists things.';
    op(revision).responses['200'].content['application/json'].example = { things: [] };
    expect(classifySpecChanges(baseSpec(), revision)).toEqual([]);
  });
});
