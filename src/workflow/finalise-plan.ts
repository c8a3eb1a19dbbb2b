/**
 * Finalising a letter at the ISP (para 17: the final version within 10
 * working days of the visit): the version stamp, the comparison with the
 * HMI's draft (a redline DOCX of real tracked changes and a summary of the
 * changed sections), and the lateness warning. Pure apart from rendering
 * the formats' bytes; the CLI reads the files and writes the results.
 */
import type { LetterDocument, Block, BlockRole } from '../letter/tree.js';
import { blockText } from '../letter/tree.js';
import { outputFileName, renderFormat, type ComposedLetter, type OutputFormat } from './pipeline.js';
import type { Deadline } from '../rules/types.js';
import { workingDaysBetween, type Holidays } from '../rules/working-days.js';
import { diffSequences } from '../ground/sequence-diff.js';
import {
  compareSections,
  renderRedlineDocx,
  type SectionChange,
  type SectionComparison,
} from '../writers/docx/index.js';
import type { HistoryEvent } from '../ground/history.js';

export { nextVersion } from '../ground/history.js';
import type { DraftKind } from './draft-source.js';
import { draftBodyInFinalFrame } from './draft-letter-body.js';

/** Who finalised the letter, when, and which version it is. */
export interface FinalStamp {
  version: number;
  by: string;
  /** ISO date. */
  on: string;
}

/** The latest 'finalised' event of a letter's history, if any. */
export function lastFinalisation(events: readonly HistoryEvent[]): HistoryEvent | undefined {
  return events.filter((event) => event.stage === 'finalised').at(-1);
}

/** The final letter with its version stamp in its properties (never in the printed text). */
export function stampFinal(document: LetterDocument, stamp: FinalStamp): LetterDocument {
  return {
    ...document,
    meta: { ...document.meta, status: 'final', version: stamp.version, finalisedBy: stamp.by, finalisedOn: stamp.on },
  };
}

/** How late a finalisation is against its deadline. */
export interface Lateness {
  /** The 'final-letter' deadline (ISO date). */
  due: string;
  /** Working days in England after the deadline up to the day of finalising (0 when only weekend or holiday days passed). */
  workingDaysLate: number;
}

// para 17: the ISP's final version is due within 10 working days of the end of the visit.
export function finalLetterLateness(
  deadlines: readonly Deadline[],
  finalisedOn: string,
  holidays: Holidays,
): Lateness | undefined {
  const due = deadlines.find((deadline) => deadline.id === 'final-letter');
  if (!due || finalisedOn <= due.date) return undefined;
  return { due: due.date, workingDaysLate: workingDaysBetween(due.date, finalisedOn, holidays) };
}

/** A block's words, spacing and line breaks aside: how a block read back from a file is recognised. */
const textKey = (block: Block): string => blockText(block).replace(/\s+/g, ' ').trim();
const looseKey = (block: Block): string => textKey(block).toLowerCase();
const sameBlock = (a: Block, b: Block): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Where the same letter differs between its draft and final renderings: what the draft shows instead of what. */
interface StatusStretch {
  /** Keys of the draft rendering's blocks that the final one replaces or drops (e.g. the "Draft" marking). */
  removed: string[];
  /** The final rendering's blocks in their place. */
  inserted: Block[];
  /** The key of the block before the stretch (undefined at the start of the letter). */
  anchor: string | undefined;
}

function statusStretches(draftRendition: LetterDocument, final: LetterDocument): StatusStretch[] {
  const stretches: StatusStretch[] = [];
  let current: StatusStretch | undefined;
  let anchor: string | undefined;
  for (const edit of diffSequences(draftRendition.blocks, final.blocks, sameBlock)) {
    if (edit.op === 'equal') {
      if (current) stretches.push(current);
      current = undefined;
      anchor = looseKey(edit.b);
      continue;
    }
    current ??= { removed: [], inserted: [], anchor };
    if (edit.op === 'delete') current.removed.push(looseKey(edit.a));
    else current.inserted.push(edit.b);
  }
  if (current) stretches.push(current);
  return stretches;
}

/**
 * The HMI's draft with what differs only because it is a draft (the "Draft"
 * marking, or any block a template words differently for a draft) put as
 * the final letter has it, so the comparison shows the ISP's edits alone.
 * `draftRendition` is the final form rendered as a draft.
 */
export function withoutDraftMarks(
  draft: LetterDocument,
  draftRendition: LetterDocument,
  final: LetterDocument,
): LetterDocument {
  const replaced = new Map<number, Block[]>();
  const insertedAfter = new Map<number, Block[]>();
  const used = new Set<number>();
  const find = (key: string): number => {
    const index = draft.blocks.findIndex((block, i) => !used.has(i) && looseKey(block) === key);
    if (index >= 0) used.add(index);
    return index;
  };
  for (const stretch of statusStretches(draftRendition, final)) {
    if (stretch.removed.length > 0) {
      const found = stretch.removed.map(find);
      const paired = stretch.removed.length === stretch.inserted.length;
      found.forEach((index, n) => {
        if (index < 0) return;
        const firstFound = found.findIndex((i) => i >= 0) === n;
        replaced.set(index, paired ? [stretch.inserted[n]!] : firstFound ? stretch.inserted : []);
      });
    } else {
      const present = new Set(draft.blocks.map(looseKey));
      if (stretch.inserted.every((block) => present.has(looseKey(block)))) continue;
      const at = stretch.anchor === undefined ? -1 : draft.blocks.findIndex((b) => looseKey(b) === stretch.anchor);
      if (stretch.anchor !== undefined && at < 0) continue;
      insertedAfter.set(at, [...(insertedAfter.get(at) ?? []), ...stretch.inserted]);
    }
  }
  const blocks: Block[] = [...(insertedAfter.get(-1) ?? [])];
  draft.blocks.forEach((block, index) => {
    blocks.push(...(replaced.get(index) ?? [block]));
    blocks.push(...(insertedAfter.get(index) ?? []));
  });
  return { ...draft, blocks };
}

