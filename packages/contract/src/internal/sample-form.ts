import { encodeText, type JsonObject, sidShapeOf, typeOf, type WalkedBodyField } from '@twilio-proxy/types/walker';
import { drawSid } from '../core/fixtures/sids.js';
import { createRng } from './prng.js';

/** 600 + i, or within the schema's `minimum`..`maximum` when 600 is outside them: distinct values where the range allows. */
export function sampleNumber(schema: JsonObject, i: number): number {
  const lo: number = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  const hi: number = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  const start = 600 >= lo && 600 <= hi ? 600 : lo;
  return start + (i % (hi - start + 1));
}

/**
 * A value a body field's schema accepts, as form text (what twilio-node sends): enums, SIDs, numbers, booleans,
 * formats. The same `i` and `seed` give the same value, so a write suite replays.
 */
export function sampleFormValue(schema: JsonObject, i: number, seed = 1): string {
  const values = (schema.enum ?? []).filter((v: unknown) => v !== null);
  if (values.length) return String(values[i % values.length]);
  const shape = sidShapeOf(schema);
  if (shape) return drawSid(shape, createRng(seed * 7919 + i));
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return encodeText(sampleNumber(schema, i));
    case 'boolean':
      return encodeText(i % 2 === 0);
  }
  if (schema.format === 'date-time') return '2030-01-02T03:04:05Z';
  if (schema.format === 'uri') return `https://example.com/contract/${i}`;
  if (schema.format === 'phone-number') return `+1555010${String(1000 + (i % 1000)).slice(-4)}`;
  return `contract suite ${i}`;
}

/** A form giving every field a valid value (an array field twice), drawn from `seed`. */
export function sampleForm(fields: readonly WalkedBodyField[], i = 0, seed = 1): URLSearchParams {
  const form = new URLSearchParams();
  for (const f of fields) {
    if (f.type === 'array') for (const k of [0, 1]) form.append(f.name, sampleFormValue(f.items ?? {}, i + k, seed));
    else form.append(f.name, sampleFormValue(f.schema, i, seed));
  }
  return form;
}
