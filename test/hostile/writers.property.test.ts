/**
 * Property: any form the schema accepts, with hostile text (Markdown, HTML and
 * Handlebars syntax, bidirectional and joining characters, emoji, backslashes,
 * long words) in every text the letter prints, composes into a letter whose
 * Markdown, HTML and DOCX never say "undefined" and print that text as typed;
 * the PDF writer gives bytes or a MissingGlyphError, nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { describe, it, expect } from 'vitest';
import { form as formSchema, unprintableCharacter, type EvidenceForm } from '../../src/evidence/schema.js';
import { prepareTemplates } from '../../src/letter/templates.js';
import { composeLetter } from '../../src/workflow/pipeline.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderHtml } from '../../src/writers/html.js';
import { renderMarkdown } from '../../src/writers/markdown.js';
import { MissingGlyphError, renderPdf } from '../../src/writers/pdf/index.js';
import { repoRoot } from '../support/fake-io.js';

const example = parse(readFileSync(join(repoRoot, 'fixtures/forms/example.yaml'), 'utf8')) as EvidenceForm;
const templates = prepareTemplates();
const holidays = englandBankHolidays();

const fragments = [
  '{{#each x}}',
  '{{/each}}',
  '{{> partial}}',
  '{{{raw}}}',
  '{{name}}',
  '<script>alert(1)</script>',
  '<b>',
  '</p>',
  '*',
  '**bold**',
  '_',
  '__init__',
  '`',
  '```',
  '[link](javascript:alert(1))',
  '![img](x)',
  '&amp;',
  '&lt;',
  '&#60;',
  '\\',
  'back\\',
  '# ',
  '#',
  '- ',
  '+ ',
  '1. ',
  '1) ',
  '> ',
  '| a | b |',
  '---',
  '===',
  '~~',
  '~',
  'null',
  'yes',
  '0',
  '-',
  '$schema',
  '__proto__',
  'constructor',
  '😀',
  '👩‍👩‍👧',
  '🏳️‍🌈',
  'e\u0301',
  'Zoë',
  'Łukasz',
  'مدرسة',
  'בית ספר',
  '學校',
  '\u202Eevil\u202C',
  '\u200B',
  '\u200D',
  '\u00A0',
  'https://example.org/' + 'a'.repeat(300),
  "O'Brien",
  '"quoted"',
  '’',
  ' ',
  '\t',
  'word',
  'School',
];

/** Hostile text the schema accepts: fragments and arbitrary graphemes, trimmed, never empty, printable. */
const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''))
  .map((s) => s.trim())
  .filter(
    (s) =>
      s !== '' &&
      !unprintableCharacter.test(s) &&
      !/undefined|NaN|\[object Object\]/.test(s) &&
      // A blank line inside is a paragraph break, checked below paragraph by paragraph; keep names to one line.
      !/[\r\n\u2028\u2029]/.test(s),
  );

/** Narrative: hostile text in paragraphs and lines, with every kind of line end (CRLF, a lone CR, LF). */
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n \n', '\\\n');
const hostileNarrative: fc.Arbitrary<string> = fc
  .tuple(hostileText, fc.array(fc.tuple(lineEnd, hostileText), { maxLength: 4 }))
  .map(([first, rest]) => first + rest.map(([end, text]) => end + text).join(''));

/** The paragraphs of a narrative as the letter splits them: at a blank line, whatever its line ends. */
const paragraphsOf = (text: string): string[] => text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/);

/** Where the generated text goes: each a place the letter prints as typed. */
interface Hostile {
  schoolName: string;
  firstName: string;
  lastName: string;
  inspector: string;
  context: string;
  leadership: string;
  teaching: string;
  governance: string;
  plans: string;
  action: string;
  support: string;
}

const hostile: fc.Arbitrary<Hostile> = fc.record({
  schoolName: hostileText,
  firstName: hostileText,
  lastName: hostileText,
  inspector: hostileText,
  context: hostileNarrative,
  leadership: hostileNarrative,
  teaching: hostileNarrative,
  governance: hostileNarrative,
  plans: hostileNarrative,
  action: hostileText,
  support: hostileNarrative,
});

function formWith(h: Hostile): EvidenceForm {
  const form = structuredClone(example);
  form.school.name = h.schoolName;
  form.headteacher = { ...form.headteacher, firstName: h.firstName, lastName: h.lastName };
  form.visit.inspector.name = h.inspector;
  form.context = h.context;
  form.findings = {
    ...form.findings,
    leadership: h.leadership,
    teachingAndLearning: h.teaching,
    governance: h.governance,
    plans: h.plans,
  };
  form.actions = { school: [h.action] };
  form.externalSupport = { summary: h.support };
  return formSchema.parse(form);
}

/**
 * Text compared as a reader sees it: whitespace runs as one space, canonical (NFC) form, and quotes as typed,
 * since the letter makes straight quotes typographic on purpose (src/letter/markdown-tree.ts).
 */
const collapse = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** The text a reader sees in an HTML fragment: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return entities[code] ?? whole;
    });
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function lettersOf(h: Hostile) {
  const letter = composeLetter(formWith(h), { status: 'draft', templates, holidays, toolVersion: '0.0.0-test' });
  expect(letter.document, letter.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
  return { ...letter, document: letter.document! };
}

describe('hostile text through the letter and its writers', () => {
  it('Markdown and HTML: no "undefined", and every inspector string printed as typed', () => {
    fc.assert(
      fc.property(hostile, (h) => {
        const letter = lettersOf(h);
        const md = renderMarkdown(letter.document);
        const html = renderHtml(letter.document);
        const mdText = collapse(htmlText(markdown.render(md)));
        const htmlBody = collapse(htmlText(html.replace(/^[\s\S]*?<body[^>]*>/i, '')));
        for (const text of [md, html]) expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
        for (const value of Object.values(h).flatMap(paragraphsOf)) {
          expect(mdText, 'Markdown').toContain(collapse(value));
          expect(htmlBody, 'HTML').toContain(collapse(value));
        }
        // The HTML writer lets no inspector's tag through.
        expect(html).not.toMatch(/<script|<b>|javascript:alert\(1\)"/);
      }),
      { numRuns: 150 },
    );
  });

  it('DOCX: a readable document with no "undefined", holding every inspector string', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const letter = lettersOf(h);
        const zip = await JSZip.loadAsync(renderDocx(letter.document));
        const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
        expect(xml).not.toMatch(/undefined|\[object Object\]|NaN/);
        const text = collapse(
          [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
            .map((p) =>
              htmlText(
                [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => t[1] ?? ' ').join(''),
              ),
            )
            .join(' '),
        );
        for (const value of Object.values(h).flatMap(paragraphsOf)) expect(text).toContain(collapse(value));
      }),
      { numRuns: 40 },
    );
  });

  it('PDF: bytes, or a MissingGlyphError naming the character; never anything else', () => {
    fc.assert(
      fc.property(hostile, (h) => {
        const letter = lettersOf(h);
        try {
          const bytes = renderPdf(letter.document);
          expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        } catch (error) {
          expect(error).toBeInstanceOf(MissingGlyphError);
          const character = (error as MissingGlyphError).character;
          expect(Object.values(h).some((v) => v.normalize('NFC').includes(character))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
