/**
 * A changed section shown to a person: its paragraphs paired between the
 * HMI's draft and the final letter, unchanged ones counted rather than
 * repeated, and within a changed paragraph the words removed (<del>) and
 * added (<ins>), found with the same sequence diff the redline uses.
 */
import { diffSequences } from '../../ground/sequence-diff.js';
import { html, type Html } from './html.js';

/** One row of the comparison: a run of unchanged paragraphs, or a paragraph as the draft and the final have it. */
export type ComparedRow = { unchanged: number } | { before: Html; after: Html };

const words = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

function markWords(before: string, after: string): { before: Html; after: Html } {
  const a: Html[] = [];
  const b: Html[] = [];
  // Runs of the same kind are joined, so a phrase added reads as one <ins>.
  let run: { op: 'equal' | 'delete' | 'insert'; a: string; b: string } | undefined;
  const flush = () => {
    if (!run) return;
    if (run.op === 'equal') {
      a.push(html`${run.a}`);
      b.push(html`${run.b}`);
    } else if (run.op === 'delete') a.push(html`<del>${run.a}</del>`);
    else b.push(html`<ins>${run.b}</ins>`);
    run = undefined;
  };
  for (const edit of diffSequences(words(before), words(after), (x, y) => x === y)) {
    if (run?.op !== edit.op) flush();
    run ??= { op: edit.op, a: '', b: '' };
    if (edit.op !== 'insert') run.a += edit.a;
    if (edit.op !== 'delete') run.b += edit.b;
  }
  flush();
  return { before: html`${a}`, after: html`${b}` };
}

export function compareParagraphs(before: readonly string[], after: readonly string[]): ComparedRow[] {
  const rows: ComparedRow[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const a = removed[i];
      const b = added[i];
      if (a !== undefined && b !== undefined) rows.push(markWords(a, b));
      else if (a !== undefined) rows.push({ before: html`<del>${a}</del>`, after: html`` });
      else if (b !== undefined) rows.push({ before: html``, after: html`<ins>${b}</ins>` });
    }
    removed.length = 0;
    added.length = 0;
  };
  for (const edit of diffSequences(before, after, (x, y) => x === y)) {
    if (edit.op === 'equal') {
      flush();
      const last = rows.at(-1);
      if (last && 'unchanged' in last) last.unchanged += 1;
      else rows.push({ unchanged: 1 });
    } else if (edit.op === 'delete') removed.push(edit.a);
    else added.push(edit.b);
  }
  flush();
  return rows;
}
