import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { readLetterText } from '../../src/check-copy/read-letter.js';
import { loadFormFile } from '../../src/evidence/load.js';
import { prepareTemplates } from '../../src/letter/templates.js';
import type { LetterDocument } from '../../src/letter/tree.js';
import { composeLetter } from '../../src/workflow/pipeline.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { readHistory, historyPath } from '../../src/ground/history.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderMarkdown } from '../../src/writers/markdown.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';
import { needs } from '../support/programs.js';
import { convertWithLibreOffice, readParts, resolveRevisions, type ReadParagraph } from '../writers/docx/read-docx.js';

const hmiDraft = join(repoRoot, 'fixtures/finalise/hmi-draft.yaml');
const ispFinal = join(repoRoot, 'fixtures/finalise/isp-final.yaml');
const withGaps = join(repoRoot, 'fixtures/finalise/isp-final-with-gaps.yaml');
const editor = 'Gráinne Ní Bhriain';
const stem = '121190-2014-03-12';

/** The HMI's draft letter as this tool drafts it from the draft form. */
function draftDocument(): LetterDocument {
  const form = loadFormFile(hmiDraft).form!;
  const letter = composeLetter(form, {
    status: 'draft',
    templates: prepareTemplates(),
    holidays: englandBankHolidays(),
  });
  return letter.document!;
}

/** Runs finalise in a fresh folder; the draft is the fixture form unless another file is given. */
async function finalise(options: { cwd?: string; draft?: string; extra?: string[]; form?: string; now?: string } = {}) {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'finalise-'));
  const io = fakeIo(cwd, { now: options.now ?? '2014-03-20T09:00:00Z' });
  const argv = ['finalise', options.form ?? ispFinal, '--draft', options.draft ?? hmiDraft, '--by', editor];
  const code = await main([...argv, ...(options.extra ?? [])], io);
  return { code, io, cwd, out: join(cwd, 'output') };
}

/** Each tracked change's kind and text, in document order. */
function revisions(documentXml: string): { kind: 'ins' | 'del'; text: string; attributes: string }[] {
  return [...documentXml.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)].map((m) => ({
    kind: m[1] as 'ins' | 'del',
    attributes: m[2]!,
    text: m[3]!.replace(/<[^>]+>/g, ''),
  }));
}

const documentXml = async (file: string): Promise<string> =>
  (await readParts(readFileSync(file)))['word/document.xml']!;
const text = (paragraphs: ReadParagraph[]): string[] => paragraphs.map((p) => `${p.style}|${p.text}`);

// The ISP's edits between fixtures/finalise/hmi-draft.yaml and isp-final.yaml, after the letter's date:
// the HMI's draft is dated the visit day (12 March 2014), the final letter the day it is finalised (20 March).
const expectedInsertions = [
  '20 ',
  ' Two teaching assistants have been appointed to support reading.',
  'swiftly ',
  'every half ',
];
const summary = 'Letter date: changed\nContext: changed\nMain findings: changed\nExternal support: changed\n';
const expectedDeletions = ['12 ', 'quickly ', 'twice each ', ', brokered effectively through a single plan'];

