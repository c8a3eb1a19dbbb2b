import { describe, it, expect } from 'vitest';
import type { Block, LetterDocument } from '../../../src/letter/tree.js';
import { loadFonts } from '../../../src/writers/pdf/fonts.js';
import { layoutLetter, type Layout } from '../../../src/writers/pdf/layout.js';
import { isElement, type StructNode } from '../../../src/writers/pdf/structure.js';
import { margin, page, textWidth } from '../../../src/writers/pdf/styles.js';
import { longLetter, sampleLetter } from '../../support/sample-letter.js';

const fonts = loadFonts();
const filler =
  'Leaders have checked the quality of teaching in every class this term, and their records show where support is needed. ';

/** The sample letter with `sentences` sentences of filler before the first H2, moving every later block down. */
function shifted(sentences: number, base: LetterDocument = sampleLetter()): LetterDocument {
  const at = base.blocks.findIndex((block) => block.type === 'heading' && block.depth === 2);
  const extra: Block = {
    type: 'paragraph',
    role: 'body',
    children: [{ type: 'text', value: filler.repeat(sentences).trim() }],
  };
  return { ...base, blocks: [...base.blocks.slice(0, at), extra, ...base.blocks.slice(at)] };
}

const variants = Array.from({ length: 36 }, (_, k) => shifted(k)).concat(
  Array.from({ length: 12 }, (_, k) => shifted(k * 2, longLetter())),
);

/** Pieces of each element across pages, with line counts. */
function piecesByElement(layout: Layout): Map<StructNode, { page: number; lines: number }[]> {
  const map = new Map<StructNode, { page: number; lines: number }[]>();
  layout.pages.forEach((p, pageIndex) => {
    for (const piece of p.pieces) {
      const list = map.get(piece.element) ?? [];
      list.push({ page: pageIndex, lines: piece.lines.length });
      map.set(piece.element, list);
    }
  });
  return map;
}

describe('layout', () => {
  it('keeps every heading with what follows it, wherever the page breaks fall', () => {
    let breaksBeforeHeadings = 0;
    for (const doc of variants) {
      const layout = layoutLetter(doc, fonts);
      layout.pages.forEach((p, index) => {
        const last = p.pieces[p.pieces.length - 1];
        expect(last?.element.role, `page ${index + 1}`).not.toMatch(/^H\d$/);
        if (index > 0 && /^H\d$/.test(p.pieces[0]?.element.role ?? '')) breaksBeforeHeadings++;
      });
    }
    // The variants do push headings to page tops, so the rule was exercised.
    expect(breaksBeforeHeadings).toBeGreaterThan(0);
  });

  it('leaves no single first or last line of a split paragraph alone on a page', () => {
    let splits = 0;
    for (const doc of variants) {
      for (const parts of piecesByElement(layoutLetter(doc, fonts)).values()) {
        if (parts.length < 2) continue;
        splits++;
        const total = parts.reduce((sum, part) => sum + part.lines, 0);
        if (total >= 4) {
          expect(parts[0]!.lines).toBeGreaterThanOrEqual(2);
          expect(parts[parts.length - 1]!.lines).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(splits).toBeGreaterThan(0);
  });

  it('a paragraph split across pages is one element with marked content on each page', () => {
    const layout = layoutLetter(longLetter(), fonts);
    const split = [...piecesByElement(layout).entries()].find(([, parts]) => parts.length > 1);
    expect(split).toBeDefined();
    expect(new Set(split![1].map((part) => part.page)).size).toBe(split![1].length);
  });

  it('wraps every line within the text width and keeps text inside the margins', () => {
    for (const doc of [sampleLetter(), longLetter()]) {
      for (const p of layoutLetter(doc, fonts).pages) {
        for (const piece of p.pieces) {
          for (const { x, y, line } of piece.lines) {
            expect(x).toBeGreaterThanOrEqual(margin.left - 0.01);
            expect(x + line.width).toBeLessThanOrEqual(margin.left + textWidth + 0.01);
            expect(y).toBeGreaterThanOrEqual(margin.bottom);
            expect(y).toBeLessThanOrEqual(page.height - margin.top);
          }
        }
      }
    }
  });

  it('sets the letterhead to the right margin and the address lines unspaced', () => {
    const [first] = layoutLetter(sampleLetter(), fonts).pages;
    const letterhead = first!.pieces[0]!;
    for (const { x, line } of letterhead.lines) expect(x + line.width).toBeCloseTo(page.width - margin.right, 1);
    const address = first!.pieces.find((piece) => piece.lines.length >= 5 && piece.lines[0]!.x === margin.left)!;
    const steps = address.lines.slice(1).map((l, i) => address.lines[i]!.y - l.y);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 5);
  });

  it('builds the structure tree in reading order: Document > P…, L > LI > Lbl, LBody', () => {
    const layout = layoutLetter(sampleLetter(), fonts);
    const roles = layout.document.kids.filter(isElement).map((kid) => kid.role);
    expect(roles.slice(0, 6)).toEqual(['P', 'P', 'P', 'P', 'P', 'H1']);
    const list = layout.document.kids.filter(isElement).find((kid) => kid.role === 'L')!;
    expect(list.listNumbering).toBe('Disc');
    const item = list.kids[0] as StructNode;
    expect(item.kids.filter(isElement).map((kid) => kid.role)).toEqual(['Lbl', 'LBody']);
  });
});
