import measure from 'string-width';

// Terminal cells are counted per grapheme (what a reader sees as one character: 👨‍👩‍👧, 👍🏽, é
// written e + U+0301, क्षि), by string-width: RGI emoji 2, East Asian wide 2, marks 0.

/** Printable ASCII: one cell per UTF-16 unit, no segmenting needed. Most cells (SIDs, dates, enums) are. */
const ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter();

// Segmenting and measuring (Unicode property regexes) are the slow part. A listing repeats itself:
// the same names, a script's few letters, a handful of emoji; so widths of both whole values and
// graphemes are kept, in caches bounded so that memory stays flat whatever is listed.
const LIMIT = 4096;
const KEY_MAX = 128;
const graphemes = new Map<string, number>();
const values = new Map<string, number>();

function remember(cache: Map<string, number>, key: string, width: number): number {
  if (cache.size >= LIMIT) cache.clear();
  cache.set(key, width);
  return width;
}

function graphemeWidth(g: string): number {
  if (ASCII.test(g)) return g.length;
  return graphemes.get(g) ?? remember(graphemes, g, measure(g));
}

/** Width of a string in terminal cells: the sum of its graphemes' widths. */
export function stringWidth(s: string): number {
  if (ASCII.test(s)) return s.length;
  const known = values.get(s);
  if (known !== undefined) return known;
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += graphemeWidth(segment);
  return s.length > KEY_MAX ? w : remember(values, s, w);
}

/** The longest start of `s` made of whole graphemes that fits in `width` cells, and the cells it takes. */
export function cutToWidth(s: string, width: number): { text: string; width: number } {
  if (ASCII.test(s)) {
    const text = s.slice(0, Math.max(0, width));
    return { text, width: text.length };
  }
  let used = 0;
  let end = 0;
  for (const { segment, index } of segmenter.segment(s)) {
    const w = graphemeWidth(segment);
    if (used + w > width) break;
    used += w;
    end = index + segment.length;
  }
  return { text: s.slice(0, end), width: used };
}