describe('monitoring-letter finalise, the HMI’s draft given as a form', () => {
  let run: Awaited<ReturnType<typeof finalise>>;
  beforeAll(async () => {
    run = await finalise();
  });

  it('writes the final letter in every format, the redline and the changes summary', () => {
    expect(run.io.err).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(run.out).sort()).toEqual(
      [
        ...['docx', 'html', 'json', 'md', 'pdf'].map((ext) => `${stem}-final.${ext}`),
        `${stem}-redline.docx`,
        `${stem}-changes.txt`,
        `${stem}.history.jsonl`,
      ].sort(),
    );
    expect(readFileSync(join(run.out, `${stem}-final.md`), 'utf8')).toContain('acted swiftly and with determination');
  });

  it('summarises the changed sections on stdout and in the changes file, and no others', () => {
    const lines = ['Letter date: changed', 'Context: changed', 'Main findings: changed', 'External support: changed'];
    const file = readFileSync(join(run.out, `${stem}-changes.txt`), 'utf8');
    for (const line of lines) {
      expect(run.io.out).toContain(`${line}\n`);
      expect(file).toContain(`${line}\n`);
    }
    expect(file).toContain(`version 1, finalised by ${editor} on 2014-03-20`);
    expect(run.io.out).not.toMatch(/^(Evidence|Opening|Requires improvement[^\n]*): /m);
  });

  it('marks exactly the words the ISP changed as w:ins / w:del, each with the editor and the date', async () => {
    const changes = revisions(await documentXml(join(run.out, `${stem}-redline.docx`)));
    expect(changes.filter((c) => c.kind === 'ins').map((c) => c.text)).toEqual(expectedInsertions);
    expect(changes.filter((c) => c.kind === 'del').map((c) => c.text)).toEqual(expectedDeletions);
    for (const change of changes) {
      expect(change.attributes).toContain(`w:author="${editor}"`);
      expect(change.attributes).toContain('w:date="2014-03-20T00:00:00Z"');
    }
  });

  it('does not show the draft’s DRAFT marking as a change: accept all is the final letter, reject all the draft without it', async () => {
    const redline = await documentXml(join(run.out, `${stem}-redline.docx`));
    const final = resolveRevisions(await documentXml(join(run.out, `${stem}-final.docx`)), 'none');
    const draft = resolveRevisions((await readParts(renderDocx(draftDocument())))['word/document.xml']!, 'none');
    expect(draft.filter((p) => p.style === 'Marking').map((p) => p.text)).toEqual(['Draft']);
    expect(text(resolveRevisions(redline, 'accept'))).toEqual(text(final));
    // Rejecting every edit gives the HMI's draft without its marking, dated as the HMI dated it: the date's change shows.
    const rejected = resolveRevisions(redline, 'reject');
    expect(rejected.filter((p) => p.style === 'Date').map((p) => p.text)).toEqual(['12 March 2014']);
    expect(text(rejected)).toEqual(text(draft.filter((p) => p.style !== 'Marking')));
    expect(text(resolveRevisions(redline, 'reject'))).not.toEqual(text(final));
  });

  it('stamps the final DOCX’s properties with the version and who finalised it, and when', async () => {
    const parts = await readParts(readFileSync(join(run.out, `${stem}-final.docx`)));
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<cp:version>1</cp:version>');
    expect(core).toContain(`<cp:lastModifiedBy>${editor}</cp:lastModifiedBy>`);
    expect(core).toContain('<cp:contentStatus>Final</cp:contentStatus>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2014-03-20T00:00:00Z</dcterms:modified>');
    expect(parts['docProps/custom.xml']).toMatch(/name="FinalisedBy"><vt:lpwstr>Gráinne Ní Bhriain</);
    const json = JSON.parse(readFileSync(join(run.out, `${stem}-final.json`), 'utf8')) as { meta: object };
    expect(json.meta).toMatchObject({ status: 'final', version: 1, finalisedBy: editor, finalisedOn: '2014-03-20' });
  });

  it('records draft-received and finalised in the letter’s history', () => {
    const { events } = readHistory(historyPath(run.out, '121190', '2014-03-12'));
    expect(events.map((e) => e.stage)).toEqual(['draft-received', 'finalised']);
    expect(events[0]).toMatchObject({ by: 'Siân Ó Súilleabháin', files: [hmiDraft] });
    expect(events[1]).toMatchObject({ by: editor, version: 1 });
    expect(events[1]!.files).toEqual(expect.arrayContaining([`${stem}-final.docx`, `${stem}-redline.docx`]));
  });

  needs('soffice').it('the redline opens in LibreOffice', () => {
    const converted = convertWithLibreOffice({ redline: readFileSync(join(run.out, `${stem}-redline.docx`)) }, 'txt');
    const read = readFileSync(converted.redline!, 'utf8');
    expect(read).toContain('swiftly');
    expect(read).toContain('Requires improvement: monitoring inspection visit to');
  });
});

describe('monitoring-letter finalise, again', () => {
  it('refuses to finalise a finalised letter without --force (exit 1), and with --force makes version 2', async () => {
    const first = await finalise();
    expect(first.code).toBe(0);
    const finalDocx = join(first.out, `${stem}-final.docx`);
    const before = readFileSync(finalDocx);

    const again = await finalise({ cwd: first.cwd });
    expect(again.code).toBe(1);
    expect(again.io.err).toMatch(/finalised already \(version 1 by Gráinne Ní Bhriain.*use --force to make version 2/);
    expect(readFileSync(finalDocx)).toEqual(before);
    expect(readHistory(historyPath(first.out, '121190', '2014-03-12')).events).toHaveLength(2);

    const forced = await finalise({ cwd: first.cwd, extra: ['--force'] });
    expect(forced.code).toBe(0);
    expect(forced.io.out).toContain('Finalised version 2');
    const core = (await readParts(readFileSync(finalDocx)))['docProps/core.xml']!;
    expect(core).toContain('<cp:version>2</cp:version>');
    const { events } = readHistory(historyPath(first.out, '121190', '2014-03-12'));
    expect(events.map((e) => `${e.stage}${e.version ?? ''}`)).toEqual(['draft-received', 'finalised1', 'finalised2']);
  });

  it('refuses without --force when a final letter is already there though no history says so', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    mkdirSync(join(cwd, 'output'));
    writeFileSync(join(cwd, 'output', '121190-2014-03-12-final.md'), 'a final letter made by hand');
    const { code, io } = await finalise({ cwd, extra: ['--format', 'md'] });
    expect(code).toBe(1);
    expect(io.err).toContain('a final letter already exists: output/121190-2014-03-12-final.md');
  });
});

