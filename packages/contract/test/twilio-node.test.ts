import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockProxy, startMockProxy } from '../src/index.js';

/**
 * The official twilio-node against the mock: what teams run in their integrations. It lists the seeded sessions,
 * then runs every resource of the spec (Twilio's whole published Proxy v1 API) through its lifecycle (create →
 * fetch → update → list → remove, as far as the spec offers each), checks that the values it sent come back,
 * that a unique name stands for a Service's or Session's SID, and that a remove takes everything under it.
 */
const twilio = createRequire(import.meta.url)('twilio');
type Any = any;

let mock: MockProxy;
let tw: Any;
beforeAll(async () => {
  mock = await startMockProxy({ count: 12, perParent: 2, seed: 17 });
  class Loopback extends twilio.RequestClient {
    request(opts: Any) {
      return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/proxy\.twilio\.com/, mock.url) });
    }
  }
  tw = twilio(mock.accountSid, mock.authToken, { httpClient: new Loopback() });
});
afterAll(() => mock.close()); // rejects if any answer broke the spec (self-check)

const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: Any) => e.status as number,
  );

describe('twilio-node against the mock', () => {
  it('lists the sessions of the service', async () => {
    const sessions = await tw.proxy.v1.services(mock.serviceSid).sessions.list({ pageSize: 5 });
    expect(sessions.map((s: Any) => s.sid)).toEqual(mock.sessions.map((s) => s.sid));
    expect(sessions[0].url.startsWith(mock.url)).toBe(true);
  });

  it('runs every resource through create, fetch, update, list and remove, with the cascade on remove', async () => {
    const proxy = tw.proxy.v1;
    // Services: integers and enums come back as sent.
    const service = await proxy.services.create({ uniqueName: 'lifecycle ✅', defaultTtl: 600, geoMatchLevel: 'country' });
    expect([service.uniqueName, service.defaultTtl, service.geoMatchLevel]).toEqual(['lifecycle ✅', 600, 'country']);
    expect((await proxy.services.list()).map((s: Any) => s.sid)).toContain(service.sid);
    expect((await proxy.services(service.sid).fetch()).toJSON()).toEqual(service.toJSON());
    const renamed = await proxy.services(service.sid).update({ defaultTtl: 60 });
    expect([renamed.defaultTtl, renamed.uniqueName]).toEqual([60, 'lifecycle ✅']);
    const svc = proxy.services(service.sid);
    // A unique name stands for the SID (twilio-node puts either in the URL).
    expect((await proxy.services('lifecycle ✅').fetch()).sid).toBe(service.sid);

    // Sessions: a bad enum is a 400 with nothing stored; closed sets date_ended.
    expect(await statusOf(svc.sessions.create({ uniqueName: 'bad', mode: 'carrier-pigeon' }))).toBe(400);
    expect(await svc.sessions.list()).toEqual([]);
    const session = await svc.sessions.create({ uniqueName: 'order 1', ttl: 3600, mode: 'message-only' });
    expect([session.uniqueName, session.ttl, session.mode, session.status]).toEqual(['order 1', 3600, 'message-only', session.status]);
    expect(session.dateEnded).toBeNull();
    expect((await svc.sessions(session.sid).fetch()).sid).toBe(session.sid);
    expect((await svc.sessions.list()).map((s: Any) => s.sid)).toEqual([session.sid]);
    expect((await svc.sessions('order 1').fetch()).sid).toBe(session.sid);

    // Participants and their message interactions.
    const people = svc.sessions(session.sid).participants;
    const participant = await people.create({ identifier: '+15550001111', friendlyName: 'Zoë' });
    expect([participant.identifier, participant.friendlyName, participant.sessionSid]).toEqual(['+15550001111', 'Zoë', session.sid]);
    expect((await people.list()).map((p: Any) => p.sid)).toEqual([participant.sid]);
    expect((await people(participant.sid).fetch()).sid).toBe(participant.sid);
    const messages = people(participant.sid).messageInteractions;
    const message = await messages.create({ body: 'hello' });
    expect(message.participantSid).toBe(participant.sid);
    expect((await messages.list()).map((m: Any) => m.sid)).toEqual([message.sid]);
    expect((await messages(message.sid).fetch()).sid).toBe(message.sid);
    // A message interaction is one of the session's interactions (same SID), carrying what was sent.
    const interactions = await svc.sessions(session.sid).interactions.list();
    expect(interactions.map((i: Any) => [i.sid, i.type])).toEqual([[message.sid, 'message']]);
    expect(JSON.parse(interactions[0].data)).toEqual({ body: 'hello' });
    expect((await svc.sessions(session.sid).interactions(message.sid).fetch()).outboundParticipantSid).toBe(participant.sid);

    // Interactions of a seeded session: list, fetch, remove.
    const seeded = proxy.services(mock.serviceSid).sessions(mock.sessions[0]!.sid).interactions;
    const [interaction] = await seeded.list();
    expect((await seeded(interaction.sid).fetch()).sid).toBe(interaction.sid);
    expect(await seeded(interaction.sid).remove()).toBe(true);
    expect(await statusOf(seeded(interaction.sid).fetch())).toBe(404);

    // Phone numbers: booleans come back as sent.
    const number = await svc.phoneNumbers.create({ sid: `PN${'ab'.repeat(16)}`, isReserved: true });
    expect([number.sid, number.isReserved]).toEqual([`PN${'ab'.repeat(16)}`, true]);
    expect((await svc.phoneNumbers(number.sid).fetch()).toJSON()).toEqual(number.toJSON());
    expect((await svc.phoneNumbers(number.sid).update({ isReserved: false })).isReserved).toBe(false);
    expect((await svc.phoneNumbers.list()).map((p: Any) => p.sid)).toEqual([number.sid]);
    expect(await svc.phoneNumbers(number.sid).remove()).toBe(true);
    expect(await statusOf(svc.phoneNumbers(number.sid).fetch())).toBe(404);
    const kept = await svc.phoneNumbers.create({ sid: `PN${'cd'.repeat(16)}` });

    // Closing a session sets date_ended; removing it takes its participants and their messages.
    const closed = await svc.sessions(session.sid).update({ status: 'closed' });
    expect(closed.status).toBe('closed');
    expect(closed.dateEnded).toBeInstanceOf(Date);
    expect(await people(participant.sid).remove()).toBe(true);
    const other = await people.create({ identifier: '+15550002222' });
    expect(await svc.sessions(session.sid).remove()).toBe(true);
    expect(await statusOf(people.list())).toBe(404);
    expect(await statusOf(people(other.sid).fetch())).toBe(404);
    expect(await statusOf(messages.list())).toBe(404);
    // Removing the service takes its sessions and phone numbers.
    const last = await svc.sessions.create({ uniqueName: 'order 2' });
    expect(await svc.remove()).toBe(true);
    expect(await statusOf(svc.fetch())).toBe(404);
    expect(await statusOf(svc.sessions(last.sid).fetch())).toBe(404);
    expect(await statusOf(svc.phoneNumbers(kept.sid).fetch())).toBe(404);
    expect(await statusOf(svc.sessions.list())).toBe(404);
  });
});
