const norm = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/** Levenshtein distance, one row at a time (names are short). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * The candidate a mistyped name most likely meant: the same name but for case, `_` and `-` (`page_size` →
 * `PageSize`), else the closest within a small edit distance (a third of its length, at most 3). Given in the
 * style typed: a name typed with a lower-case first letter (a facade option) gets `pageSize`, not `PageSize`.
 */
export function suggest(typed: string, candidates: readonly string[]): string | undefined {
  const t = norm(typed);
  let best: string | undefined;
  let least = Math.min(3, Math.floor(t.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(t, norm(c));
    if (d < least) [best, least] = [c, d];
  }
  return best && typed[0] !== typed[0]!.toUpperCase() ? best[0]!.toLowerCase() + best.slice(1) : best;
}
