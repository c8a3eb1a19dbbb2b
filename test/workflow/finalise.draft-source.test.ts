import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTemplates } from '../../src/letter/templates.js';
import { blockText, type Block, type DocumentMeta, type LetterDocument } from '../../src/letter/tree.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { htmlToBlocks } from '../../src/letter/html-tree.js';
import { DraftSourceError, readDraftSource, textToBlocks } from '../../src/workflow/draft-source.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { docxSampleLetter } from '../support/sample-docx-letter.js';
import { repoRoot } from '../support/fake-io.js';

const meta: DocumentMeta = docxSampleLetter({ status: 'draft' }).meta;
const options = { templates: prepareTemplates(), holidays: englandBankHolidays(), meta };

/** Each block's kind, role and text, lists item by item. */
function shape(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] =>
    block.type === 'list'
      ? [
          `${block.ordered ? 'ol' : 'ul'}@${block.start}`,
          ...block.items.flatMap((item) => shape(item.children).map((line) => `  ${line}`)),
        ]
      : [`${block.type === 'heading' ? `h${block.depth}` : block.role}|${blockText(block)}`],
  );
}

describe('mammoth’s HTML as blocks', () => {
  it('reads headings, paragraphs with this tool’s role styles, bold, italic and line breaks', () => {
    const blocks = htmlToBlocks(
      '<p class="role-marking"><strong>Draft</strong></p><p class="role-address">Mrs Zoë Hughes<br />Headteacher</p>' +
        '<h1>Requires improvement</h1><h2>Main findings</h2><h4>Deep</h4>' +
        '<p>Plain <strong>bold <em>both</em></strong> &amp; &lt;angled&gt; &#8217;quoted&#x2019;</p><p></p>',
    );
    expect(shape(blocks)).toEqual([
      'marking|Draft',
      'address|Mrs Zoë Hughes\nHeadteacher',
      'h1|Requires improvement',
      'h2|Main findings',
      'h3|Deep',
      'body|Plain bold both & <angled> ’quoted’',
    ]);
    expect(blocks[5]).toEqual({
      type: 'paragraph',
      role: 'body',
      children: [
        { type: 'text', value: 'Plain ' },
        {
          type: 'strong',
          children: [
            { type: 'text', value: 'bold ' },
            { type: 'emphasis', children: [{ type: 'text', value: 'both' }] },
          ],
        },
        { type: 'text', value: ' & <angled> ’quoted’' },
      ],
    });
  });

  it('reads ordered and bulleted lists, nested lists and text directly inside an item', () => {
    const blocks = htmlToBlocks(
      '<p>Actions:</p><ol><li>First</li><li>Second<ul><li>inner one</li><li><p>inner two</p></li></ul></li></ol><p>After</p>',
    );
    expect(shape(blocks)).toEqual([
      'body|Actions:',
      'ol@1',
      '  body|First',
      '  body|Second',
      '  ul@1',
      '    body|inner one',
      '    body|inner two',
      'body|After',
    ]);
  });

  it('reads HTML as a browser does: quotes of either kind, ">" inside an attribute, comments, scripts, any named entity', () => {
    const blocks = htmlToBlocks(
      '<p class=\'role-date\' title="a > b">12 March 2014</p><!-- a comment <p>not text</p> -->' +
        '<style>p { color: red }</style><script>var x = "<p>no</p>";</script>' +
        '<p class="intro role-address">Mrs Hughes</p><p>Progress &hellip; since&nbsp;the inspection &eacute;&#x1F600;</p>',
    );
    expect(shape(blocks)).toEqual([
      'date|12 March 2014',
      'address|Mrs Hughes',
      'body|Progress … since\u00a0the inspection é😀',
    ]);
  });

  it('closes what a browser closes: a paragraph left open ends at the next block, an unclosed bold at its paragraph', () => {
    expect(shape(htmlToBlocks('<p>One<p>Two <b>bold<p>Three</p>'))).toEqual([
      'body|One',
      'body|Two bold',
      'body|Three',
    ]);
  });

  it('reads the paragraphs of table cells in order', () => {
    expect(shape(htmlToBlocks('<table><tr><td><p>A</p></td><td>B</td></tr></table>'))).toEqual(['body|A', 'body|B']);
  });
});

describe('plain text as blocks', () => {
  it('splits paragraphs at blank lines and keeps single newlines as line breaks', () => {
    const blocks = textToBlocks('Mrs Zoë Hughes\r\nHeadteacher\r\n\r\n  \r\nDear Mrs Hughes\n\n\nYours sincerely\n');
    expect(shape(blocks)).toEqual(['body|Mrs Zoë Hughes\nHeadteacher', 'body|Dear Mrs Hughes', 'body|Yours sincerely']);
  });

  it('takes each line as a paragraph when there are no blank lines', () => {
    expect(shape(textToBlocks('One\nTwo\n'))).toEqual(['body|One', 'body|Two']);
  });
});

describe('readDraftSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'draft-source-'));

  it('reads this tool’s DOCX back with the same blocks, roles and lists as the letter it was made from', async () => {
    const letter: LetterDocument = docxSampleLetter({ status: 'draft' });
    const file = join(dir, 'sample.docx');
    writeFileSync(file, renderDocx(letter));
    const read = await readDraftSource(file, options);
    expect(read.kind).toBe('docx');
    expect(read.document.meta.status).toBe('draft');
    // mammoth does not report where a numbered list starts; the comparison does not depend on it.
    const withoutStart = (lines: string[]) => lines.map((line) => line.replace(/^(\s*[ou]l)@\d+$/, '$1'));
    expect(withoutStart(shape(read.document.blocks)).join('\n')).toBe(withoutStart(shape(letter.blocks)).join('\n'));
  });

  it('composes a draft form as a draft letter with its DRAFT marking', async () => {
    const read = await readDraftSource(join(repoRoot, 'fixtures/finalise/hmi-draft.yaml'), options);
    expect(read.kind).toBe('form');
    expect(read.document.meta).toMatchObject({ urn: '121190', visitDate: '2014-03-12', status: 'draft' });
    expect(shape(read.document.blocks)[0]).toBe('marking|Draft');
  });

  it('refuses an invalid draft form with its diagnostics', async () => {
    const error = await readDraftSource(join(repoRoot, 'fixtures/invalid/bad-urn.yaml'), options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DraftSourceError);
    expect((error as DraftSourceError).diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('refuses a damaged DOCX, a file of another kind and a missing file with a message naming it', async () => {
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    writeFileSync(join(dir, 'letter.pdf'), '%PDF-1.7');
    await expect(readDraftSource(join(dir, 'broken.docx'), { ...options, displayName: 'broken.docx' })).rejects.toThrow(
      /broken\.docx: not a readable DOCX file/,
    );
    await expect(readDraftSource(join(dir, 'letter.pdf'), options)).rejects.toThrow(
      /cannot read a "\.pdf" file as a draft/,
    );
    await expect(readDraftSource(join(dir, 'absent.txt'), options)).rejects.toThrow(/cannot read the draft/);
  });
});
