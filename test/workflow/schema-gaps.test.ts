/**
 * A value the schema refuses is a gap, not a cascade: it is reported where it is, and the rest of the
 * form is checked as if it were missing (validate, draft, the drafting page), with a marker in the draft.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/ground/diagnostics.js';
import { formatPath } from '../../src/ground/diagnostics.js';
import { prepareContext } from '../../src/workflow/context.js';
import { draftToFolder } from '../../src/workflow/draft-files.js';
import { prepareLetterService } from '../../src/workflow/page.js';
import { validateForms } from '../../src/workflow/validate.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const fixture = (name: string): string => readFileSync(join(repoRoot, 'fixtures/forms', name), 'utf8');

/** The fixture with its first meeting blank (`    - `) and the second progress entry's area empty. */
function blanked(name: string, firstMeeting: string, secondArea: string): string {
  const text = fixture(name);
  const out = text
    .replace(`    - ${firstMeeting}\n`, '    - \n')
    .replace(`    - area: ${secondArea}\n`, '    - area:\n');
  if (out === text) throw new Error('nothing blanked');
  return out;
}

async function validateText(text: string): Promise<Diagnostic[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'schema-gaps-'));
  writeFileSync(join(cwd, 'g.yaml'), text);
  const outcome = await validateForms(prepareContext(fakeIo(cwd)), { files: ['g.yaml'] });
  return outcome.diagnostics;
}

const key = (d: Diagnostic): string => `${d.rule} ${formatPath(d.path)}`;

describe('a refused value is a gap, not a cascade', () => {
  it('validate reports the schema errors as before and every rule finding on the rest of the form', async () => {
    const clean = await validateText(fixture('draft-during-visit.yaml'));
    // The fixture's only progress entry is area 1; a second, for area 2, gets its area blanked.
    const text = blanked('draft-during-visit.yaml', 'the headteacher', '1').replace(
      'findings:\n  progress:\n',
      'findings:\n  progress:\n    - area: 2\n      progress: Leaders now observe lessons each half term.\n',
    );
    const found = await validateText(text);
    const schema = found.filter((d) => d.rule.startsWith('schema/'));
    expect(schema.map(key)).toEqual([
      'schema/invalid-type evidence.meetings[0]',
      'schema/invalid-type findings.progress[1].area',
    ]);
    expect(schema.map((d) => [d.line, d.column])).toEqual([
      [48, 7],
      [61, 7],
    ]);
    // Every finding of the clean form is still there (none of them is about the blanked values).
    const rules = found.filter((d) => !d.rule.startsWith('schema/'));
    for (const d of clean) expect(rules.map(key)).toContain(key(d));
    // Area 1's progress was the blanked entry's: the form now says nothing about area 1, which is explained.
    expect(rules.map(key)).toContain('para-16/completeness findings.progress');
    // One report per place.
    const places = found.map((d) => formatPath(d.path) + ' ' + d.rule);
    expect(new Set(places).size).toBe(places.length);
  });

  it('does not report a missing value twice: a refused judgement is a schema error, not also "missing"', async () => {
    const text = fixture('example.yaml').replace('judgement: effective', 'judgement: perhaps');
    expect(text).not.toBe(fixture('example.yaml'));
    const found = await validateText(text);
    const at = found.filter((d) => formatPath(d.path) === 'judgement');
    expect(at.map((d) => d.rule)).toEqual(['schema/invalid-value']);
  });

  it('a misspelt key is one report: the unknown key with the key meant, not also that one "missing"', async () => {
    const text = fixture('example.yaml').replace('judgement: effective', 'judgment: effective');
    const found = await validateText(text);
    expect(found.filter((d) => d.severity === 'error').map(key)).toEqual(['schema/unknown-key judgment']);
  });

  it('the issue’s example: 2 schema errors and the rules still run', async () => {
    const found = await validateText(blanked('example.yaml', 'the headteacher', '2'));
    expect(found.filter((d) => d.rule.startsWith('schema/')).map(key)).toEqual([
      'schema/invalid-type evidence.meetings[0]',
      'schema/invalid-type findings.progress[1].area',
    ]);
    expect(found.map(key)).toContain('para-16/completeness findings.progress');
  });
});

describe('draft and the drafting page go on with a refused value', () => {
  it('draft writes the letter with a marker where the blank meeting belongs; --final refuses', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'schema-gaps-draft-'));
    writeFileSync(join(cwd, 'g.yaml'), blanked('example.yaml', 'the headteacher', '2'));
    const context = prepareContext(fakeIo(cwd));
    const outcome = await draftToFolder(context, {
      form: 'g.yaml',
      out: 'out',
      formats: ['md'],
      final: false,
      force: false,
    });
    expect(outcome.ok).toBe(true);
    const md = readFileSync(join(cwd, 'out', '121190-2014-03-12-draft.md'), 'utf8');
    // The blank item is left out of the list; its marker stands at the list's end (Markdown escapes the brackets).
    expect(md).toMatch(
      /meetings were held with the deputy headteacher[^\n]*«evidence\.meetings\\\[0\\\]: not yet written»/,
    );
    expect(md).toMatch(
      /Area for improvement 2:[^\n]*\n\n\*\*«progress on area for improvement 2: not yet written»\*\*/,
    );
    expect(outcome.diagnostics.map(key)).toContain('schema/invalid-type evidence.meetings[0]');

    const final = await draftToFolder(context, {
      form: 'g.yaml',
      out: 'final',
      formats: ['md'],
      final: true,
      force: false,
    });
    expect(final.ok).toBe(false);
    expect(final.diagnostics.map(key)).toContain('schema/invalid-type evidence.meetings[0]');
    expect(final.diagnostics.map(key)).toContain('para-16/completeness findings.progress');
  });

  it('the page’s check keeps the preview, the copy list and the deadlines', async () => {
    const service = prepareLetterService(prepareContext(fakeIo(repoRoot)));
    const check = await service.check(blanked('example.yaml', 'the headteacher', '2'), 'g.yaml');
    expect(check.diagnostics.map(key)).toContain('schema/invalid-type evidence.meetings[0]');
    expect(check.html).toContain('evidence.meetings[0]: not yet written');
    expect(check.recipients?.copies.map((c) => c.role)).toContain('diocese');
    expect(check.deadlines.length).toBeGreaterThan(0);
  });

  it('the page’s Write draft writes the DOCX and PDF with the markers, as draft does', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'schema-gaps-page-'));
    writeFileSync(join(cwd, 'visit.yaml'), blanked('example.yaml', 'the headteacher', '2'));
    const io = fakeIo(cwd);
    const service = prepareLetterService(prepareContext(io));
    const written = await service.writeDraft({ form: 'visit.yaml', out: 'output' }, io);
    expect(written).toEqual({
      ok: true,
      written: ['output/121190-2014-03-12-draft.docx', 'output/121190-2014-03-12-draft.pdf'],
      messages: '',
    });
    const docx = await JSZip.loadAsync(readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.docx')));
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('«evidence.meetings[0]: not yet written»');
  });
});
