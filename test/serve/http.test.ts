import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { versionOf } from '../../src/workflow/form-file.js';
import { prepareContext } from '../../src/workflow/context.js';
import { prepareLetterService } from '../../src/workflow/page.js';
import { startServer } from '../../src/serve/server.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';
import { snapshot, startFolderWorkspace, type FolderWorkspace } from './folder-workspace.js';
import { post, raw, startWorkspace, type Workspace } from './workspace.js';

interface State {
  version: string;
  text: string;
  data: Record<string, unknown> | null;
  check: {
    diagnostics: { severity: string; path: (string | number)[]; paragraph?: string; line?: number; rule: string }[];
    html?: string;
    recipients?: { copies: { role: string }[] };
    deadlines: { id: string }[];
  };
}

let ws: Workspace;
let port: number;

beforeAll(async () => {
  ws = await startWorkspace();
  port = ws.server.port;
});
afterAll(async () => {
  await ws.server.close();
});

const state = async (): Promise<State> => JSON.parse((await raw(port, { path: '/api/state' })).body) as State;

describe('serve: who may talk to the server', () => {
  it('listens on 127.0.0.1 and serves the page with a strict content security policy', async () => {
    expect(ws.server.url).toBe(`http://127.0.0.1:${port}/`);
    const page = await raw(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const viaLocalhost = await raw(port, { path: '/', headers: { host: `localhost:${port}` } });
    expect(viaLocalhost.status).toBe(200);
  });

  it.each([
    ['a DNS-rebinding name', 'attacker.example'],
    ['the right name on another port', `127.0.0.1:${1}`],
    ['a rebinding name with the port', 'evil.example:PORT'],
  ])('refuses a request whose Host is %s with 403 (DNS rebinding)', async (_what, host) => {
    for (const path of ['/', '/api/state', '/app.js']) {
      const response = await raw(port, { path, headers: { host: host.replace('PORT', String(port)) } });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('school:');
      expect(response.body).toContain(`http://127.0.0.1:${port}/`);
    }
  });

  it('refuses an HTTP/1.0 request that names no host', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /api/state HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 403/);
    expect(answer).not.toContain('school:');
  });

  it('refuses a state-changing request from another origin, or with none, with 403 (CSRF), and changes nothing', async () => {
    const before = readFileSync(ws.form, 'utf8');
    const { version } = await state();
    const body = JSON.stringify({ base: version, text: 'school: {}\n' });
    for (const origin of ['http://attacker.example', `http://localhost:${port + 1}`, 'null', undefined]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (origin !== undefined) headers.origin = origin;
      const response = await raw(port, { method: 'POST', path: '/api/save', headers, body });
      expect(response.status).toBe(403);
    }
    // A page on another site may send a "simple" cross-site form post: refused too.
    const formPost = await raw(port, {
      method: 'POST',
      path: '/api/save',
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' },
      body,
    });
    expect(formPost.status).toBe(403);
    expect(readFileSync(ws.form, 'utf8')).toBe(before);
  });

  it('never serves a file named by the request: traversal finds nothing', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/app.js/../../package.json',
      '/assets/serve/app.js',
      '/visit.yaml',
      '/api/../visit.yaml',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '//etc/passwd',
      '/api/state/../../visit.yaml',
    ]) {
      const response = await raw(port, { path });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('monitoring-letter');
      expect(response.body).not.toContain('root:');
    }
  });
});

