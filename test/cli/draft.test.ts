import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo as sharedFakeIo } from '../support/fake-io.js';

const forms = new URL('../../fixtures/forms/', import.meta.url).pathname;
const example = join(forms, 'example.yaml');

const fakeIo = (cwd: string) => sharedFakeIo(cwd);

const temp = (): string => mkdtempSync(join(tmpdir(), 'draft-cli-'));

describe('monitoring-letter draft', () => {
  it('writes <URN>-<visit date>-draft.<ext> into output/ by default, leaving no temporary files', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--format', 'md,html,json'], io)).toBe(0);
    expect(readdirSync(join(cwd, 'output')).sort()).toEqual([
      '121190-2014-03-12-draft.html',
      '121190-2014-03-12-draft.json',
      '121190-2014-03-12-draft.md',
      '121190-2014-03-12.history.jsonl',
    ]);
    expect(io.out).toContain('Wrote output/121190-2014-03-12-draft.md');
    // The letter's history records the draft, so `status` shows it as drafted.
    const history = readFileSync(join(cwd, 'output', '121190-2014-03-12.history.jsonl'), 'utf8');
    expect(JSON.parse(history.trim()) as { stage: string }).toMatchObject({ stage: 'drafted' });
    const json = JSON.parse(readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.json'), 'utf8')) as {
      letter: { school: { urn: string } };
      recipients: { copies: { role: string }[] };
      deadlines: { id: string }[];
      meta: { templateHash: string };
    };
    expect(json.letter.school.urn).toBe('121190');
    expect(json.recipients.copies.map((c) => c.role)).toContain('diocese');
    expect(json.deadlines.map((d) => d.id)).toContain('final-letter');
    expect(json.meta.templateHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to overwrite a final letter without --force, and replaces it with --force', async () => {
    const cwd = temp();
    const args = ['draft', example, '--out', 'letters', '--format', 'md', '--final'];
    expect(await main(args, fakeIo(cwd))).toBe(0);
    const file = join(cwd, 'letters', '121190-2014-03-12-final.md');
    writeFileSync(file, 'signed copy');
    const io = fakeIo(cwd);
    expect(await main(args, io)).toBe(1);
    expect(io.err).toMatch(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('signed copy');
    expect(await main([...args, '--force'], fakeIo(cwd))).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Requires improvement: monitoring inspection visit');
    expect(readdirSync(join(cwd, 'letters')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('drafts overwrite drafts', async () => {
    const cwd = temp();
    expect(await main(['draft', example, '--format', 'md'], fakeIo(cwd))).toBe(0);
    expect(await main(['draft', example, '--format', 'md'], fakeIo(cwd))).toBe(0);
  });

  it('para 16: a draft renders despite gaps, with markers; --final refuses and writes nothing', async () => {
    const cwd = temp();
    const gappy = join(forms, 'draft-during-visit.yaml');
    const io = fakeIo(cwd);
    expect(await main(['draft', gappy, '--format', 'md'], io)).toBe(0);
    const name = readdirSync(join(cwd, 'output')).find((f) => f.endsWith('.md'));
    expect(readFileSync(join(cwd, 'output', name ?? ''), 'utf8')).toContain('«external support: not yet written»');
    const finalCwd = temp();
    const finalIo = fakeIo(finalCwd);
    expect(await main(['draft', gappy, '--final'], finalIo)).toBe(1);
    expect(finalIo.err).toMatch(/draft-during-visit\.yaml:\d+:\d+ error .*external support/);
    expect(existsSync(join(finalCwd, 'output'))).toBe(false);
  });

  it('exits 1 with diagnostics when the form is invalid', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'bad.yaml'), readFileSync(example, 'utf8').replace('urn: 121190', 'urn: 12'));
    const io = fakeIo(cwd);
    expect(await main(['draft', 'bad.yaml'], io)).toBe(1);
    expect(io.err).toMatch(/bad\.yaml:\d+:\d+ error .*URN/);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('exits 2 for an unknown format or a missing templates folder', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--format', 'md,odt'], io)).toBe(2);
    expect(io.err).toContain('--format odt: expected one or more of docx, pdf, md, html, json');
    expect(await main(['draft', example, '--templates', 'nowhere'], fakeIo(cwd))).toBe(2);
  });

  it('--templates: a template asking for a field the model lacks is reported before anything is written', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'isp'));
    writeFileSync(join(cwd, 'isp', 'reference.hbs'), 'Our reference: {{school.reference}}\n');
    const io = fakeIo(cwd);
    expect(await main(['draft', example, '--templates', 'isp', '--format', 'md'], io)).toBe(1);
    expect(io.err).toMatch(/isp\/reference\.hbs:1:\d+ error .*"school\.reference"/);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('--templates: an ISP’s own wording is used', async () => {
    const cwd = temp();
    cpSync(new URL('../../templates/letter/', import.meta.url).pathname, join(cwd, 'isp'), { recursive: true });
    writeFileSync(join(cwd, 'isp', 'reference.hbs'), 'URN {{school.urn}}\n');
    expect(await main(['draft', example, '--templates', 'isp', '--format', 'md'], fakeIo(cwd))).toBe(0);
    const md = readFileSync(join(cwd, 'output', '121190-2014-03-12-draft.md'), 'utf8');
    expect(md).toContain('\n\nURN 121190\n\n');
    expect(md).not.toContain('Unique reference number');
  });
});

describe('monitoring-letter example', () => {
  it('drafts the bundled example in every format with its copy list and deadlines', async () => {
    const cwd = temp();
    const io = fakeIo(cwd);
    expect(await main(['example'], io)).toBe(0);
    const files = readdirSync(join(cwd, 'output'));
    for (const ext of ['md', 'html', 'json']) expect(files).toContain(`121190-2014-03-12-draft.${ext}`);
    expect(files).toEqual(
      expect.arrayContaining([
        '121190-2014-03-12-recipients.txt',
        '121190-2014-03-12-deadlines.txt',
        '121190-2014-03-12-deadlines.ics',
      ]),
    );
    expect(readFileSync(join(cwd, 'output', '121190-2014-03-12-recipients.txt'), 'utf8')).toContain(
      'the Diocese of Norwich',
    );
    expect(io.out).toContain('Wrote output/121190-2014-03-12-recipients.txt');
  });
});
