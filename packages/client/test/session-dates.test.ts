import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { describe, expect, it } from 'vitest';
import { parseSessionDates } from '../src/index.js';
import { makeSession } from './support/sessions.js';

describe('parseSessionDates', () => {
  it('turns the date_* strings into Dates, keeps null and every other field', () => {
    const s = makeSession(1);
    const d = parseSessionDates(s);
    expect(d.date_created).toBeInstanceOf(Date);
    expect(d.date_created?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(d.date_ended).toBeNull();
    expect(d.sid).toBe(s.sid);
    expect(d.extra_field).toBe('kept');
    expect(s.date_created).toBe('2024-01-02T03:04:05Z'); // the input is not changed
  });

  it('covers exactly the date-time fields of the spec (date_* is the naming rule it relies on)', () => {
    const props = openapiDocument.components!.schemas!.Session.properties as Record<string, { format?: string }>;
    const dateTime = Object.keys(props).filter((k) => props[k]!.format === 'date-time').sort();
    expect(dateTime).toEqual(Object.keys(props).filter((k) => k.startsWith('date_')).sort());
    expect(dateTime.length).toBeGreaterThan(0);
  });
});
