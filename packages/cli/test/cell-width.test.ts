import measure from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitCell } from '../src/core/table-layout.js';
import { createFormatter } from '../src/index.js';
import { cutToWidth, stringWidth } from '../src/internal/cell-width.js';
import { listSessionsCommand } from './helpers/helpers.js';

const { properties: sessionProperties, defaultProperties } = listSessionsCommand();

const graphemes = (s: string) => [...new Intl.Segmenter().segment(s)].map((g) => g.segment);

/** Names a person may give a session, each with the cells it takes where that does not depend on the ICU version. */
const NAMES: [label: string, text: string, cells: number | null][] = [
  ['ASCII', 'order #5', 8],
  ['emoji', '🚀 launch', 9],
  ['emoji with VS16', '✅ done', 7],
  ['ZWJ sequence', '👨‍👩‍👧 family', 9],
  ['skin tone', '👍🏽 ok', 5],
  ['combining mark', 'cafe\u0301 au lait', 12],
  ['CJK', '注文 #5', 7],
  ['Devanagari', 'नमस्ते दुनिया', null],
  ['Devanagari conjunct', 'क्षि क्षि क्षि', null],
  ['mixed', '🚀注文 cafe\u0301 👨‍👩‍👧 क्षि 👍🏽 ✅', null],
];

describe('stringWidth counts terminal cells per grapheme', () => {
  it.each(NAMES)('%s: %j', (_, text, cells) => {
    if (cells !== null) expect(stringWidth(text)).toBe(cells);
    // Whatever the segmentation, the whole is the sum of its graphemes (so a cut adds up).
    expect(stringWidth(text)).toBe(graphemes(text).reduce((w, g) => w + measure(g), 0));
  });

  it.each([
    ['🚀', 2],
    ['✅', 2],
    ['👨‍👩‍👧', 2],
    ['👍🏽', 2],
    ['e\u0301', 1],
    ['注', 2],
    ['…', 1],
  ])('%j is %i cells', (text, cells) => {
    expect(stringWidth(text)).toBe(cells);
  });
});

describe('cuts keep whole graphemes', () => {
  it.each(NAMES)('%s: %j cut at every width', (_, text) => {
    const whole = graphemes(text);
    for (let width = 0; width <= stringWidth(text) + 1; width++) {
      const cut = cutToWidth(text, width);
      expect(cut.width).toBeLessThanOrEqual(width);
      expect(cut.width).toBe(stringWidth(cut.text));
      // A prefix made of the text's own graphemes, none of them split.
      const kept = graphemes(cut.text);
      expect(kept).toEqual(whole.slice(0, kept.length));
      // And the longest such prefix: the next grapheme would not fit.
      const next = whole[kept.length];
      if (next !== undefined) expect(cut.width + stringWidth(next)).toBeGreaterThan(width);
    }
  });

  it.each([
    ['👨‍👩‍👧 family', 3, '👨‍👩‍👧…'],
    ['👨‍👩‍👧 family', 2, '…'], // the family does not fit beside the ellipsis: it goes whole
    ['👍🏽 ok', 2, '…'],
    ['cafe\u0301!!', 5, 'cafe\u0301…'],
    ['cafe\u0301!!', 4, 'caf…'],
    ['注文 #5', 4, '注…'],
    ['注文 #5', 3, '注…'],
  ])('fitCell(%j, %i) is %j', (text, width, want) => {
    expect(fitCell(text, width, false)).toBe(want);
  });

  it.each(NAMES)('%s: fitCell pads to exactly the width at every width', (_, text) => {
    for (let width = 1; width <= stringWidth(text) + 2; width++) {
      const cell = fitCell(text, width, true);
      expect(stringWidth(cell)).toBe(width);
      const body = cell.trimEnd().replace(/…$/, '');
      expect(graphemes(text).slice(0, graphemes(body).length)).toEqual(graphemes(body));
    }
  });
});

describe('tables stay aligned whatever the names', () => {
  const sid = (i: number) => `KC${i.toString(16).padStart(32, '0')}`;
  const rows = NAMES.map(([, name], i) => ({ sid: sid(i), unique_name: name, status: 'open' }));

  it.each([30, 60, 100, 160])('at %i columns, every column starts at the same cell in every row', (columns) => {
    // The SID last: it always fills its column, so every row ends at the same cell as well.
    const f = createFormatter('table', { properties: ['unique_name', 'status', 'sid'], columns, defaultProperties }, sessionProperties);
    const lines = (f.begin() + rows.map((r) => f.row(r)).join('') + f.end()).split('\n').filter(Boolean);
    const header = lines[0]!;
    const starts = (line: string, marks: string[]) => marks.map((m) => stringWidth(line.slice(0, line.indexOf(m))));
    const want = starts(header, ['STATUS', 'SID']);
    lines.slice(1).forEach((line, i) => {
      expect(starts(line, ['open', 'KC'])).toEqual(want);
      expect(stringWidth(line)).toBe(stringWidth(lines[1]!));
      // The name cell is whole graphemes of the name, maybe cut with an ellipsis.
      const cell = line.slice(0, line.indexOf('open')).trimEnd().replace(/…$/, '');
      const name = graphemes(rows[i]!.unique_name);
      expect(name.slice(0, graphemes(cell).length)).toEqual(graphemes(cell));
    });
  });
});
