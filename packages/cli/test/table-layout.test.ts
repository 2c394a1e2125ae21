import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, fitCell, layoutColumns } from '../src/core/table-layout.js';
import { listSessionsCommand } from './helpers/helpers.js';

const sessionProperties = listSessionsCommand().properties;
const propertyInfo = (name: string) => sessionProperties.find((p) => p.name === name)!;

describe('layoutColumns', () => {
  it('derives widths from the spec: SIDs 34, enums their longest member, date-times 20', () => {
    const widths = layoutColumns(['sid', 'status', 'mode', 'date_created'].map(propertyInfo), 200);
    expect(widths).toEqual([34, 'in-progress'.length, 'voice-and-message'.length, 20]);
  });

  it.each([40, 80, 100, 120, 300])('fits every property into %i columns when possible', (w) => {
    const widths = layoutColumns(sessionProperties, w);
    const total = widths.reduce((a, b) => a + b, 0) + COLUMN_GAP * (widths.length - 1);
    const minimum = 4 * widths.length + COLUMN_GAP * (widths.length - 1);
    expect(total).toBeLessThanOrEqual(Math.max(w, minimum));
  });

  it('shrinks free text before SIDs', () => {
    const [sid, name] = layoutColumns(['sid', 'unique_name', 'status', 'date_created'].map(propertyInfo), 100);
    expect(sid).toBe(34);
    expect(name).toBe(100 - 34 - 11 - 20 - 3 * COLUMN_GAP);
  });
});

describe('fitCell', () => {
  it.each([
    ['abc', 5, true, 'abc  '],
    ['abcdef', 4, true, 'abc…'],
    ['a\nb\tc', 5, false, 'a b c'],
    ['日本語テキスト', 7, false, '日本語…'],
    ['注文 #5', 10, true, '注文 #5   '],
  ])('%j in %i', (v, w, pad, expected) => {
    expect(fitCell(v, w, pad)).toBe(expected);
  });
});
