import { describe, it, expect } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { renderPdf, MissingGlyphError } from '../../../src/writers/pdf/index.js';
import { pageMarkings } from '../../../src/writers/markings.js';
import type { Block, LetterDocument } from '../../../src/letter/tree.js';
import { expectedWords, longLetter, sampleLetter } from '../../support/sample-letter.js';
import { readPdf, words, type StructLeaf } from './read-pdf.js';

const names = ['Łukasz', 'Siân', 'Zoë', 'Ó', 'Súilleabháin', '€2,500', '“no-nonsense”', '—', 'Wiśniewska'];

function structWords(leaves: readonly StructLeaf[]): string[] {
  return leaves.flatMap((leaf) => words(leaf.text));
}

/** The content-bearing roles a reader should meet, in order, derived from the tree itself. */
function expectedRoles(blocks: readonly Block[], prefix = ''): string[] {
  const roles: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') roles.push(`${prefix}H${block.depth}`);
    else if (block.type === 'paragraph') roles.push(`${prefix}P`);
    else {
      for (const item of block.items) {
        roles.push(`${prefix}L/LI/Lbl`);
        const single = item.children.length === 1 && item.children[0]?.type === 'paragraph';
        if (single) roles.push(`${prefix}L/LI/LBody`);
        else roles.push(...expectedRoles(item.children, `${prefix}L/LI/LBody/`));
      }
    }
  }
  return roles;
}

/** Leaves in reading order, with a block split across pages counted once. */
function mergeSplit(leaves: readonly StructLeaf[]): StructLeaf[] {
  const out: StructLeaf[] = [];
  for (const leaf of leaves) {
    const last = out[out.length - 1];
    // A split element reappears first on the next page with the same role.
    if (
      last &&
      leaf.page === last.page + 1 &&
      leaf === leaves.find((l) => l.page === leaf.page) &&
      last.path === leaf.path &&
      last.page === leaf.page - 1 &&
      isLastOnPage(leaves, last) &&
      splitAcross(last)
    ) {
      out[out.length - 1] = { ...last, text: `${last.text}${leaf.text}` };
    } else out.push(leaf);
  }
  return out;
}

function isLastOnPage(leaves: readonly StructLeaf[], leaf: StructLeaf): boolean {
  return leaves.filter((l) => l.page === leaf.page).at(-1) === leaf;
}

/** A leaf whose text does not end a sentence was cut by the page break. */
function splitAcross(leaf: StructLeaf): boolean {
  return !/[.:!?”)]\s*$/.test(leaf.text);
}

