import { describe, expect, test } from 'vitest';
import { encodeTexts, isNullable, parseText, parseTexts, statedType, typeOf } from '../src/walker/schema-values.js';

describe('typeOf, statedType and isNullable', () => {
  test.each([
    [{ type: 'integer' }, 'integer', 'integer', false],
    [{ type: ['null', 'boolean'] }, 'boolean', 'boolean', true],
    [{ type: 'string', nullable: true }, 'string', 'string', true],
    [{ enum: ['a', 'b'] }, 'string', undefined, false],
    [{ properties: { a: {} } }, 'object', undefined, false],
    [{}, 'string', undefined, false],
  ])('%j: typeOf %s, statedType %s, nullable %s', (schema, type, stated, nullable) => {
    expect(typeOf(schema)).toBe(type);
    expect(statedType(schema)).toBe(stated);
    expect(isNullable(schema)).toBe(nullable);
  });
});

describe('parseText: one rule per type, for query, form and flag text', () => {
  const integer = { type: 'integer' };
  const number = { type: 'number' };
  const boolean = { type: 'boolean' };
  const object = { type: 'object' };
  const dateTime = { type: 'string', format: 'date-time' };
  const nullableString = { type: ['string', 'null'] };
  test.each<[string, object, string, { value: unknown } | { problem: string }]>([
    ['integer', integer, '42', { value: 42 }],
    ['negative integer', integer, '-7', { value: -7 }],
    ['integer with a plus', integer, '+7', { problem: 'must be an integer' }],
    ['integer with spaces', integer, ' 7', { problem: 'must be an integer' }],
    ['integer beyond the safe range', integer, '9007199254740993', { problem: 'must be an integer' }],
    ['decimal as integer', integer, '1.5', { problem: 'must be an integer' }],
    ['number', number, '1.5', { value: 1.5 }],
    ['number with exponent', number, '-2e3', { value: -2000 }],
    ['hex as number', number, '0x10', { problem: 'must be a number' }],
    ['empty as number', number, '', { problem: 'must be a number' }],
    ['boolean true', boolean, 'true', { value: true }],
    ['boolean True (any case)', boolean, 'True', { value: true }],
    ['boolean FALSE', boolean, 'FALSE', { value: false }],
    ['boolean yes', boolean, 'yes', { problem: 'must be true or false' }],
    ['object', object, '{"a":1}', { value: { a: 1 } }],
    ['array JSON as object', object, '[1]', { problem: 'must be a JSON object' }],
    ['broken JSON', object, '{', { problem: 'must be a JSON object' }],
    ['date-time', dateTime, '2026-12-01T10:00:00Z', { value: '2026-12-01T10:00:00Z' }],
    ['date-time not a date', dateTime, 'tomorrow', { problem: 'must be an ISO 8601 date-time (2026-12-01T10:00:00Z)' }],
    ['string keeps commas', { type: 'string' }, 'a,b', { value: 'a,b' }],
    ['empty nullable is null', nullableString, '', { value: null }],
    ['empty string stays', { type: 'string' }, '', { value: '' }],
  ])('%s', (_name, schema, raw, expected) => {
    const parsed = parseText(schema, raw);
    expect(parsed).toEqual('value' in expected ? { ok: true, value: expected.value } : { ok: false, problem: expected.problem });
  });

  test('an array takes its key repeated, each element typed as the items are; never split on commas', () => {
    const schema = { type: 'array', items: { type: 'integer' } };
    expect(parseTexts(schema, ['1', '2'])).toEqual({ ok: true, value: [1, 2] });
    expect(parseTexts(schema, ['1,2'])).toEqual({ ok: false, problem: 'must be an integer' });
    expect(parseTexts({ type: 'array', items: { type: 'string' } }, ['a,b'])).toEqual({ ok: true, value: ['a,b'] });
    expect(parseTexts({ type: 'string' }, ['a', 'b'])).toEqual({ ok: false, problem: 'is given more than once' });
  });
});

describe('encode then parse is the identity', () => {
  test.each<[string, object, unknown]>([
    ['integer', { type: 'integer' }, -12],
    ['number', { type: 'number' }, 2.5],
    ['boolean', { type: 'boolean' }, false],
    ['string', { type: 'string' }, 'a, b & c=d'],
    ['object', { type: 'object' }, { a: [1, 'x'], b: null }],
    ['nullable', { type: ['integer', 'null'] }, null],
    ['date-time text', { type: 'string', format: 'date-time' }, '2026-12-01T10:00:00Z'],
    ['array of integers', { type: 'array', items: { type: 'integer' } }, [3, 1, 2]],
    ['array of strings', { type: 'array', items: { type: 'string' } }, ['a,b', 'c']],
    ['empty array', { type: 'array', items: { type: 'string' } }, []],
  ])('%s', (_name, schema, value) => {
    expect(parseTexts(schema, encodeTexts(value, schema))).toEqual({ ok: true, value });
  });

  test('a Date is sent as ISO 8601 to the second (a day for format: date) and read back as that text', () => {
    const when = new Date('2026-12-01T10:00:00.123Z');
    const dateTime = { type: 'string', format: 'date-time' };
    expect(encodeTexts(when, dateTime)).toEqual(['2026-12-01T10:00:00Z']);
    expect(encodeTexts(when, { type: 'string', format: 'date' })).toEqual(['2026-12-01']);
    expect(parseTexts(dateTime, encodeTexts(when, dateTime))).toEqual({ ok: true, value: '2026-12-01T10:00:00Z' });
    expect(encodeTexts(undefined)).toEqual([]);
  });
});