describe('serve: the form on disk', () => {
  it('gives the text, its version, the data for the fields and the same checks as draft', async () => {
    const s = await state();
    expect(s.text).toBe(readFileSync(ws.form, 'utf8'));
    expect(s.version).toBe(versionOf(s.text));
    expect((s.data?.school as { urn: number }).urn).toBe(121190);
    expect(s.check.html).toContain('<html lang="en-GB">');
    expect(s.check.recipients?.copies.map((c) => c.role)).toContain('diocese');
    expect(s.check.deadlines.map((d) => d.id)).toContain('letter-to-isp');
  });

  it('previews exactly the HTML that draft writes', async () => {
    const s = await state();
    const io = fakeIo(ws.dir);
    expect(await main(['draft', ws.form, '--format', 'html', '--out', 'html-preview'], io)).toBe(0);
    expect(s.check.html).toBe(readFileSync(join(ws.dir, 'html-preview', '121190-2014-03-12-draft.html'), 'utf8'));
  });

  it('saves the text as typed, atomically, and reports its diagnostics with paths and paragraphs', async () => {
    const s = await state();
    const text = s.text.replace(/^ {2}teachingAndLearning: .*\n/m, '');
    const response = await post(port, '/api/save', { base: s.version, text });
    expect(response.status).toBe(200);
    const saved = JSON.parse(response.body) as State;
    expect(readFileSync(ws.form, 'utf8')).toBe(text);
    expect(saved.version).toBe(versionOf(text));
    const missing = saved.check.diagnostics.find((d) => d.path.join('.') === 'findings.teachingAndLearning');
    expect(missing).toMatchObject({ paragraph: '16' });
    expect(missing?.line).toBeGreaterThan(0);
    expect(readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Put it back for the other tests.
    await post(port, '/api/save', { base: saved.version, text: s.text });
  });

  it('refuses a save from a page that is behind (another tab saved since), never overwriting', async () => {
    const s = await state();
    const first = await post(port, '/api/save', { base: s.version, text: `${s.text}# first tab\n` });
    expect(first.status).toBe(200);
    const stale = await post(port, '/api/save', { base: s.version, text: `${s.text}# second tab\n` });
    expect(stale.status).toBe(409);
    expect((JSON.parse(stale.body) as { error: string }).error).toMatch(/changed since this page loaded it/);
    expect(readFileSync(ws.form, 'utf8')).toBe(`${s.text}# first tab\n`);
    // An editor changing the file is caught the same way.
    writeFileSync(ws.form, `${s.text}# an editor\n`);
    const behind = await post(port, '/api/save', {
      base: (JSON.parse(first.body) as State).version,
      text: `${s.text}# page\n`,
    });
    expect(behind.status).toBe(409);
    expect(readFileSync(ws.form, 'utf8')).toBe(`${s.text}# an editor\n`);
    writeFileSync(ws.form, s.text);
  });

  it('applies a field edit to the YAML, keeping its comments, and returns the new text', async () => {
    const s = await state();
    const response = await post(port, '/api/edit', {
      base: s.version,
      edits: [{ path: ['findings', 'leadership'], value: 'Leaders act quickly.\n\nGovernors check more.' }],
    });
    expect(response.status).toBe(200);
    const edited = JSON.parse(response.body) as State;
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toBe(edited.text);
    expect(onDisk).toContain('# The bundled example: a Church of England voluntary aided primary school');
    expect(onDisk).toContain('  leadership: |-\n    Leaders act quickly.\n\n    Governors check more.\n');
    expect((edited.data?.findings as { leadership: string }).leadership).toBe(
      'Leaders act quickly.\n\nGovernors check more.',
    );
    writeFileSync(ws.form, s.text);
  });

  it('refuses field edits while the YAML text does not parse, saying so (422)', async () => {
    const s = await state();
    const broken = `${s.text}school: [unclosed\n`;
    const saved = JSON.parse((await post(port, '/api/save', { base: s.version, text: broken })).body) as State;
    expect(saved.data).toBeNull();
    expect(saved.check.diagnostics[0]?.rule).toMatch(/^yaml\//);
    const edit = await post(port, '/api/edit', { base: saved.version, edits: [{ path: ['context'], value: 'x' }] });
    expect(edit.status).toBe(422);
    expect((JSON.parse(edit.body) as { error: string }).error).toMatch(/YAML text has an error/);
    expect(readFileSync(ws.form, 'utf8')).toBe(broken);
    writeFileSync(ws.form, s.text);
  });

  it('answers malformed requests with 400, not a crash', async () => {
    const s = await state();
    const bad = [
      { path: '/api/save', body: 'not json' },
      { path: '/api/save', body: JSON.stringify([1, 2]) },
      { path: '/api/save', body: JSON.stringify({ base: s.version }) },
      { path: '/api/edit', body: JSON.stringify({ base: s.version, edits: 'x' }) },
      { path: '/api/edit', body: JSON.stringify({ base: s.version, edits: [{ value: 1 }] }), names: 'edits.0.path' },
      { path: '/api/edit', body: JSON.stringify({ base: 7, edits: [] }), names: 'base' },
      { path: '/api/save', body: JSON.stringify({ base: s.version, text: 'x: 1', force: true }), names: 'force' },
      { path: '/api/draft', body: JSON.stringify({}), names: 'base' },
    ];
    for (const { path, body, names } of bad) {
      const response = await raw(port, {
        method: 'POST',
        path,
        headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
        body,
      });
      expect(response.status, body).toBe(400);
      // The schema of each route's body decides, and its answer names the field it refused.
      if (names) expect((JSON.parse(response.body) as { error: string }).error, body).toContain(names);
    }
    const nowhere = await post(port, '/api/edit', { base: s.version, edits: [{ path: [], value: 'x' }] });
    expect(nowhere.status).toBe(200);
    expect((JSON.parse(nowhere.body) as { refused: { message: string }[] }).refused[0]?.message).toMatch(
      /names no field/,
    );
    expect(readFileSync(ws.form, 'utf8')).toBe(s.text);
  });

  it('makes every edit it can: one refused edit never discards the others', async () => {
    const s = await state();
    const response = await post(port, '/api/edit', {
      base: s.version,
      edits: [
        { path: ['findings', 'teachingAndLearning'], value: 'Typed just before the click.' },
        { path: ['visit', 'focus'], value: [''] },
        { path: ['findings', 'barriers'], value: { not: 'a value a field gives' } },
      ],
    });
    expect(response.status).toBe(200);
    const answer = JSON.parse(response.body) as State & { refused: { path: unknown[] }[] };
    expect(answer.refused.map((r) => r.path)).toEqual([['findings', 'barriers']]);
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('teachingAndLearning: Typed just before the click.');
    expect((answer.data?.visit as { focus: unknown }).focus).toEqual(['']);
    writeFileSync(ws.form, s.text);
  });

  it('merges the edits of a page that is behind field by field, and reports where both changed', async () => {
    const s = await state();
    const data = s.data as { findings: { leadership: string; governance: string; barriers?: string } };
    // Another editor changes governance and leadership on disk…
    const theirs = s.text
      .replace(data.findings.governance, 'Governors changed this in an editor.')
      .replace(data.findings.leadership, 'Leadership changed in an editor.');
    writeFileSync(ws.form, theirs);
    // …while the page, behind, changed leadership and barriers.
    const response = await post(port, '/api/edit', {
      base: s.version,
      edits: [
        {
          path: ['findings', 'leadership'],
          value: 'Leadership as typed on the page.',
          was: { value: data.findings.leadership },
        },
        {
          path: ['findings', 'barriers'],
          value: 'Barriers typed on the page.',
          was: { value: data.findings.barriers },
        },
      ],
    });
    expect(response.status).toBe(200);
    const answer = JSON.parse(response.body) as State & {
      conflicts: { path: unknown[]; mine: unknown; theirs: unknown }[];
    };
    expect(answer.conflicts).toEqual([
      {
        path: ['findings', 'leadership'],
        mine: 'Leadership as typed on the page.',
        theirs: 'Leadership changed in an editor.',
      },
    ]);
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('Governors changed this in an editor.');
    expect(onDisk).toContain('Leadership changed in an editor.');
    expect(onDisk).toContain('barriers: Barriers typed on the page.');
    writeFileSync(ws.form, s.text);
  });

  it('merges YAML text typed on a page that is behind, when it says what it started from', async () => {
    const s = await state();
    writeFileSync(ws.form, `${s.text}# an editor\n`);
    const mine = s.text.replace(/ {4}town: Norwich\n/, '    town: Wymondham\n');
    const response = await post(port, '/api/save', { base: s.version, baseText: s.text, text: mine });
    expect(response.status).toBe(200);
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('# an editor\n');
    expect(onDisk).toContain('    town: Wymondham\n');
    writeFileSync(ws.form, s.text);
  });
});

describe('serve: writing the draft', () => {
  it('writes the DOCX and PDF draft as draft does, and never touches a final letter', async () => {
    mkdirSync(ws.out, { recursive: true });
    const final = join(ws.out, '121190-2014-03-12-final.pdf');
    writeFileSync(final, 'the final letter');
    const s = await state();
    const response = await post(port, '/api/draft', { base: s.version });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.body) as { ok: boolean; written: string[] };
    expect(result.ok).toBe(true);
    expect(result.written).toEqual(['output/121190-2014-03-12-draft.docx', 'output/121190-2014-03-12-draft.pdf']);
    expect(readFileSync(join(ws.out, '121190-2014-03-12-draft.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(ws.out, '121190-2014-03-12.history.jsonl'))).toBe(true);
    expect(readFileSync(final, 'utf8')).toBe('the final letter');
  });

  it('refuses to draft from a page that is behind the file', async () => {
    const response = await post(port, '/api/draft', { base: 'an-old-version' });
    expect(response.status).toBe(409);
  });
});

describe('serve: ports', () => {
  it('falls back to a free port when the one asked for is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    const io = fakeIo(ws.dir);
    const server = await startServer({
      form: ws.form,
      formName: 'visit.yaml',
      out: ws.out,
      outName: 'output',
      port: busy,
      letters: prepareLetterService(prepareContext(io)),
      io,
    });
    try {
      expect(server.portWasBusy).toBe(true);
      expect(server.port).not.toBe(busy);
      expect((await raw(server.port, { path: '/' })).status).toBe(200);
    } finally {
      await server.close();
      blocker.close();
    }
  });
});

describe('monitoring-letter serve, as a user runs it', () => {
  it('starts a missing form from the example form, prints the address, serves the page and stops on Ctrl+C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-cli-'));
    const bin = join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
    const child = spawn(process.execPath, [bin, 'serve', 'new-visit.yaml', '--port', '0'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).toContain('Wrote new-visit.yaml, a commented example form to fill in');
      const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      const page = await raw(Number(url?.[1]), { path: '/api/state' });
      expect(page.status).toBe(200);
      expect((JSON.parse(page.body) as State).text).toBe(readFileSync(join(dir, 'new-visit.yaml'), 'utf8'));
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped.');
  });
});

describe('monitoring-letter serve FOLDER, as a user runs it', () => {
  it('opens the workspace on a folder of forms: the queue at the address printed, and Ctrl+C stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-folder-'));
    mkdirSync(join(dir, 'letters'));
    writeFileSync(
      join(dir, 'letters', 'visit.yaml'),
      readFileSync(join(repoRoot, 'fixtures', 'forms', 'example.yaml')),
    );
    const bin = join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
    const child = spawn(process.execPath, [bin, 'serve', 'letters', '--port', '0'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).toContain('Letters in letters:');
      const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      const queue = await raw(Number(url?.[1]), { path: '/' });
      expect(queue.status).toBe(200);
      expect(queue.body).toContain('St Mary’s Church of England Voluntary Aided Primary School');
      expect((await raw(Number(url?.[1]), { path: '/check' })).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped.');
  });
});

