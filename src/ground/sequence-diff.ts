/**
 * A longest-common-subsequence diff over any sequence (paragraphs, words,
 * sections). Letters are small, so the quadratic table is cheap; common
 * prefix and suffix are trimmed first.
 */

export type Edit<T> = { op: 'equal'; a: T; b: T } | { op: 'delete'; a: T } | { op: 'insert'; b: T };

/** Beyond this many table cells the middle is reported as replaced wholesale. */
const maxCells = 4_000_000;

/** The edits that turn `a` into `b`; within each changed stretch, deletions come before insertions. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Edit<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const head: Edit<T>[] = [];
  for (let i = 0; i < start; i++) head.push({ op: 'equal', a: a[i]!, b: b[i]! });
  const tail: Edit<T>[] = [];
  for (let i = endA, j = endB; i < a.length; i++, j++) tail.push({ op: 'equal', a: a[i]!, b: b[j]! });
  return [...head, ...middle(a.slice(start, endA), b.slice(start, endB), equal), ...tail];
}

function middle<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Edit<T>[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > maxCells) {
    return [...a.map((x): Edit<T> => ({ op: 'delete', a: x })), ...b.map((y): Edit<T> => ({ op: 'insert', b: y }))];
  }
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = equal(a[i]!, b[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const edits: Edit<T>[] = [];
  let deletes: Edit<T>[] = [];
  let inserts: Edit<T>[] = [];
  const flush = (): void => {
    edits.push(...deletes, ...inserts);
    deletes = [];
    inserts = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && equal(a[i]!, b[j]!)) {
      flush();
      edits.push({ op: 'equal', a: a[i]!, b: b[j]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      deletes.push({ op: 'delete', a: a[i++]! });
    } else {
      inserts.push({ op: 'insert', b: b[j++]! });
    }
  }
  flush();
  return edits;
}

/** How alike two sequences are: 2 × common / total, from 0 (nothing shared) to 1 (the same). */
export function similarity<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): number {
  if (a.length + b.length === 0) return 1;
  const common = diffSequences(a, b, equal).filter((edit) => edit.op === 'equal').length;
  return (2 * common) / (a.length + b.length);
}
