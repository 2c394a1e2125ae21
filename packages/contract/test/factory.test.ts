import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFactory, createSessionFactory, type MockProxy, randomServiceSid, startMockProxy, validateSchema } from '../src/index.js';
import { compiled } from '../src/internal/ajv.js';
import { mockAuth, raw } from './helpers/helpers.js';

const schemas = openapiDocument.components!.schemas!;

describe('createFactory (any component schema)', () => {
  it('is what the generated create<Schema>Factory wraps, with parents by parameter name', () => {
    const serviceSid = `KS${'b'.repeat(32)}`;
    const generic = createFactory('Session', { seed: 9, parents: { ServiceSid: serviceSid } });
    const named = createSessionFactory({ seed: 9, serviceSid });
    expect(generic.take(20)).toEqual(named.take(20));
    expect([generic.parents, named.serviceSid]).toEqual([{ ServiceSid: serviceSid }, serviceSid]);
  });

  it.each(Object.keys(schemas))('makes spec-valid %s values', (name) => {
    const f = createFactory(name, { seed: 4 });
    for (const item of f.take(200)) expect(validateSchema(name, item).errors).toEqual([]);
  });

  it('puts international text in names: emoji, ZWJ sequences, skin tones, combining marks, CJK, Devanagari', () => {
    const names = createSessionFactory({ seed: 1 })
      .take(400)
      .map((s) => s.unique_name ?? '')
      .join(' ');
    for (const text of ['🚀', '✅', '👨‍👩‍👧', '👍🏽', 'e\u0301', '注文', 'नमस्ते']) expect(names).toContain(text);
  });

  it('names the schema it does not know', () => {
    expect(() => createFactory('NoSuchSchema')).toThrow(/components\.schemas\.NoSuchSchema/);
  });

  it('gives random parent values from the spec pattern', () => {
    expect(randomServiceSid(1)).toMatch(/^KS[0-9a-f]{32}$/);
    expect(randomServiceSid(1)).toBe(randomServiceSid(1));
  });
});

describe('unknown formats (Twilio writes uri-map, phone-number, …)', () => {
  it('validate as the schema says, with no warning and no crash', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const validate = compiled('test|uri-map', {
        type: ['object', 'null'],
        format: 'uri-map',
        properties: { n: { type: 'string', format: 'phone-number' } },
      });
      expect([validate({}), validate(null), validate({ n: '+1555' }), validate('x')]).toEqual([true, true, true, false]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('mock: generic API beside the named fields', () => {
  let m: MockProxy;
  beforeAll(async () => {
    m = await startMockProxy({ count: 12, seed: 8 });
  });
  afterAll(() => m.close());

  it('items(resource or operationId), parents and urlFor agree with the named fields', async () => {
    expect(m.items('sessions')).toBe(m.sessions);
    expect(m.items('ListSession')).toBe(m.sessions);
    // Every root parent of the spec has a default; the service is one of them.
    expect(m.parents).toMatchObject({ ServiceSid: m.serviceSid });
    const r = await raw(m.urlFor('ListSession', {}, { PageSize: 5 }), { auth: mockAuth(m) });
    expect(r.json.sessions.map((s: any) => s.sid)).toEqual(m.sessions.slice(0, 5).map((s) => s.sid));
    expect(() => m.items('nope')).toThrow(/No collection for "nope"/);
    expect(() => m.items('sessions', { ServiceSid: `KS${'0'.repeat(32)}` })).toThrow(/a parent does not exist/);
  });

  it('add(resource, n) appends generated items, as the named adder does', () => {
    const before = m.sessions.length;
    const added = m.add('sessions', 2);
    m.addSessions(1);
    expect(m.sessions.length).toBe(before + 3);
    expect(m.sessions.slice(before, before + 2)).toEqual(added);
  });
});
