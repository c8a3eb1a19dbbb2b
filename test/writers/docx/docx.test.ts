import { describe, it, expect } from 'vitest';
import mammoth from 'mammoth';
import { renderDocx } from '../../../src/writers/docx/index.js';
import { docxSampleLetter, build } from '../../support/sample-docx-letter.js';
import { lines, readParts, treeLines } from './read-docx.js';
import { compose, fixture } from '../../letter/compose.js';

const letter = docxSampleLetter();
const docx = renderDocx(letter);

describe('renderDocx: the package', () => {
  it('is a ZIP whose every part passes its CRC check and is well-formed enough to list', async () => {
    const parts = await readParts(docx);
    expect(Object.keys(parts).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'docProps/custom.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/fontTable.xml',
        'word/footer1.xml',
        'word/header1.xml',
        'word/header2.xml',
        'word/numbering.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    );
    for (const name of Object.keys(parts)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect(parts[name]!.startsWith('<?xml')).toBe(true);
    }
  });

  it('gives the same bytes for the same letter (no clock, no random ids)', () => {
    expect(renderDocx(docxSampleLetter()).equals(docx)).toBe(true);
  });

  it('declares a content type for every part it contains', async () => {
    const parts = await readParts(docx);
    const types = parts['[Content_Types].xml']!;
    for (const name of Object.keys(parts)) {
      if (name.endsWith('.rels') || name === '[Content_Types].xml') continue;
      expect(types).toContain(`PartName="/${name}"`);
    }
  });
});

describe('renderDocx: styles, page and numbering', () => {
  it('defines the real Word styles and en-GB as the default language', async () => {
    const styles = (await readParts(docx))['word/styles.xml']!;
    for (const [id, name] of [
      ['Normal', 'Normal'],
      ['Heading1', 'heading 1'],
      ['Heading2', 'heading 2'],
      ['Heading3', 'heading 3'],
      ['ListBullet', 'List Bullet'],
      ['ListNumber', 'List Number'],
      ['Letterhead', 'Letterhead'],
      ['Address', 'Address'],
    ]) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}"><w:name w:val="${name}"/>`));
    }
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"/s);
  });

  it('sets an A4 page with margins and first-page and default headers', async () => {
    const document = (await readParts(docx))['word/document.xml']!;
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(document)!;
    for (const twips of margin.slice(1).map(Number)) expect(twips).toBeGreaterThanOrEqual(1000);
    expect(document).toContain('w:type="first"');
    expect(document).toContain('w:type="default"');
  });

  it('styles each block by its role and headings by depth', async () => {
    const document = (await readParts(docx))['word/document.xml']!;
    const styleOf = (text: string): string | undefined => {
      const paragraph = [...document.matchAll(/<w:p>(.*?)<\/w:p>/gs)].find((m) => m[1]!.includes(text));
      return paragraph ? (/<w:pStyle w:val="([^"]+)"/.exec(paragraph[1]!)?.[1] ?? 'Normal') : undefined;
    };
    expect(styleOf('Agora')).toBe('Letterhead');
    expect(styleOf('Heol y Coed')).toBe('Address');
    expect(styleOf('Dear Mr Kowalczyk')).toBe('Salutation');
    expect(styleOf('Requires improvement: monitoring')).toBe('Heading1');
    expect(styleOf('>Evidence<')).toBe('Heading2');
    expect(styleOf('Leadership and governance')).toBe('Heading3');
    expect(styleOf('Following my visit')).toBe('Normal');
    expect(styleOf('Yours sincerely')).toBe('Closing');
  });

  it('gives every list its own w:num, so numbered lists restart (and one starts at 3)', async () => {
    const parts = await readParts(docx);
    const numbering = parts['word/numbering.xml']!;
    const document = parts['word/document.xml']!;
    const numIdsUsed = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]!);
    const distinct = [...new Set(numIdsUsed)];
    const listCount = letter.blocks.filter((b) => b.type === 'list').length + 1; // one nested list
    expect(distinct).toHaveLength(listCount);
    for (const id of distinct) expect(numbering).toContain(`<w:num w:numId="${id}">`);
    const overrides = [...numbering.matchAll(/<w:startOverride w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(overrides).toEqual([1, 1, 3]);
  });

  it('has a footer with PAGE and NUMPAGES fields (their values are the reader’s to compute)', async () => {
    const footer = (await readParts(docx))['word/footer1.xml']!;
    expect(footer).toMatch(/<w:instrText[^>]*> PAGE /);
    expect(footer).toMatch(/<w:instrText[^>]*> NUMPAGES /);
    expect(footer.indexOf(' PAGE ')).toBeLessThan(footer.indexOf(' NUMPAGES '));
  });
});

describe('renderDocx: header markings', () => {
  it('marks a draft "DRAFT" and a section 117 letter "Not for publication" (para 26) on every page', async () => {
    const parts = await readParts(renderDocx(docxSampleLetter({ status: 'draft', published: false })));
    for (const header of [parts['word/header1.xml']!, parts['word/header2.xml']!]) {
      expect(header).toContain('>DRAFT<');
      expect(header).toContain('>Not for publication<');
    }
    expect(parts['word/header1.xml']).toContain('Monitoring inspection letter, URN 135792');
  });

  it('carries no marking on a final, published letter', async () => {
    const parts = await readParts(docx);
    expect(parts['word/header1.xml']).not.toContain('DRAFT');
    expect(parts['word/header2.xml']).not.toContain('publication');
  });
});

