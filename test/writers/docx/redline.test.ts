import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import mammoth from 'mammoth';
import { blockText, type Block, type LetterDocument } from '../../../src/letter/tree.js';
import { renderDocx, renderRedlineDocx, summariseChanges } from '../../../src/writers/docx/index.js';
import { build, docxSampleLetter } from '../../support/sample-docx-letter.js';
import { needs } from '../../support/programs.js';
import { convertWithLibreOffice, lines, readParts, resolveRevisions } from './read-docx.js';

const options = { author: 'Gráinne Ní Bhriain (ISP editor)', date: '2014-11-19T10:30:00Z' };

const hmiDraft = docxSampleLetter({ status: 'draft' });

const startsWith = (prefix: string) => (block: Block) => blockText(block).startsWith(prefix);

/** The ISP's edits: a word changed, a paragraph removed, one added, a list item swapped, a heading renamed, a section added. */
function ispFinal(): LetterDocument {
  const blocks = [...hmiDraft.blocks];
  const replaceAt = (prefix: string, make: (block: Block) => Block[]): void => {
    const at = blocks.findIndex(startsWith(prefix));
    if (at < 0) throw new Error(`no block starts with ${prefix}`);
    blocks.splice(at, 1, ...make(blocks[at]!));
  };
  replaceAt('Teaching in Key Stage 1 is improving.', () => [
    build.body(
      'Teaching in Key Stage 1 is improving. In the lessons visited, teachers used questioning skilfully to find out what pupils understood, and adjusted their teaching accordingly. In a Year 2 lesson, for example, the most able readers were asked to explain why the author had chosen particular words — and did so with real insight. However, in some lessons the work set for the most able pupils is still too easy, and they complete it quickly without being moved on to harder tasks.',
    ),
  ]);
  replaceAt('Since the inspection, two teachers', () => []);
  replaceAt('I visited seven lessons', (block) => [
    block,
    build.body('I also spoke with a group of pupils from Years 5 and 6 about their reading.'),
  ]);
  replaceAt('ensure that teachers in Key Stage 1', (block) => {
    if (block.type !== 'list') throw new Error('expected the list of actions');
    const items = [...block.items];
    items.splice(1, 1, { children: [build.body('agree a timetable with governors for checking the marking policy')] });
    return [{ ...block, items }];
  });
  replaceAt('Plans and reviews', () => [build.heading(3, 'Plans and the reviews')]);
  replaceAt('I am copying this letter', (block) => [
    build.heading(2, 'Next steps'),
    build.body('Leaders will report to governors on these actions at their spring term meeting.'),
    block,
  ]);
  return { meta: { ...hmiDraft.meta, status: 'final', version: 1 }, blocks };
}

const final = ispFinal();
const redline = renderRedlineDocx(hmiDraft, final, options);

/** The paragraphs (style and text) of a plain DOCX of the letter. */
async function plainParagraphs(doc: LetterDocument) {
  return resolveRevisions((await readParts(renderDocx(doc)))['word/document.xml']!, 'none');
}

describe('renderRedlineDocx: tracked changes in the XML', () => {
  it('marks insertions and deletions with w:ins / w:del carrying author and date, each with its own id', async () => {
    const document = (await readParts(redline))['word/document.xml']!;
    const revisions = [...document.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)];
    expect(revisions.filter((r) => r[1] === 'ins').length).toBeGreaterThan(0);
    expect(revisions.filter((r) => r[1] === 'del').length).toBeGreaterThan(0);
    for (const revision of revisions) {
      expect(revision[2]).toContain('w:author="Gráinne Ní Bhriain (ISP editor)"');
      expect(revision[2]).toContain('w:date="2014-11-19T10:30:00Z"');
    }
    const ids = revisions.map((r) => /w:id="(\d+)"/.exec(r[2]!)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">well /);
    expect(document).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">skilfully /);
  });

  it('diffs a changed paragraph word by word rather than replacing it whole', async () => {
    const document = (await readParts(redline))['word/document.xml']!;
    const paragraph = [...document.matchAll(/<w:p>(.*?)<\/w:p>/gs)].find((m) => m[1]!.includes('skilfully'))![1]!;
    const deleted = [...paragraph.matchAll(/<w:delText[^>]*>([^<]*)</g)].map((m) => m[1]).join('');
    expect(deleted).toBe('well ');
    expect(paragraph).not.toMatch(/<w:rPr><w:(ins|del) /); // the paragraph mark itself is unchanged
  });

  it('keeps a word whose following space changed, and marks only the text around it', async () => {
    const before = { meta: hmiDraft.meta, blocks: [build.body('We will improve the school since the inspection.')] };
    const after = { meta: hmiDraft.meta, blocks: [build.body('We will improve the school.')] };
    const document = (await readParts(renderRedlineDocx(before, after, options)))['word/document.xml']!;
    const deleted = [...document.matchAll(/<w:delText[^>]*>([^<]*)</g)].map((m) => m[1]).join('|');
    expect(deleted).toBe(' since the inspection');
    expect(document).not.toMatch(/<w:ins /);
    expect(document).toMatch(/<w:t xml:space="preserve">We will improve the school<\/w:t>/);
  });

  it('marks the paragraph mark of a paragraph removed or added whole', async () => {
    const document = (await readParts(redline))['word/document.xml']!;
    const removed = [...document.matchAll(/<w:p>(.*?)<\/w:p>/gs)].find((m) =>
      m[1]!.includes('Since the inspection, two'),
    )![1]!;
    expect(removed).toMatch(/<w:pPr><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del /);
    const added = [...document.matchAll(/<w:p>(.*?)<\/w:p>/gs)].find((m) =>
      m[1]!.includes('group of pupils from Years 5'),
    )![1]!;
    expect(added).toMatch(/<w:pPr><w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:ins /);
  });

  it('turns on track changes so the HMI’s own edits are tracked too', async () => {
    expect((await readParts(redline))['word/settings.xml']).toContain('<w:trackRevisions/>');
  });
});