describe('renderPdf read back with pdf.js', () => {
  it('is tagged, titled and in en-GB', async () => {
    const doc = sampleLetter();
    const reading = await readPdf(renderPdf(doc));
    expect(reading.markInfo?.Marked).toBe(true);
    expect(reading.info['Language']).toBe('en-GB');
    expect(reading.info['Title']).toBe(doc.meta.title);
    expect(reading.info['Author']).toBe(doc.meta.author);
    expect(reading.metadata.get('dc:title')).toBe(doc.meta.title);
    expect(reading.metadata.get('dc:language')).toBe('en-GB');
    expect(reading.xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('records the tool version and template hash in Info and XMP', async () => {
    const doc = sampleLetter({ generator: 'monitoring-letter 9.8.7', templateHash: 'ab'.repeat(32) });
    const reading = await readPdf(renderPdf(doc));
    expect(reading.info['Creator']).toBe('monitoring-letter 9.8.7');
    expect((reading.info['Custom'] as Record<string, string>)['TemplateHash']).toBe('ab'.repeat(32));
    expect(reading.xmp).toContain(`<ml:templateHash>${'ab'.repeat(32)}</ml:templateHash>`);
    expect(reading.xmp).toContain('<xmp:CreatorTool>monitoring-letter 9.8.7</xmp:CreatorTool>');
  });

  for (const [name, make] of [
    ['two-page letter', sampleLetter],
    ['long letter', longLetter],
  ] as const) {
    it(`${name}: the structure's text is the tree's words, names and typography intact`, async () => {
      const doc = make();
      const reading = await readPdf(renderPdf(doc));
      expect(reading.untagged).toEqual([]);
      expect(reading.orphanIds).toEqual([]);
      const found = structWords(reading.leaves);
      expect(found).toEqual(expectedWords(doc));
      for (const word of names.slice(0, 5)) expect(found.join(' ')).toContain(word);
    });

    it(`${name}: structure roles in reading order (H1/H2/P/L > LI > Lbl, LBody)`, async () => {
      const doc = make();
      const reading = await readPdf(renderPdf(doc));
      expect(mergeSplit(reading.leaves).map((leaf) => leaf.path)).toEqual(expectedRoles(doc.blocks));
    });

    it(`${name}: footer reads "Page X of Y" on every page, as an artifact`, async () => {
      const reading = await readPdf(renderPdf(make()));
      reading.artifacts.forEach((artifacts, index) => {
        expect(artifacts.join(' ')).toContain(`Page ${index + 1} of ${reading.pageCount}`);
      });
      expect(structWords(reading.leaves)).not.toContain('Page');
    });

    it(`${name}: no page ends with a heading`, async () => {
      const reading = await readPdf(renderPdf(make()));
      for (const role of reading.lastRolePerPage) expect(role).not.toMatch(/^H\d$/);
    });
  }

  it('the long letter runs to three pages or more, and splits a paragraph across pages as one element', async () => {
    const doc = longLetter();
    const reading = await readPdf(renderPdf(doc));
    expect(reading.pageCount).toBeGreaterThanOrEqual(3);
    expect(reading.artifacts[0]?.join(' ')).toContain(`Page 1 of ${reading.pageCount}`);
    const merged = mergeSplit(reading.leaves);
    expect(merged.length).toBeLessThan(reading.leaves.length);
  });

  it('numbering restarts for each ordered list', async () => {
    const reading = await readPdf(renderPdf(longLetter()));
    const labels = reading.leaves.filter((leaf) => leaf.path.endsWith('Lbl')).map((leaf) => leaf.text.trim());
    expect(labels.filter((label) => label !== '•')).toEqual(['1.', '2.', '3.', '4.', '1.', '2.']);
  });

  it('a draft is marked as the DOCX is: a "DRAFT" page header on every page (an artifact), no watermark', async () => {
    const doc = sampleLetter({ status: 'draft' });
    const bytes = renderPdf(doc);
    const draft = await readPdf(bytes);
    const final = await readPdf(renderPdf(sampleLetter({ status: 'final' })));
    expect(draft.artifacts.length).toBeGreaterThan(0);
    for (const artifacts of draft.artifacts) expect(artifacts).toContain(pageMarkings(doc.meta).join(' \u00b7 '));
    expect(structWords(draft.leaves)).not.toContain('DRAFT');
    for (const artifacts of final.artifacts) expect(artifacts).not.toContain('DRAFT');
    // No watermark: nothing is drawn rotated (the watermark was set on a 45-degree text matrix).
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Watermark');
  });

  it('a section 117 draft carries both markings in the page header, as the DOCX header does', async () => {
    const doc = sampleLetter({ status: 'draft', published: false });
    const reading = await readPdf(renderPdf(doc));
    expect(pageMarkings(doc.meta)).toEqual(['DRAFT', 'Not for publication']);
    for (const artifacts of reading.artifacts) expect(artifacts).toContain('DRAFT \u00b7 Not for publication');
  });

  it('para 26: a section 117 letter is marked "Not for publication" in real, tagged text', async () => {
    const s117 = await readPdf(renderPdf(sampleLetter({ published: false })));
    expect(s117.leaves[0]).toMatchObject({ path: 'P', text: expect.stringContaining('Not for publication') });
    const published = await readPdf(renderPdf(sampleLetter()));
    expect(structWords(published.leaves).join(' ')).not.toContain('Not for publication');
  });

  it('keeps a template’s own marking block instead of adding one', async () => {
    const doc = sampleLetter({ published: false });
    const marking: Block = {
      type: 'paragraph',
      role: 'marking',
      children: [{ type: 'text', value: 'NOT FOR PUBLICATION – section 117' }],
    };
    const reading = await readPdf(renderPdf({ ...doc, blocks: [marking, ...doc.blocks] }));
    const text = structWords(reading.leaves).join(' ');
    expect(text).toContain('NOT FOR PUBLICATION – section 117');
    expect(text).not.toContain('Not for publication');
  });

  it('normalises input to NFC: a decomposed ë reads back as ë', async () => {
    const doc = sampleLetter();
    const decomposed: Block = {
      type: 'paragraph',
      role: 'body',
      children: [{ type: 'text', value: 'Zoe\u0308 Nowak' }],
    };
    const reading = await readPdf(renderPdf({ ...doc, blocks: [...doc.blocks, decomposed] }));
    expect(structWords(reading.leaves)).toContain('Zoë');
  });

  it('a character outside the font subset is an error naming it and where it is, never a silent gap', () => {
    const doc = sampleLetter();
    const chinese: LetterDocument = {
      ...doc,
      blocks: [
        ...doc.blocks,
        { type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'The chair, Mr 王 Wei, attended.' }] },
      ],
    };
    expect(() => renderPdf(chinese)).toThrow(MissingGlyphError);
    expect(() => renderPdf(chinese)).toThrow(/"王" \(U\+738B, a CJK script/);
    expect(() => renderPdf(chinese)).toThrow(
      /in "The chair, Mr 王 Wei, attended\." \(a paragraph in the body of the letter\)/,
    );
  });

  it('is deterministic and opens in pdf-lib', async () => {
    const first = renderPdf(sampleLetter());
    expect(Buffer.from(renderPdf(sampleLetter())).equals(Buffer.from(first))).toBe(true);
    const loaded = await PDFDocument.load(first);
    expect(loaded.getPageCount()).toBeGreaterThanOrEqual(2);
    const [width, height] = [loaded.getPage(0).getWidth(), loaded.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });
});
