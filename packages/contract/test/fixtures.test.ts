import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { describe, expect, it } from 'vitest';
import { createSessionFactory, ENDED_STATUSES, validateResponse } from '../src/index.js';

const schemas = openapiDocument.components!.schemas!;

describe('createSessionFactory', () => {
  const factory = createSessionFactory({ seed: 42 });
  const sessions = factory.take(10_000);

  it('makes 10,000 sessions that all validate against the spec', () => {
    const body = {
      sessions,
      meta: {
        page: 0,
        page_size: 10_000,
        key: 'sessions',
        url: 'https://x.test/a',
        first_page_url: 'https://x.test/a',
        previous_page_url: null,
        next_page_url: null,
      },
    };
    const { errors } = validateResponse('ListSession', 200, body);
    expect(errors.slice(0, 5)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(createSessionFactory({ seed: 42 }).take(50)).toEqual(sessions.slice(0, 50));
    expect(createSessionFactory({ seed: 43 }).take(1)[0]!.sid).not.toBe(sessions[0]!.sid);
  });

  it('gives unique SIDs and unique names within the length limit', () => {
    expect(new Set(sessions.map((s) => s.sid)).size).toBe(sessions.length);
    const names = sessions.map((s) => s.unique_name).filter((n): n is string => n !== null);
    expect(new Set(names).size).toBe(names.length);
    const max = schemas.Session.properties.unique_name.maxLength;
    expect(Math.max(...names.map((n) => [...n].length))).toBe(max);
  });

  it('keeps dates consistent and ends exactly the closed and failed sessions', () => {
    for (const s of sessions) {
      const t = (d: string | null) => (d === null ? null : Date.parse(d));
      const created = t(s.date_created)!;
      const started = t(s.date_started)!;
      const last = t(s.date_last_interaction);
      const ended = t(s.date_ended);
      const updated = t(s.date_updated)!;
      expect(created).toBeLessThanOrEqual(started);
      if (last !== null) expect(started).toBeLessThanOrEqual(last);
      if (ended !== null) {
        expect(last ?? started).toBeLessThanOrEqual(ended);
        expect(ended).toBeLessThanOrEqual(updated);
      } else expect(last ?? started).toBeLessThanOrEqual(updated);
      expect(s.date_ended !== null).toBe(ENDED_STATUSES.includes(s.status));
      expect(s.url).toBe(`https://proxy.twilio.com/v1/Services/${factory.serviceSid}/Sessions/${s.sid}`);
    }
  });

  it('reaches every enum value of the spec', () => {
    expect(new Set(sessions.map((s) => s.status))).toEqual(new Set(schemas.SessionStatus.enum));
    expect(new Set(sessions.map((s) => s.mode))).toEqual(new Set(schemas.SessionMode.enum));
    expect(
      new Set(
        createSessionFactory({ seed: 1 })
          .take(5)
          .map((s) => s.status),
      ),
    ).toEqual(new Set(schemas.SessionStatus.enum));
  });

  it('uses the given service and account', () => {
    const f = createSessionFactory({ seed: 1, serviceSid: `KS${'b'.repeat(32)}`, accountSid: `AC${'c'.repeat(32)}` });
    expect(f.next()).toMatchObject({ service_sid: `KS${'b'.repeat(32)}`, account_sid: `AC${'c'.repeat(32)}` });
  });
});