describe('renderRedlineDocx: accept all gives the final letter, reject all the draft', () => {
  it('accept all: every paragraph and style of the ISP’s final letter', async () => {
    const document = (await readParts(redline))['word/document.xml']!;
    expect(resolveRevisions(document, 'accept')).toEqual(await plainParagraphs(final));
  });

  it('reject all: every paragraph and style of the HMI’s draft', async () => {
    const document = (await readParts(redline))['word/document.xml']!;
    expect(resolveRevisions(document, 'reject')).toEqual(await plainParagraphs(hmiDraft));
  });

  it('mammoth (which shows insertions and skips deletions) reads the final text', async () => {
    const { value } = await mammoth.extractRawText({ buffer: redline });
    const { value: expected } = await mammoth.extractRawText({ buffer: renderDocx(final) });
    expect(lines(value)).toEqual(lines(expected));
  });

  it('holds for any sequence of paragraph and word edits (property)', async () => {
    const words = fc.constantFrom('pupils', 'governors', 'the', 'school', 'Zoë', '“good”', 'quickly', 'Łukasz', 'and');
    const paragraph = fc.array(words, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const blockArb = fc.oneof(
      paragraph.map((t): Block => build.body(t)),
      paragraph.map((t): Block => build.heading(2, t)),
      fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items): Block => build.list(true, items)),
    );
    const letterArb = fc.array(blockArb, { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(letterArb, letterArb, async (a, b) => {
        const before = { meta: hmiDraft.meta, blocks: a };
        const after = { meta: final.meta, blocks: b };
        const document = (await readParts(renderRedlineDocx(before, after, options)))['word/document.xml']!;
        // A trailing removed paragraph leaves an empty one behind (the last mark cannot go); empties are dropped on both sides.
        expect(resolveRevisions(document, 'accept')).toEqual(await plainParagraphs(after));
        expect(resolveRevisions(document, 'reject')).toEqual(await plainParagraphs(before));
      }),
      { numRuns: 60 },
    );
  });
});

describe('summariseChanges', () => {
  it('lists the sections (by heading) added, removed and changed, in reading order', () => {
    // The list of actions sits under the letter's title; the copy sentence moved from "Priorities…" to the new "Next steps".
    expect(summariseChanges(hmiDraft, final)).toEqual([
      { section: hmiDraft.meta.title, change: 'changed' },
      { section: 'Evidence', change: 'changed' },
      { section: 'Context', change: 'changed' },
      { section: 'Progress on each area for improvement', change: 'changed' },
      { section: 'Plans and reviews', change: 'removed' },
      { section: 'Plans and the reviews', change: 'added' },
      { section: 'Priorities for further improvement', change: 'changed' },
      { section: 'Next steps', change: 'added' },
    ]);
  });

  it('names what comes before the first heading "Opening"', () => {
    const changed = {
      ...hmiDraft,
      blocks: [build.para('date', build.text('8 November 2014')), ...hmiDraft.blocks.slice(3)],
    };
    expect(summariseChanges(hmiDraft, changed)).toEqual([{ section: 'Opening', change: 'changed' }]);
  });

  it('reports nothing for an unchanged letter, even with new metadata', () => {
    expect(summariseChanges(hmiDraft, { ...hmiDraft, meta: final.meta })).toEqual([]);
  });
});

const withLibreOffice = needs('soffice', 'pdftotext');

withLibreOffice.describe('renderRedlineDocx read back by LibreOffice', () => {
  let pdf = '';
  beforeAll(() => {
    pdf = convertWithLibreOffice({ redline }, 'pdf').redline!;
  });

  it('opens the redline and shows both the removed and the added words', async () => {
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('skilfully');
    expect(text).toContain('Since the inspection, two teachers'); // deleted, shown struck through
    expect(text).toContain('Next steps');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
