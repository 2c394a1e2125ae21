import { openapiDocument } from '@twilio-proxy/types/openapi-document';
import { sidShapeOf, walkOperations } from '@twilio-proxy/types/walker';
import { describe, expect, it } from 'vitest';
import { drawAccountSid, drawAnySid, drawSid } from '../src/core/fixtures/sids.js';
import { createRng } from '../src/internal/prng.js';
import { sampleForm } from '../src/internal/sample-form.js';

describe('the one SID generator', () => {
  it.each([
    { pattern: '^KS[0-9a-fA-F]{32}$', prefix: 'KS', length: 34 },
    { pattern: '^RQ[0-9a-fA-F]{32}$', prefix: 'RQ', length: 34 },
    { pattern: '^XX[0-9a-fA-F]{8}$', prefix: 'XX', length: 10 },
  ])('draws $pattern from the walker’s shape, and a seed replays it', ({ pattern, prefix, length }) => {
    const shape = sidShapeOf({ pattern })!;
    const a = drawSid(shape, createRng(7));
    expect(a).toMatch(new RegExp(pattern));
    expect(a.startsWith(prefix)).toBe(true);
    expect(a).toHaveLength(length);
    expect(drawSid(shape, createRng(7))).toBe(a);
    expect(drawSid(shape, createRng(8))).not.toBe(a);
  });

  it('draws a SID of any kind with upper-case letters', () => {
    expect(drawAnySid({ letters: 2, hexDigits: 32 }, createRng(3))).toMatch(/^[A-Z]{2}[0-9a-f]{32}$/);
  });

  it('takes the account pattern from the spec, not a copy', () => {
    const stated = Object.values(openapiDocument.components!.schemas!)
      .map((s: any) => s.properties?.account_sid?.pattern)
      .find((p): p is string => typeof p === 'string');
    expect(stated).toBeDefined();
    expect(drawAccountSid(5)).toMatch(new RegExp(stated!));
    expect(drawAccountSid(5)).toBe(drawAccountSid(5));
  });
});

describe('write-suite sample bodies', () => {
  const fields = walkOperations(openapiDocument).flatMap((op) => op.body?.fields ?? []);
  const sidFields = fields.filter((f) => sidShapeOf(f.schema));

  it('has SID fields in the spec to draw', () => expect(sidFields.length).toBeGreaterThan(0));

  it('replay from a seed: the same seed gives the same form, another seed other SIDs', () => {
    expect(sampleForm(fields, 1, 9).toString()).toBe(sampleForm(fields, 1, 9).toString());
    const sids = (seed: number) => sidFields.map((f) => sampleForm([f], 1, seed).get(f.name));
    expect(sids(9)).toEqual(sids(9));
    expect(sids(10)).not.toEqual(sids(9));
    for (const [i, f] of sidFields.entries()) expect(sids(9)[i]).toMatch(new RegExp(f.schema.pattern));
  });
});
