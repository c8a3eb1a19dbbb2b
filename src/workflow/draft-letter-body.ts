/**
 * An HMI draft read back from a letter file (Word's "save as text", a DOCX,
 * Markdown) as the finalise comparison needs it (issue 19): its body, set
 * between the final letter's own letterhead, address, salutation and
 * sign-off. A letter file loses the template's layout (an address's line
 * breaks become paragraphs or run together, a list's items become plain
 * paragraphs), so comparing those parts shows edits nobody made. What the
 * template adds is taken as the final letter has it; the body is compared
 * section by section; the letter's date is kept as the draft gives it, so a
 * changed date shows in the redline.
 */
import type { Block, LetterDocument } from '../letter/tree.js';
import { blockText } from '../letter/tree.js';

/** A block's words alone: spacing, line breaks and case aside, for finding them inside other text. */
const squeezed = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** A list item's text without the bullet or number a letter file writes before it. */
const itemKey = (text: string): string =>
  text
    .replace(/^\s*(?:[•·▪◦*\u2013-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();

const longDate =
  /^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

/** Where the final letter's body begins and ends (the template's parts are before and after). */
function bodyBounds(final: LetterDocument): { first: number; last: number } | undefined {
  const first = final.blocks.findIndex((block) => block.role === 'body');
  if (first < 0) return undefined;
  const last = final.blocks.length - 1 - [...final.blocks].reverse().findIndex((block) => block.role === 'body');
  return { first, last };
}

/**
 * Replaces runs of draft paragraphs that are, item by item, a list of the
 * final letter by that list: a letter file read as text gives a list's items
 * as paragraphs, with or without their bullets.
 */
export function regroupLists(draft: readonly Block[], final: LetterDocument): Block[] {
  const lists = final.blocks.filter((block): block is Extract<Block, { type: 'list' }> => block.type === 'list');
  const out: Block[] = [];
  let index = 0;
  outer: while (index < draft.length) {
    for (const list of lists) {
      const items = list.items.map((item) => itemKey(item.children.map(blockText).join(' ')));
      if (items.length === 0 || index + items.length > draft.length) continue;
      const run = draft.slice(index, index + items.length);
      if (run.every((block, n) => block.type !== 'list' && itemKey(blockText(block)) === items[n])) {
        out.push(list);
        index += items.length;
        continue outer;
      }
    }
    out.push(draft[index]!);
    index += 1;
  }
  return out;
}

/**
 * The draft's body between the final letter's template parts. The draft's
 * leading and trailing blocks whose words are all found in the final's
 * template parts (or that are a date, or the "Draft" marking) are the
 * draft's own template parts and are set aside; the final's take their
 * place, its date block showing the draft's date when the draft had one.
 */
export function draftBodyInFinalFrame(draft: LetterDocument, final: LetterDocument): LetterDocument {
  const bounds = bodyBounds(final);
  if (!bounds) return draft;
  const head = final.blocks.slice(0, bounds.first);
  const tail = final.blocks.slice(bounds.last + 1);
  const headWords = squeezed(head.map(blockText).join(''));
  const tailWords = squeezed(tail.map(blockText).join(''));
  const isPartOf = (words: string) => (block: Block) => {
    const text = blockText(block).trim();
    const own = squeezed(text);
    return own === '' || /^draft$/i.test(text) || longDate.test(text) || words.includes(own);
  };

  let start = 0;
  let draftDate: string | undefined;
  while (start < draft.blocks.length && isPartOf(headWords)(draft.blocks[start]!)) {
    const text = blockText(draft.blocks[start]!).trim();
    if (longDate.test(text)) draftDate = text;
    start += 1;
  }
  let end = draft.blocks.length;
  while (end > start && isPartOf(tailWords)(draft.blocks[end - 1]!)) end -= 1;
  if (start === 0 && end === draft.blocks.length) return { ...draft, blocks: regroupLists(draft.blocks, final) };

  const frameHead = head.map((block): Block =>
    block.role === 'date' && block.type !== 'list' && draftDate !== undefined
      ? { ...block, children: [{ type: 'text', value: draftDate }] }
      : block,
  );
  return { ...draft, blocks: [...frameHead, ...regroupLists(draft.blocks.slice(start, end), final), ...tail] };
}
