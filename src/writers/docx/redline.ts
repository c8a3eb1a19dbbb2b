/**
 * Redline DOCX (issue 6): what the ISP changed against the HMI's draft, as
 * real Word tracked changes. Paragraphs are matched first; a changed
 * paragraph is diffed word by word (w:ins / w:del runs); a paragraph added
 * or removed whole also has its paragraph mark marked inserted or deleted,
 * so "accept all" gives exactly the after letter and "reject all" the before.
 */
import type { Block, LetterDocument } from '../../letter/tree.js';
import { diffSequences, similarity, type Edit } from '../../ground/sequence-diff.js';
import { firstListNumId, type ListDefinition } from './numbering.js';
import { packDocx } from './package.js';
import {
  flattenBlocks,
  paragraphProperties,
  paragraphXml,
  runXml,
  type ParagraphUnit,
  type Piece,
} from './paragraphs.js';
import { escapeXml } from './xml.js';

export interface RedlineOptions {
  /** Who made the changes (the ISP's editor), shown by Word on each change. */
  author: string;
  /** When: an ISO date or date-time. */
  date: string;
}

/** Paragraphs this alike (by words) are shown as one changed paragraph rather than removed and added. */
const pairThreshold = 0.4;

type Step =
  | { kind: 'same'; after: ParagraphUnit }
  | { kind: 'deleted'; before: ParagraphUnit }
  | { kind: 'inserted'; after: ParagraphUnit }
  | { kind: 'changed'; before: ParagraphUnit; after: ParagraphUnit };

const pieceEqual = (x: Piece, y: Piece): boolean =>
  x.kind === y.kind && x.text === y.text && x.bold === y.bold && x.italic === y.italic;

/** Words match on their letters and formatting; the space after a word is compared separately (see changedRuns). */
const wordEqual = (x: Piece, y: Piece): boolean =>
  x.kind === y.kind && x.text.trimEnd() === y.text.trimEnd() && x.bold === y.bold && x.italic === y.italic;

const placeKey = (unit: ParagraphUnit): string => `${unit.style}|${unit.list ? `${unit.list.level}` : '-'}`;

function unitEqual(x: ParagraphUnit, y: ParagraphUnit): boolean {
  return (
    placeKey(x) === placeKey(y) &&
    x.pieces.length === y.pieces.length &&
    x.pieces.every((piece, index) => pieceEqual(piece, y.pieces[index]!))
  );
}

/** Words with their trailing space, punctuation marks, line breaks: the units of a word-level diff. */
function tokens(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      out.push(piece);
      continue;
    }
    for (const match of piece.text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\s*|[^\s\p{L}\p{N}]\s*|\s+/gu)) {
      out.push({ ...piece, text: match[0] });
    }
  }
  return out;
}

/** Pairs the removed and added paragraphs of one changed stretch, in order, where they are alike enough. */
function alignStretch(deleted: ParagraphUnit[], inserted: ParagraphUnit[]): Step[] {
  const n = deleted.length;
  const m = inserted.length;
  const score = (i: number, j: number): number => {
    const a = deleted[i]!;
    const b = inserted[j]!;
    if (placeKey(a) !== placeKey(b)) return 0;
    const s = similarity(tokens(a.pieces), tokens(b.pieces), wordEqual);
    return s >= pairThreshold ? s : 0;
  };
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const scores: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => score(i, j)));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = scores[i]![j]! > 0 ? scores[i]![j]! + best[i + 1]![j + 1]! : 0;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const steps: Step[] = [];
  let pendingDeleted: Step[] = [];
  let pendingInserted: Step[] = [];
  const flush = (): void => {
    steps.push(...pendingDeleted, ...pendingInserted);
    pendingDeleted = [];
    pendingInserted = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const pairScore = i < n && j < m ? scores[i]![j]! : 0;
    if (pairScore > 0 && best[i]![j] === pairScore + best[i + 1]![j + 1]!) {
      flush();
      steps.push({ kind: 'changed', before: deleted[i++]!, after: inserted[j++]! });
    } else if (j >= m || (i < n && best[i + 1]![j]! >= best[i]![j + 1]!)) {
      pendingDeleted.push({ kind: 'deleted', before: deleted[i++]! });
    } else {
      pendingInserted.push({ kind: 'inserted', after: inserted[j++]! });
    }
  }
  flush();
  return steps;
}

