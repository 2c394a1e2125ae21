import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { walkOperations } from '@twilio-proxy/types/walker';
import { describe, expect, it } from 'vitest';
import { parseDates, parseSessionDates } from '../src/index.js';
import { makeSession } from './helpers/sessions.js';

describe('parseDates', () => {
  it('turns the date_* strings into Dates, keeps null and every other field', () => {
    const s = makeSession(1);
    const d = parseDates(s);
    expect(d.date_created).toBeInstanceOf(Date);
    expect(d.date_created?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(d.date_ended).toBeNull();
    expect(d.sid).toBe(s.sid);
    expect(d.extra_field).toBe('kept');
    expect(s.date_created).toBe('2024-01-02T03:04:05Z'); // the input is not changed
  });

  it.each([
    ['the listed fields only', ['date_created', 'expires_at'], { date_created: true, date_ended: false, expires_at: true }],
    ['none listed: none', [], { date_created: false, date_ended: false, expires_at: false }],
  ])('with the operation’s dateFields, converts %s', (_name, fields, converted) => {
    const item = { date_created: '2024-01-02T03:04:05Z', date_ended: '2024-01-02T03:04:05Z', expires_at: '2024-01-02T03:04:05Z' };
    const d = parseDates(item, fields) as Record<string, unknown>;
    expect(Object.fromEntries(Object.keys(converted).map((k) => [k, d[k] instanceof Date]))).toEqual(converted);
  });

  it('keeps its generated per-schema names: each converts its schema’s date-time fields (the walker’s dateFields)', () => {
    const s = parseSessionDates(makeSession(1));
    expect(s.date_created).toBeInstanceOf(Date);
    expect(s.date_ended).toBeNull();
    const session = walkOperations(openapiDocument).find((op) => op.schema === 'Session' && op.dateFields.length);
    expect(session?.dateFields).toContain('date_created');
  });

  // The rule is about what the API answers: request bodies (a form's `DateExpiry`) are not read by parseDates.
  const bodies = new Set(walkOperations(openapiDocument).map((op) => op.body?.schemaName));
  const schemas = Object.entries(
    openapiDocument.components!.schemas! as Record<string, { properties?: Record<string, { format?: string }> }>,
  );
  it.each(schemas.filter(([name, s]) => s.properties && !bodies.has(name)))(
    '%s: the date-time fields of the spec are exactly the date_* ones (the rule it relies on)',
    (_, schema) => {
      const props = schema.properties!;
      const dateTime = Object.keys(props)
        .filter((k) => props[k]!.format === 'date-time')
        .sort();
      expect(dateTime).toEqual(
        Object.keys(props)
          .filter((k) => k.startsWith('date_'))
          .sort(),
      );
    },
  );
});