describe('monitoring-letter finalise, the HMI’s draft given as a letter', () => {
  it('reads a DOCX draft (mammoth) and finds the same edits, the DRAFT marking aside', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    writeFileSync(join(cwd, 'hmi-draft.docx'), renderDocx(draftDocument()));
    const run = await finalise({ cwd, draft: 'hmi-draft.docx', extra: ['--format', 'docx'] });
    expect(run.io.err).toBe('');
    expect(run.code).toBe(0);
    const redline = await documentXml(join(run.out, `${stem}-redline.docx`));
    const changes = revisions(redline);
    expect(changes.filter((c) => c.kind === 'ins').map((c) => c.text)).toEqual(expectedInsertions);
    expect(changes.filter((c) => c.kind === 'del').map((c) => c.text)).toEqual(expectedDeletions);
    const final = resolveRevisions(await documentXml(join(run.out, `${stem}-final.docx`)), 'none');
    expect(text(resolveRevisions(redline, 'accept'))).toEqual(text(final));
    expect(run.io.out).toContain(summary);
  });

  it('reads a plain-text draft (Word’s “save as text”) and shows the same edits only: no letterhead, address or signature noise', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    writeFileSync(join(cwd, 'hmi-draft.docx'), renderDocx(draftDocument()));
    // Word writes one line a paragraph; mammoth's text runs an address's lines together, as Word's does.
    const words = (await readLetterText(join(cwd, 'hmi-draft.docx'))).split(/\n\n/).join('\r\n');
    writeFileSync(join(cwd, 'hmi-draft.txt'), words);
    const run = await finalise({ cwd, draft: 'hmi-draft.txt', extra: ['--format', 'docx'] });
    expect(run.code, run.io.err).toBe(0);
    expect(run.io.out).toContain(`Changes to the HMI’s draft:\n${summary}`);
    expect(run.io.out).not.toMatch(/^(Opening|Requires improvement[^\n]*): /m);
    const changes = revisions(await documentXml(join(run.out, `${stem}-redline.docx`)));
    expect(changes.filter((c) => c.kind === 'ins').map((c) => c.text)).toEqual(expectedInsertions);
    expect(changes.filter((c) => c.kind === 'del').map((c) => c.text)).toEqual(expectedDeletions);
  });

  it('reads a Markdown draft (the preview) as paragraphs and finds the same edits', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    writeFileSync(join(cwd, 'hmi-draft.md'), renderMarkdown(draftDocument()));
    const run = await finalise({ cwd, draft: 'hmi-draft.md', extra: ['--format', 'md'] });
    expect(run.code).toBe(0);
    const changes = revisions(await documentXml(join(run.out, `${stem}-redline.docx`)));
    expect(changes.filter((c) => c.kind === 'del').map((c) => c.text)).toEqual(expectedDeletions);
    expect(run.io.out).toContain(summary);
  });
});

describe('monitoring-letter finalise refuses what cannot be final', () => {
  it('para 16: a form with gaps is refused with its diagnostics, and nothing is written', async () => {
    const { code, io, out } = await finalise({ form: withGaps });
    expect(code).toBe(1);
    expect(io.err).toMatch(/isp-final-with-gaps\.yaml(:\d+:\d+)?:? .*error/);
    expect(io.err).toContain('governance');
    expect(io.err).toContain('a final letter cannot be made until the errors above are put right');
    expect(existsSync(out)).toBe(false);
  });

  it('asks for --by when the environment names no user (exit 2)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    const io = fakeIo(cwd);
    expect(await main(['finalise', ispFinal, '--draft', hmiDraft], io)).toBe(2);
    expect(io.err).toContain('--by NAME');
  });

  it('takes the finaliser from USER when --by is not given', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    const io = fakeIo(cwd, { env: { USER: 'pkowalska' }, now: '2014-03-20T09:00:00Z' });
    expect(await main(['finalise', ispFinal, '--draft', hmiDraft, '--format', 'json'], io)).toBe(0);
    expect(io.out).toContain('Finalised version 1 by pkowalska on 20 March 2014');
  });

  it('refuses a draft form for another visit', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'finalise-'));
    const other = join(repoRoot, 'fixtures/forms/community-primary.yaml');
    const run = await finalise({ cwd, draft: other });
    expect(run.code).toBe(1);
    expect(run.io.err).toMatch(/is the draft for URN \d+, visit [\d-]+, but .* is for URN 121190/);
  });
});

describe('para 17: the final version within 10 working days of the end of the visit', () => {
  it('warns how many working days late a finalisation is, and still finalises', async () => {
    // Visit 12 March 2014; 10 working days later is 26 March; 31 March is 3 working days after that.
    const run = await finalise({ extra: ['--date', '2014-03-31', '--format', 'md'], now: '2014-03-31T09:00:00Z' });
    expect(run.code).toBe(0);
    expect(run.io.err).toContain('due by 26 March 2014');
    expect(run.io.err).toContain('3 working days late');
  });

  it('says nothing on the deadline day itself', async () => {
    const run = await finalise({ extra: ['--date', '2014-03-26', '--format', 'md'], now: '2014-03-26T09:00:00Z' });
    expect(run.code).toBe(0);
    expect(run.io.err).toBe('');
  });

  it('rejects a --date that is not a date (exit 2)', async () => {
    const run = await finalise({ extra: ['--date', '2014-02-30'] });
    expect(run.code).toBe(2);
    expect(run.io.err).toContain('--date 2014-02-30');
  });
});
