/**
 * "Did you mean …?": the closest valid word to a misspelt key or value,
 * by edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters), ignoring case, spaces, hyphens and underscores.
 */

/** Optimal string alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Rows i-2, i-1 and i of the dynamic-programming table.
  let before: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Lower case without separators: `Requires Improvement` and `requires-improvement` compare equal. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The candidate closest to `word`, if it is close enough to be a slip of the
 * keyboard (at most one edit in three letters), or undefined.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const wanted = normaliseWord(word);
  if (wanted.length === 0 || word.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(wanted, normaliseWord(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(wanted.length, normaliseWord(best).length) / 3));
  return bestDistance <= allowed ? best : undefined;
}