/** The paragraph-level plan: paragraphs kept, removed, added, or changed in place. */
function plan(before: ParagraphUnit[], after: ParagraphUnit[]): Step[] {
  const edits = diffSequences(before, after, unitEqual);
  const steps: Step[] = [];
  let deleted: ParagraphUnit[] = [];
  let inserted: ParagraphUnit[] = [];
  const flush = (): void => {
    steps.push(...alignStretch(deleted, inserted));
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.op === 'equal') {
      flush();
      steps.push({ kind: 'same', after: edit.b });
    } else if (edit.op === 'delete') deleted.push(edit.a);
    else inserted.push(edit.b);
  }
  flush();
  return steps;
}

/** ISO date → the date-time Word expects in w:date. */
function revisionDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

/** Renders a DOCX of the after letter with every difference from the before letter as a tracked change. */
export function renderRedlineDocx(before: LetterDocument, after: LetterDocument, options: RedlineOptions): Buffer {
  const flatBefore = flattenBlocks(before.blocks);
  const flatAfter = flattenBlocks(after.blocks);
  const steps = plan(flatBefore.units, flatAfter.units);

  // A list that survives (some item kept or changed) keeps one numbering; removed items join it.
  const listMap = new Map<number, number>();
  for (const step of steps) {
    if (step.kind === 'changed' && step.before.list && step.after.list && !listMap.has(step.before.list.list)) {
      listMap.set(step.before.list.list, step.after.list.list);
    }
  }
  const sameBefore = diffSequences(flatBefore.units, flatAfter.units, unitEqual);
  for (const edit of sameBefore) {
    if (edit.op === 'equal' && edit.a.list && edit.b.list && !listMap.has(edit.a.list.list)) {
      listMap.set(edit.a.list.list, edit.b.list.list);
    }
  }
  const lists: ListDefinition[] = [...flatAfter.lists];
  const beforeNumIds = new Map<number, number>();
  flatBefore.lists.forEach((list, index) => {
    const mapped = listMap.get(index);
    if (mapped !== undefined) beforeNumIds.set(index, firstListNumId + mapped);
    else {
      beforeNumIds.set(index, firstListNumId + lists.length);
      lists.push(list);
    }
  });
  const afterNum = (list: number): number => firstListNumId + list;
  const beforeNum = (list: number): number => beforeNumIds.get(list)!;

  let nextId = 1;
  const attributes = `w:author="${escapeXml(options.author)}" w:date="${escapeXml(revisionDate(options.date))}"`;
  const mark = (tag: 'w:ins' | 'w:del'): string => `<${tag} w:id="${nextId++}" ${attributes}/>`;
  const wrap = (tag: 'w:ins' | 'w:del', runs: string): string =>
    runs ? `<${tag} w:id="${nextId++}" ${attributes}>${runs}</${tag}>` : '';
  const runs = (pieces: readonly Piece[], deleted = false): string => pieces.map((p) => runXml(p, deleted)).join('');

  let xml = '';
  steps.forEach((step, index) => {
    // The last paragraph mark of a document cannot be removed; its paragraph just empties.
    const last = index === steps.length - 1;
    if (step.kind === 'same') {
      xml += paragraphXml(paragraphProperties(step.after, afterNum), runs(step.after.pieces));
    } else if (step.kind === 'deleted') {
      const content = wrap('w:del', runs(step.before.pieces, true));
      xml += paragraphXml(paragraphProperties(step.before, beforeNum), content, last ? '' : mark('w:del'));
    } else if (step.kind === 'inserted') {
      const content = wrap('w:ins', runs(step.after.pieces));
      xml += paragraphXml(paragraphProperties(step.after, afterNum), content, last ? '' : mark('w:ins'));
    } else {
      xml += paragraphXml(paragraphProperties(step.after, afterNum), changedRuns(step.before, step.after, wrap));
    }
  });
  return packDocx({ meta: after.meta, paragraphs: xml, lists, trackRevisions: true });
}

/** Joins neighbouring tokens of the same formatting back into pieces. */
function coalesce(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (
      previous &&
      previous.kind === 'text' &&
      piece.kind === 'text' &&
      previous.bold === piece.bold &&
      previous.italic === piece.italic
    ) {
      out[out.length - 1] = { ...previous, text: previous.text + piece.text };
    } else out.push(piece);
  }
  return out;
}