describe('monitoring-letter serve: usage mistakes', () => {
  it.each([
    [['serve', 'visit.yaml', '--port', 'eighty'], /--port eighty: expected a port number/],
    [['serve', 'visit.yaml', '--port', '70000'], /--port 70000/],
    [['serve', 'forms', '--register', 'nope.csv'], /--register nope\.csv: no such file/],
    [['serve', 'forms', '--contacts', 'nope.yaml'], /--contacts nope\.yaml: no such file/],
    [['serve', 'missing/visit.yaml'], /its folder missing does not exist/],
    [['serve', 'notes.txt'], /expected a form file ending .yaml, .yml or .json/],
  ])('%j is refused with exit 2 and a message saying what would be right', async (argv, message) => {
    const io = fakeIo(ws.dir);
    mkdirSync(join(ws.dir, 'forms'), { recursive: true });
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });
});

describe('serve FOLDER: who may talk to the workspace, and what it reads', () => {
  let folderWs: FolderWorkspace;
  beforeAll(async () => {
    folderWs = await startFolderWorkspace();
  });
  afterAll(async () => {
    await folderWs.server.close();
  });
  const letterId = '121190-2014-03-12';
  const pages = ['/', '/check', `/letters/${letterId}`, `/api/letters/${letterId}/send`, '/assets/workspace.js'];
  const changes: [string, unknown][] = [
    [
      `/api/letters/${letterId}/finalise`,
      { action: 'finalise', final: '1', draft: '0', by: 'X', day: '1', month: '4', year: '2014' },
    ],
    [`/api/letters/${letterId}/send`, { mode: 'send' }],
    [`/api/letters/${letterId}/open`, { form: '0' }],
    ['/api/check', { letterName: 'a.txt', letterContent: 'Y29weQ==', school: 'form', letter: letterId }],
  ];

  it('answers on 127.0.0.1 only to its own Host: every page and route refuses another with 403', async () => {
    const p = folderWs.server.port;
    expect(folderWs.server.url).toBe(`http://127.0.0.1:${p}/`);
    for (const path of pages) {
      expect((await raw(p, { path })).status, path).toBe(200);
      for (const host of ['attacker.example', `evil.example:${p}`, `127.0.0.1:${p + 1}`]) {
        const response = await raw(p, { path, headers: { host } });
        expect(response.status, `${path} ${host}`).toBe(403);
        expect(response.body).not.toContain('St Mary');
      }
    }
  });

  it('refuses every change from another origin, or none, or not JSON (403/415), and nothing is written', async () => {
    const p = folderWs.server.port;
    const before = snapshot(folderWs.dir);
    for (const [path, body] of changes) {
      for (const origin of ['http://attacker.example', `http://localhost:${p + 1}`, 'null', undefined]) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (origin !== undefined) headers.origin = origin;
        const response = await raw(p, { method: 'POST', path, headers, body: JSON.stringify(body) });
        expect(response.status, `${path} from ${origin}`).toBe(403);
      }
      const formPost = await raw(p, {
        method: 'POST',
        path,
        headers: { origin: `http://127.0.0.1:${p}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'mode=send',
      });
      expect(formPost.status, path).toBe(415);
    }
    expect(snapshot(folderWs.dir)).toEqual(before);
  });

  it('never serves or opens a file named by the request: traversal, ids and kinds outside the listing find nothing', async () => {
    const p = folderWs.server.port;
    for (const path of [
      '/../package.json',
      '/assets/../package.json',
      '/assets/fonts/../../package.json',
      '/assets/%2e%2e/package.json',
      '/contacts.yaml',
      '/isp-final.yaml',
      '/letters/..%2fisp-final.yaml',
      '/letters/../contacts.yaml',
      `/letters/${letterId}/download/..%2f..%2fcontacts.yaml`,
      `/letters/${letterId}/download/contacts.yaml`,
      `/letters/${letterId}/download/final.pdf`,
      '/letters/isp-final.yaml',
      '/letters/%2e%2e%2f%2e%2e%2fetc%2fpasswd/download/final.pdf',
      '/api/letters/../../contacts.yaml/send',
    ]) {
      const response = await raw(p, { path });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('sender:');
      expect(response.body).not.toContain('root:');
      expect(response.body).not.toContain('school:');
    }
    const outside = await post(p, `/api/letters/${letterId}/open`, { form: '../../etc/passwd' });
    expect(outside.status).toBe(400);
    const unlisted = await post(p, `/api/letters/${letterId}/open`, { form: '7' });
    expect(unlisted.status).toBe(400);
  });

  it('refuses an upload larger than it takes with 413, before reading it', async () => {
    const p = folderWs.server.port;
    const body = JSON.stringify({ letterName: 'a.txt', letterContent: 'A'.repeat(29_000_000) });
    const response = await raw(p, {
      method: 'POST',
      path: '/api/check',
      headers: { origin: `http://127.0.0.1:${p}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
  });
});
