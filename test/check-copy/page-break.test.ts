/**
 * A letter read from PDF puts the page's footer, and the next page's top,
 * in the middle of a copy sentence the page break cut: the sentence is still
 * found whole.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCopyList, findCopySentence, readLetterText, recogniseBodies } from '../../src/check-copy/index.js';
import { joinPages } from '../../src/check-copy/pages.js';
import { pdfPageTexts } from '../../src/check-copy/read-letter.js';
import { form as formSchema } from '../../src/evidence/schema.js';
import { blockText, type Block, type LetterDocument } from '../../src/letter/tree.js';
import { resolveRecipients } from '../../src/rules/recipients.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { sampleLetter } from '../support/sample-letter.js';

const example = formSchema.parse(
  parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
);
const stMarys = resolveRecipients(example.school, example.headteacher);

const copyList =
  'the Chair of the Governing Body, the Director of Children’s Services for Norfolk and the Diocese of Norwich';

const filler = (n: number): Block => ({
  type: 'paragraph',
  role: 'body',
  children: [
    { type: 'text', value: `Leaders have checked the quality of teaching in ${n + 1} further lessons this term.` },
  ],
});

/** The closing paragraph, with thanks before the copy sentence, so that the page may break inside it. */
const closing: Block = {
  type: 'paragraph',
  role: 'body',
  children: [
    {
      type: 'text',
      value: `Thank you for the welcome you and your staff gave me, for the time you gave to our meetings and for the documents you provided, which were all ready when I arrived. I am copying this letter to ${copyList}. This letter will be published on the Ofsted website.`,
    },
  ],
};

/** The sample letter with `extra` one-line paragraphs before its closing paragraph. */
function letterWith(extra: number): LetterDocument {
  const doc = sampleLetter();
  const at = doc.blocks.findIndex((b) => blockText(b).includes('I am copying this letter'));
  const fillers = Array.from({ length: extra }, (_, i) => filler(i));
  return { ...doc, blocks: [...doc.blocks.slice(0, at), ...fillers, closing, ...doc.blocks.slice(at + 1)] };
}

/** A rendering whose copy sentence starts on one page and ends on the next, and its pages' texts. */
async function straddling(): Promise<{ pdf: Uint8Array; pages: string[]; page: number }> {
  for (let extra = 0; extra < 80; extra++) {
    const pdf = renderPdf(letterWith(extra));
    const pages = await pdfPageTexts(pdf);
    const flat = pages.map((t) => t.replace(/\s+/g, ' '));
    const page = flat.findIndex((t) => t.includes('I am copying'));
    const rest = page < 0 ? '' : flat[page]!.slice(flat[page]!.indexOf('I am copying'));
    if (page >= 0 && page + 1 < pages.length && !rest.includes('Diocese of Norwich')) {
      return { pdf, pages, page };
    }
  }
  throw new Error('no rendering put the page break inside the copy sentence');
}

describe('para 17: a copy sentence across a page break, read from PDF', () => {
  it('is found whole, the footer and page number between its halves dropped', async () => {
    const { pdf, pages, page } = await straddling();
    // The break really falls inside the sentence, with the page's footer after its first half.
    expect(pages[page]!.replace(/\s+/g, ' ')).toMatch(/I am copying[^]*Page \d+ of \d+$/);
    expect(pages[page + 1]!.replace(/\s+/g, ' ')).toMatch(/^[^.]*Diocese of Norwich\./);

    const file = join(mkdtempSync(join(tmpdir(), 'page-break-')), 'letter.pdf');
    writeFileSync(file, pdf);
    const text = await readLetterText(file);
    expect(text).not.toMatch(/Page \d+ of \d+/);
    expect(findCopySentence(text)?.list).toBe(copyList);
    const check = checkCopyList(text, stMarys);
    expect(check.missing).toEqual([]);
    expect(check.extra).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('joining the pages with a paragraph break instead would cut the list short (why pages.ts exists)', async () => {
    const { pages } = await straddling();
    const list = findCopySentence(pages.join('\n\n'))?.list ?? '';
    expect(list).not.toBe(copyList);
    expect(list).not.toContain('Diocese of Norwich');
  });
});

describe('joining pages', () => {
  it('drops page numbers and a running footer, and joins a sentence cut by the break', () => {
    const pages = [
      'Dear Mrs Hughes\n\nI am copying this letter to the Chair of the Governing Body, the Director of\nChildren’s Services for Norfolk\nSt Mary’s Church of England VA Primary School, URN 121190\nPage 1 of 2',
      'St Mary’s Church of England VA Primary School, URN 121190\nand the Diocese of Norwich. This letter will be published.\n\nYours sincerely\n2',
    ];
    const text = joinPages(pages);
    expect(text).not.toContain('URN 121190');
    expect(text).not.toContain('Page 1 of 2');
    expect(findCopySentence(text)?.list).toBe(
      'the Chair of the Governing Body, the Director of Children’s Services for Norfolk and the Diocese of Norwich',
    );
  });

  it('a page ending a sentence ends its paragraph; lines that recur only once are kept', () => {
    const text = joinPages(['First page ends here.', 'Second page starts here.']);
    expect(text).toBe('First page ends here.\n\nSecond page starts here.');
  });

  it('a text file with form feeds is joined the same way', () => {
    const text =
      'I am copying this letter to the Chair of the Governing Body and the\n- 1 -\f- 2 -\nDirector of Children’s Services for Kent.';
    expect(findCopySentence(text)?.list).toBe(
      'the Chair of the Governing Body and the Director of Children’s Services for Kent',
    );
  });
});

describe('a letter with two copy sentences', () => {
  it('para 17: "I am also copying this letter to the Education Funding Agency" adds to the list', () => {
    const found = findCopySentence(
      'I am copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Kent. This letter will be published on the Ofsted website. I am also copying this letter to the Education Funding Agency, as the school has a sixth form.',
    );
    expect(found?.list).toBe(
      'the Chair of the Governing Body and the Director of Children’s Services for Kent, the Education Funding Agency, as the school has a sixth form',
    );
    expect(found?.sentence).toContain('I am also copying');
  });
});

describe('text as PDFs give it', () => {
  it('a lost full stop: the list still ends before "This letter will be published"', () => {
    const found = findCopySentence(
      'I am copying this letter to the Chair of the Governing Body and the Director of Children’s Services for Kent\nThis letter will be published on the Ofsted website.',
    );
    expect(found?.list).toBe('the Chair of the Governing Body and the Director of Children’s Services for Kent');
  });

  it('ligatures and abbreviations: "Chief Education O\uFB03cer, Co. Durham" stays one body', () => {
    const found = findCopySentence(
      'I am copying this letter to the Chair of the Governing Body and the Chief Education O\uFB03cer, Co. Durham. This letter will be published on the Ofsted website.',
    );
    expect(found?.list).toBe('the Chair of the Governing Body and the Chief Education Officer, Co. Durham');
    expect(recogniseBodies(found!.list).map((b) => b.role)).toEqual(['appropriate-authority', 'local-authority']);
  });
});