/** A changed paragraph's runs: a word-level diff, deletions before insertions within each change. */
function changedRuns(
  before: ParagraphUnit,
  after: ParagraphUnit,
  wrap: (tag: 'w:ins' | 'w:del', runs: string) => string,
): string {
  // A word kept but followed by different space ("school " → "school.") keeps the word and changes only the space.
  const edits = diffSequences(tokens(before.pieces), tokens(after.pieces), wordEqual).flatMap((edit): Edit<Piece>[] => {
    if (edit.op !== 'equal' || edit.a.text === edit.b.text) return [edit];
    const core = edit.b.text.trimEnd();
    const spaceBefore = edit.a.text.slice(core.length);
    const spaceAfter = edit.b.text.slice(core.length);
    const piece = { ...edit.b, text: core };
    return [
      { op: 'equal', a: piece, b: piece },
      ...(spaceBefore ? [{ op: 'delete' as const, a: { ...edit.a, text: spaceBefore } }] : []),
      ...(spaceAfter ? [{ op: 'insert' as const, b: { ...edit.b, text: spaceAfter } }] : []),
    ];
  });
  let xml = '';
  let group: Piece[] = [];
  let op: Edit<Piece>['op'] | undefined;
  const flush = (): void => {
    const pieces = coalesce(group);
    if (op === 'equal') xml += pieces.map((p) => runXml(p)).join('');
    else if (op === 'delete') xml += wrap('w:del', pieces.map((p) => runXml(p, true)).join(''));
    else if (op === 'insert') xml += wrap('w:ins', pieces.map((p) => runXml(p)).join(''));
    group = [];
  };
  for (const edit of edits) {
    if (edit.op !== op) {
      flush();
      op = edit.op;
    }
    group.push(edit.op === 'insert' ? edit.b : edit.a);
  }
  flush();
  return xml;
}

/** One section's fate between two versions of a letter. */
export interface SectionChange {
  /** The section's heading ("Opening" for what comes before the first heading). */
  section: string;
  change: 'added' | 'removed' | 'changed';
}

interface Section {
  key: string;
  heading: string;
  text: string;
  /** Each paragraph's words, for showing the section to a person. */
  paragraphs: string[];
}

/** The letter cut at its headings; each section's text is its blocks' text. */
function sections(blocks: readonly Block[]): Section[] {
  const out: Section[] = [];
  const seen = new Map<string, number>();
  let current: Section = { key: '', heading: 'Opening', text: '', paragraphs: [] };
  for (const unit of flattenBlocks(blocks).units) {
    if (unit.style.startsWith('Heading')) {
      if (current.key || current.text) out.push(current);
      const heading = unit.pieces
        .map((p) => p.text)
        .join('')
        .trim();
      const occurrence = seen.get(heading) ?? 0;
      seen.set(heading, occurrence + 1);
      current = { key: `${heading}#${occurrence}`, heading, text: '', paragraphs: [] };
    } else {
      current.text += `${unit.style}|${JSON.stringify(unit.pieces)}\n`;
      current.paragraphs.push(unit.pieces.map((p) => p.text).join(''));
    }
  }
  if (current.key || current.text) out.push(current);
  return out;
}

/** A section that differs between two versions, with its paragraphs' words in each (empty where it is absent). */
export interface SectionComparison extends SectionChange {
  before: string[];
  after: string[];
}

/** The sections (by heading) added, removed or changed between two versions of a letter, in reading order, with their words. */
export function compareSections(before: LetterDocument, after: LetterDocument): SectionComparison[] {
  const edits = diffSequences(sections(before.blocks), sections(after.blocks), (x, y) => x.key === y.key);
  const changes: SectionComparison[] = [];
  for (const edit of edits) {
    if (edit.op === 'delete') {
      changes.push({ section: edit.a.heading, change: 'removed', before: edit.a.paragraphs, after: [] });
    } else if (edit.op === 'insert') {
      changes.push({ section: edit.b.heading, change: 'added', before: [], after: edit.b.paragraphs });
    } else if (edit.a.text !== edit.b.text) {
      changes.push({ section: edit.b.heading, change: 'changed', before: edit.a.paragraphs, after: edit.b.paragraphs });
    }
  }
  return changes;
}

/** Which sections (by heading) were added, removed or changed between two versions of a letter, in reading order. */
export function summariseChanges(before: LetterDocument, after: LetterDocument): SectionChange[] {
  return compareSections(before, after).map(({ section, change }) => ({ section, change }));
}