describe('renderDocx: document properties', () => {
  it('records title, subject, creator, keywords, language and who last changed it', async () => {
    const core = (await readParts(docx))['docProps/core.xml']!;
    expect(core).toContain(`<dc:title>${letter.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${letter.meta.subject}</dc:subject>`);
    expect(core).toContain('<dc:creator>Siân Ó Súilleabháin HMI</dc:creator>');
    expect(core).toContain('<cp:keywords>monitoring inspection; requires improvement; URN 135792</cp:keywords>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('<cp:lastModifiedBy>Siân Ó Súilleabháin HMI</cp:lastModifiedBy>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2014-11-07T00:00:00Z</dcterms:created>');
  });

  it('records the generator and template hash, in the description and as custom properties (PITFALLS 8)', async () => {
    const parts = await readParts(docx);
    expect(parts['docProps/core.xml']).toContain(letter.meta.generator);
    expect(parts['docProps/core.xml']).toContain(letter.meta.templateHash);
    const custom = parts['docProps/custom.xml']!;
    expect(custom).toMatch(new RegExp(`name="Generator"><vt:lpwstr>${letter.meta.generator}</vt:lpwstr>`));
    expect(custom).toMatch(new RegExp(`name="TemplateHash"><vt:lpwstr>${letter.meta.templateHash}</vt:lpwstr>`));
  });

  it('records the version and who finalised it once finalised', async () => {
    const final = docxSampleLetter({ version: 2, finalisedBy: 'Gráinne Ní Bhriain', finalisedOn: '2014-11-19' });
    const parts = await readParts(renderDocx(final));
    expect(parts['docProps/core.xml']).toContain('<cp:lastModifiedBy>Gráinne Ní Bhriain</cp:lastModifiedBy>');
    expect(parts['docProps/core.xml']).toContain('2014-11-19T00:00:00Z</dcterms:modified>');
    expect(parts['docProps/custom.xml']).toMatch(/name="Version"><vt:lpwstr>2</);
  });
});

describe('renderDocx: text and escaping', () => {
  it('escapes what inspectors type and drops characters XML 1.0 forbids', async () => {
    const typed = docxSampleLetter();
    typed.blocks = [
      build.body('Pupils wrote <script> & “quotes” > *stars* \u0000\u0007\u000B\u001F\uFFFE', 'tab\there'),
      build.para('body', build.text('lone \uD800 surrogate, kept 😀 emoji')),
    ];
    const parts = await readParts(renderDocx(typed));
    const document = parts['word/document.xml']!;
    expect(document).toContain('Pupils wrote &lt;script&gt; &amp; “quotes” &gt; *stars* ');
    // eslint-disable-next-line no-control-regex -- looking for forbidden control characters
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(document).toContain('<w:tab/>');
    expect(document).toContain('lone  surrogate, kept 😀 emoji');
    const { value } = await mammoth.extractRawText({ buffer: renderDocx(typed) });
    expect(value).toContain('Pupils wrote <script> & “quotes” > *stars* ');
  });

  it('escapes metadata in the properties and headers', async () => {
    const parts = await readParts(renderDocx(docxSampleLetter({ subject: 'A & B <c>', author: 'O’Brien "HMI"' })));
    expect(parts['docProps/core.xml']).toContain('<dc:subject>A &amp; B &lt;c&gt;</dc:subject>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>O’Brien &quot;HMI&quot;</dc:creator>');
    expect(parts['word/header1.xml']).toContain('A &amp; B &lt;c&gt;');
  });
});

describe('renderDocx read back by mammoth', () => {
  it('gives the tree’s text, line for line, with Łukasz, Siân, Zoë and Ó Súilleabháin intact', async () => {
    // mammoth's raw text drops line breaks, so read its HTML: <br /> and block ends make lines.
    const { value } = await mammoth.convertToHtml({ buffer: docx });
    const text = value
      .replace(/<br \/>|<\/(p|h\d|li)>|<(ul|ol)>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    expect(lines(text)).toEqual(treeLines(letter));
    for (const name of ['Łukasz', 'Siân', 'Zoë', 'Ó Súilleabháin', '“two stars and a wish”'])
      expect(value).toContain(name);
  });

  it('sees headings as headings and lists as lists, nested where nested', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toMatch(/<h1>Requires improvement: monitoring inspection visit to St Dwynwen’s/);
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Evidence',
      'Context',
      'Main findings',
      'External support',
      'Priorities for further improvement',
    ]);
    expect([...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual([
      'Progress on each area for improvement',
      'Leadership and governance',
      'Plans and reviews',
    ]);
    expect(html.match(/<ol>/g)).toHaveLength(3);
    expect(html.match(/<ul>/g)).toHaveLength(2);
    expect(html).toMatch(/<li>improve the quality of marking[^<]*<ul><li>checking books every half term<\/li>/);
    expect(html).toContain('<strong>Senior leaders and governors are taking effective action');
    expect(html).toContain('<em>outstanding</em>');
  });
});

describe('renderDocx: gap markers', () => {
  it('a draft\u2019s gap marker «… not yet written» is highlighted yellow, as the PDF and preview show it; other bold text is not', async () => {
    const draft = compose(fixture('draft-during-visit')).document!;
    const xml = (await readParts(renderDocx(draft)))['word/document.xml']!;
    const runs = xml.match(/<w:r>.*?<\/w:r>/g) ?? [];
    const markers = runs.filter((run) => run.includes('not yet written\u00bb'));
    expect(markers.length).toBeGreaterThan(3);
    for (const run of markers) expect(run).toContain('<w:highlight w:val="yellow"/>');
    const otherBold = runs.filter((run) => run.includes('<w:b/>') && !run.includes('not yet written'));
    expect(otherBold.length).toBeGreaterThan(0);
    for (const run of otherBold) expect(run).not.toContain('w:highlight');
  });
});