/**
 * A draft read back from a letter file knows its words but not always each
 * block's part of the letter or its formatting: a block whose words are the
 * final letter's, word for word, is taken as the final has it.
 */
export function adoptFinalShapes(draft: LetterDocument, final: LetterDocument): LetterDocument {
  const byText = new Map<string, Block>();
  for (const block of final.blocks) if (!byText.has(textKey(block))) byText.set(textKey(block), block);
  return { ...draft, blocks: draft.blocks.map((block) => byText.get(textKey(block)) ?? block) };
}

/** The HMI's draft as it is compared: draft-only marks removed, and for a letter file, shapes taken from the final. */
export function comparableDraft(
  draft: LetterDocument,
  kind: DraftKind,
  draftRendition: LetterDocument,
  final: LetterDocument,
): LetterDocument {
  const unmarked = withoutDraftMarks(draft, draftRendition, final);
  if (kind === 'form') return { ...unmarked, meta: draft.meta };
  return { ...adoptFinalShapes(draftBodyInFinalFrame(unmarked, final), final), meta: draft.meta };
}

/** One line per changed section ("Main findings: changed"), or a line saying nothing changed. */
export function formatChanges(changes: readonly SectionChange[]): string {
  if (changes.length === 0) return 'No sections changed: the final letter has the words of the HMI’s draft.\n';
  return changes.map((change) => `${change.section}: ${change.change}\n`).join('');
}

/** `<URN>-<visit date>-<suffix>`: the redline and changes files' names. */
export const companionFileName = (document: LetterDocument, suffix: 'redline.docx' | 'changes.txt'): string =>
  `${document.meta.urn}-${document.meta.visitDate}-${suffix}`;

export interface FinaliseInput {
  /** The ISP's final form, composed as final (its document present). */
  letter: ComposedLetter & { document: LetterDocument };
  /** The same form rendered as a draft: shows what only a draft's status changes. */
  draftRendition: LetterDocument;
  /** The HMI's draft as read, and what it was given as. */
  draft: LetterDocument;
  draftKind: DraftKind;
  stamp: FinalStamp;
  formats: readonly OutputFormat[];
  holidays: Holidays;
}

/** One file to write: its name in the output folder and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
  /** The final letter's formats, as against the redline and the changes summary. */
  kind: 'final' | 'redline' | 'changes';
}

export interface FinalisePlan {
  final: LetterDocument;
  /** The draft as compared (draft-only marks removed). */
  before: LetterDocument;
  changes: SectionChange[];
  /** The same comparison with each changed section's words in the draft and in the final letter. */
  comparison: SectionComparison[];
  changesText: string;
  lateness?: Lateness;
  files: OutputFile[];
}

/** The parts a template adds around the body, named as the changes summary names them. */
const templateParts: readonly [BlockRole, string][] = [
  ['letterhead', 'Letterhead'],
  ['date', 'Letter date'],
  ['address', 'Address'],
  ['reference', 'Reference'],
  ['salutation', 'Salutation'],
  ['signoff', 'Sign-off'],
];

/**
 * What changed between the HMI's draft and the final letter: each part the
 * template adds (the letter's date, the address…) that reads differently,
 * then the body's sections by heading. The body alone is cut into sections,
 * so a changed date is "Letter date: changed", never the first section's.
 */
export function letterChanges(before: LetterDocument, after: LetterDocument): SectionComparison[] {
  const partText = (document: LetterDocument, role: BlockRole): string[] =>
    document.blocks.filter((block) => block.role === role).map((block) => blockText(block).replace(/\s+/g, ' ').trim());
  const parts = templateParts.flatMap(([role, section]): SectionComparison[] => {
    const was = partText(before, role);
    const is = partText(after, role);
    return was.join('\n') === is.join('\n') ? [] : [{ section, change: 'changed', before: was, after: is }];
  });
  const body = (document: LetterDocument): LetterDocument => ({
    ...document,
    blocks: document.blocks.filter((block) => block.role === 'body'),
  });
  return [...parts, ...compareSections(body(before), body(after))];
}

/** Stamps the final letter, compares it with the HMI's draft and renders every file to write. */
export async function planFinalise(input: FinaliseInput): Promise<FinalisePlan> {
  const final = stampFinal(input.letter.document, input.stamp);
  const before = comparableDraft(input.draft, input.draftKind, input.draftRendition, final);
  const comparison = letterChanges(before, final);
  const changes = comparison.map(({ section, change }) => ({ section, change }));
  const { stamp } = input;
  const changesText =
    `Changes to the HMI’s draft in the final letter, version ${stamp.version}, finalised by ${stamp.by} on ${stamp.on}\n` +
    `${final.meta.title} (URN ${final.meta.urn}, visit ${final.meta.visitDate})\n\n` +
    formatChanges(changes);
  const complete = { ...input.letter, document: final };
  const files: OutputFile[] = [];
  for (const format of input.formats) {
    files.push({ name: outputFileName(final, format), content: await renderFormat(format, complete), kind: 'final' });
  }
  files.push({
    name: companionFileName(final, 'redline.docx'),
    content: renderRedlineDocx(before, final, { author: stamp.by, date: stamp.on }),
    kind: 'redline',
  });
  files.push({ name: companionFileName(final, 'changes.txt'), content: changesText, kind: 'changes' });
  const lateness = finalLetterLateness(input.letter.deadlines, stamp.on, input.holidays);
  return { final, before, changes, comparison, changesText, files, ...(lateness ? { lateness } : {}) };
}
