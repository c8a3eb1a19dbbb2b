/**
 * `serve FOLDER` over HTTP: the queue is `status`'s, finalising and sending
 * go through the workflow (finaliseLetter, runSend and its journal), and the
 * LA check reads the upload in memory, leaving the folder as it was.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { statusReport } from '../../src/workflow/status-report.js';
import { runSend } from '../../src/workflow/send.js';
import { fixture, snapshot, startFolderWorkspace, type FolderWorkspace } from './folder-workspace.js';
import { post, raw } from './workspace.js';

const stMarys = '121190-2014-03-12';
let ws: FolderWorkspace | undefined;
afterEach(async () => {
  await ws?.server.close();
  ws = undefined;
});

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
const get = async (path: string) => raw(ws!.server.port, { path });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const finaliseFields = { final: '1', draft: '0', by: 'A. Officer', day: '20', month: '3', year: '2014' };
async function finalise(action: 'compare' | 'finalise', fields: Record<string, string> = finaliseFields) {
  const response = await post(ws!.server.port, `/api/letters/${stMarys}/finalise`, { action, ...fields });
  expect(response.status, response.body).toBe(200);
  return (JSON.parse(response.body) as { html: string }).html;
}

async function sendAndWait(mode = 'send') {
  const response = await post(ws!.server.port, `/api/letters/${stMarys}/send`, { mode });
  expect(response.status, response.body).toBe(200);
  let html = '';
  await eventually(async () => {
    html = (JSON.parse((await get(`/api/letters/${stMarys}/send`)).body) as { html: string }).html;
    return html.includes('data-poll');
  }).toBe(false);
  return html;
}

describe('serve FOLDER: the queue', () => {
  it('lists every letter as status decides it: the same rows, in the same order, with stage and next deadline', async () => {
    ws = await startFolderWorkspace();
    const page = await get('/');
    expect(page.status).toBe(200);
    const rows = await statusReport(
      ['community-primary.yaml', 'hmi-draft.yaml', 'isp-final.yaml'].map((n) => ({ path: join(ws!.dir, n), shown: n })),
      { outDir: ws.folder.out, today: '2014-03-14', holidays: englandBankHolidays() },
    );
    const shown = [...page.body.matchAll(/<a class="govuk-link" href="\/letters\/([^"]+)">([^<]+)<\/a>/g)].map(
      (m) => m[2],
    );
    expect(shown).toEqual(rows.map((r) => r.school?.replace(/’/g, '’')));
    expect(rows.map((r) => r.queueStage)).toEqual(['draft', 'draft']);
    // The two forms of one visit are one letter.
    expect(text(page.body)).toContain('hmi-draft.yaml, isp-final.yaml');
    expect(text(page.body)).toContain('2 letters, 0 overdue');
    expect(text(page.body)).toContain('17 March 2014');
  });

  it('a form that is not valid is incomplete, named by its file; an unknown letter id is 404', async () => {
    ws = await startFolderWorkspace();
    const { writeFileSync } = await import('node:fs');
    const path = join(ws.dir, 'community-primary.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/^ {2}teachingAndLearning:.*$/m, '  teachingAndLearning: ""'),
    );
    expect(text((await get('/')).body)).toMatch(
      /community-primary\.yaml the form is not valid: run `monitoring-letter validate` Incomplete None/,
    );
    expect((await get('/letters/999999-2014-01-01')).status).toBe(404);
  });
});

describe('serve FOLDER: opening a letter', () => {
  it('opens a form in the same drafting page as serve FORM, whose draft goes into the folder’s output folder', async () => {
    ws = await startFolderWorkspace();
    const opened = await post(ws.server.port, `/api/letters/${stMarys}/open`, { form: '1' });
    expect(opened.status, opened.body).toBe(200);
    const url = new URL((JSON.parse(opened.body) as { url: string }).url);
    expect(url.hostname).toBe('127.0.0.1');
    const port = Number(url.port);
    const state = JSON.parse((await raw(port, { path: '/api/state' })).body) as { file: string; version: string };
    expect(state.file).toBe(join('letters', 'isp-final.yaml'));
    const drafted = await post(port, '/api/draft', { base: state.version });
    expect(drafted.status, drafted.body).toBe(200);
    expect(readdirSync(ws.folder.out)).toContain(`${stMarys}-draft.pdf`);
    // Asked again, the same page.
    const again = await post(ws.server.port, `/api/letters/${stMarys}/open`, { form: '1' });
    expect((JSON.parse(again.body) as { url: string }).url).toBe(url.href);
  });
});

describe('serve FOLDER: finalising', () => {
  it('compares first and writes nothing; then finalises, shows the same sections as the changes file and offers the downloads', async () => {
    ws = await startFolderWorkspace();
    const compared = await finalise('compare');
    expect(text(compared)).toContain(
      'Nothing is written yet. Finalising makes version 1, by A. Officer, dated 20 March 2014',
    );
    expect(existsSync(ws.folder.out)).toBe(false);

    const done = await finalise('finalise');
    expect(text(done)).toContain('Letter finalised Version 1, by A. Officer, dated 20 March 2014');
    const changes = readFileSync(join(ws.folder.out, `${stMarys}-changes.txt`), 'utf8');
    const sections = [...done.matchAll(/<h4 class="govuk-heading-s">([^<]+?) <strong/g)].map((m) => m[1]!.trim());
    expect(sections.length).toBeGreaterThan(0);
    expect(changes.trim().split('\n').slice(3)).toEqual(sections.map((s) => `${s}: changed`));
    // The ISP's added sentence is shown in the final letter's column, not the draft's.
    expect(done).toContain('Two teaching assistants have been appointed to support reading.');

    for (const [kind, magic] of [
      ['final.pdf', '%PDF'],
      ['final.docx', 'PK'],
      ['redline.docx', 'PK'],
    ] as const) {
      expect(done).toContain(`/letters/${stMarys}/download/${kind}`);
      const file = await get(`/letters/${stMarys}/download/${kind}`);
      expect(file.status).toBe(200);
      expect(file.body.startsWith(magic)).toBe(true);
      expect(file.headers['content-disposition']).toBe(`attachment; filename="${stMarys}-${kind}"`);
    }
    expect(text((await get('/')).body)).toContain('Final');
    // Finalising again without asking for a new version is refused, and says how.
    const refused = text(await finalise('finalise'));
    expect(refused).toContain('The letter was not finalised');
    expect(refused).toContain('tick “Finalise again as a new version” to make version 2');
    expect(refused).not.toContain('--force');
    // Ticked: version 2.
    expect(text(await finalise('finalise', { ...finaliseFields, again: 'yes' }))).toContain('Version 2, by A. Officer');
  });

  it('offers today in London as the date of the final letter, also in the hour after midnight in summer', async () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    ws = await startFolderWorkspace({ now: '2014-06-30T23:30:00Z' });
    const html = (await get(`/letters/${stMarys}`)).body;
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
    expect([value('day'), value('month'), value('year')]).toEqual(['1', '7', '2014']);
  });

  it('names each wrong field in the error summary and beside the field, and writes nothing', async () => {
    ws = await startFolderWorkspace();
    const html = await finalise('finalise', { final: '', draft: '0', by: ' ', day: '31', month: '2', year: '2014' });
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#final-choice">Choose the ISP’s final form</a>');
    expect(html).toContain('<a href="#by">Enter the name of who is finalising the letter</a>');
    expect(html).toContain('<a href="#on-day">Date of the final letter must be a real date');
    expect(html).toContain('id="by-error"');
    expect(existsSync(ws.folder.out)).toBe(false);
  });
});

describe('serve FOLDER: sending', () => {
  it('shows every message exactly as send --dry-run plans it, sends each once whatever is clicked, and says so', async () => {
    ws = await startFolderWorkspace();
    await finalise('finalise');
    const dryRun = await runSend({
      kind: 'letter',
      forms: ['isp-final.yaml'],
      cwd: ws.dir,
      letterDir: ws.folder.out,
      contacts: ws.folder.contacts,
      env: {},
      dryRun: true,
      resume: false,
      retryFailed: false,
      now: () => new Date(),
    });
    if (dryRun.status !== 'dry-run') throw new Error(JSON.stringify(dryRun));
    const letterPage = (await get(`/letters/${stMarys}`)).body;
    const planned = dryRun.planned.map((p) => p.message.to.map((t) => t.email).join(''));
    const shown = [...letterPage.matchAll(/<span class="govuk-body-s">([^<@]+@[^<]+)<\/span>/g)].map((m) => m[1]);
    expect(shown).toEqual(planned);
    expect(text(letterPage)).toContain(`Send ${planned.length} messages`);
    expect(text(letterPage)).toContain('diocese: voluntary aided school');

    // Three clicks at once: one send runs; the journal and its lock decide the rest.
    await Promise.all([1, 2, 3].map(() => post(ws!.server.port, `/api/letters/${stMarys}/send`, { mode: 'send' })));
    const done = await sendAndWait();
    expect(text(done)).toContain(`${planned.length} of ${planned.length} sent.`);
    const outbox = join(ws.folder.out, 'outbox');
    expect(readdirSync(outbox)).toHaveLength(planned.length);
    // Sending again (a reload, another tab) sends nothing more.
    await sendAndWait();
    expect(readdirSync(outbox)).toHaveLength(planned.length);
    const journal = readFileSync(join(ws.folder.out, 'send-journal.jsonl'), 'utf8');
    expect(journal.match(/"type":"sent"/g)).toHaveLength(planned.length);
    expect(text((await get('/')).body)).toMatch(
      /St Mary’s Church of England Voluntary Aided Primary School 121190 Sent/,
    );
  });

  it('before finalising, says only the final letter is sent', async () => {
    ws = await startFolderWorkspace();
    expect(text((await get(`/letters/${stMarys}`)).body)).toContain('Finalise the letter first');
  });
});

describe('serve FOLDER: the LA copy-list check', () => {
  const upload = (file: string, extra: Record<string, string>) => ({
    letterName: basename(file),
    letterContent: readFileSync(file).toString('base64'),
    ...extra,
  });

  it('reports each body missing with its para 17 reason, reading the upload in memory: the folder is unchanged', async () => {
    ws = await startFolderWorkspace({ register: fixture('register', 'gias-extract.csv') });
    const before = snapshot(ws.dir);
    const response = await post(
      ws.server.port,
      '/api/check',
      upload(fixture('letters', 'st-marys-diocese-missing.txt'), { school: 'urn', urn: '121190' }),
    );
    expect(response.status, response.body).toBe(200);
    const html = text((JSON.parse(response.body) as { html: string }).html);
    expect(html).toContain('School checked St Mary’s Church of England Voluntary Aided Primary School (URN 121190)');
    expect(html).toMatch(
      /Missing diocese: the Diocese of Norwich voluntary aided school: the diocese is copied \(para 17\)/,
    );
    expect(snapshot(ws.dir)).toEqual(before);
  });

  it('reads a PDF and a DOCX letter as well as text: the final letter the workspace wrote is copied as para 17 requires', async () => {
    ws = await startFolderWorkspace();
    await finalise('finalise');
    for (const kind of ['final.pdf', 'final.docx']) {
      const file = join(ws.folder.out, `${stMarys}-${kind}`);
      const response = await post(ws.server.port, '/api/check', upload(file, { school: 'form', letter: stMarys }));
      expect(response.status, kind).toBe(200);
      const html = text((JSON.parse(response.body) as { html: string }).html);
      expect(html, kind).toMatch(/Result Copied as para 17 requires/);
      expect(html, kind).not.toMatch(/Missing|Extra|Not recognised|difference/);
    }
  });

  it('takes the school from a form in the folder; says plainly when the letter has no copy sentence', async () => {
    ws = await startFolderWorkspace();
    const ok = await post(
      ws.server.port,
      '/api/check',
      upload(fixture('letters', 'st-marys-copied-correctly.txt'), { school: 'form', letter: stMarys }),
    );
    expect(text((JSON.parse(ok.body) as { html: string }).html)).toContain('Copied as para 17 requires');
    const none = await post(
      ws.server.port,
      '/api/check',
      upload(fixture('letters', 'no-copy-sentence.txt'), { school: 'form', letter: stMarys }),
    );
    expect(text((JSON.parse(none.body) as { html: string }).html)).toContain('The letter could not be checked');
  });

  it('names the missing choices against their fields; a body the page never sends is refused by its schema', async () => {
    ws = await startFolderWorkspace();
    const empty = await post(ws.server.port, '/api/check', { letterName: '', letterContent: '' });
    const html = (JSON.parse(empty.body) as { html: string }).html;
    expect(html).toContain('<a href="#letter">Choose the letter you received</a>');
    expect(html).toContain('<a href="#school-choice">');
    const extra = await post(ws.server.port, '/api/check', {
      letterName: 'a.txt',
      letterContent: '',
      path: '/etc/passwd',
    });
    expect(extra.status).toBe(400);
    const badMode = await post(ws.server.port, `/api/letters/${stMarys}/send`, { mode: 'twice' });
    expect(badMode.status).toBe(400);
    expect(badMode.body).toContain('mode');
  });
});
