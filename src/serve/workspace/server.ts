/**
 * The workspace's server, `serve FOLDER` (Node's http, no framework): the
 * ISP's queue and letter pages, the LA officer's copy-list check, and the
 * drafting page for any of the folder's forms. Loopback only, the Host
 * checked on every request and the Origin on every change (guard.ts). The
 * routes are a fixed list; a letter is named by the server's own id, a
 * file by a fixed kind or its place in a listing; the folder (and its
 * output folder) is the only place read or written. An uploaded letter is
 * read in memory and never stored.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import type { Io } from '../../ground/io.js';
import type { Holidays, PreparedTemplates } from '../../workflow/context.js';
import { packageRoot } from '../../ground/package-root.js';
import { guardIncoming } from '../guard.js';
import type { StaticAsset } from '../pages/govuk-assets.js';
import { shellAssets } from '../pages/layout.js';
import type { LetterService } from '../../workflow/page.js';
import { listenOnLoopback, type RunningServer } from '../server.js';
import {
  checkAction,
  checkValues,
  downloadPath,
  finaliseAction,
  finaliseView,
  SendJobs,
  type ActionContext,
} from './actions.js';
import { checkBody, finaliseBody, maxLetterBytes, openBody, sendBody } from './bodies.js';
import { HttpError, readBody, responder } from '../http.js';
import { checkPage } from './check-page.js';
import { draftingPages } from './drafting.js';
import { findLetter, listLetters, type ListedLetter, type WorkspaceFolder } from './folder.js';
import { letterPage } from './letter-page.js';
import { queuePage } from './queue-page.js';
import { workspaceCss, workspaceJs } from './html.js';

export interface WorkspaceOptions {
  folder: WorkspaceFolder;
  /** 0 for any free port; a busy port falls back to a free one. */
  port: number;
  letters: LetterService;
  templates: PreparedTemplates;
  holidays: Holidays;
  io: Io;
}

const send = responder({ letterFrame: false });

/** The files the pages use, by URL: the shared shell's (GOV.UK Frontend's CSS, script and fonts) and the workspace's own. */
function assetFiles(): Map<string, StaticAsset> {
  const own = join(packageRoot(), 'assets', 'workspace');
  return new Map<string, StaticAsset>([
    ...shellAssets(),
    [workspaceCss, { body: readFileSync(join(own, 'workspace.css')), type: 'text/css; charset=utf-8' }],
    [workspaceJs, { body: readFileSync(join(own, 'workspace.js')), type: 'text/javascript; charset=utf-8' }],
  ]);
}

const downloadTypes: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
};

/** A request body of at most `bytes`. */
const limit = (bytes: number) => ({
  bytes,
  tooLarge: `the request is too large: at most ${Math.floor(bytes / 1_000_000)} MB`,
});

/** A letter's id as the listing makes them; anything else is no letter. */
const idPattern = /^[A-Za-z0-9-]{1,80}$/;

export async function startWorkspaceServer(options: WorkspaceOptions): Promise<RunningServer> {
  const { folder, io } = options;
  const assets = assetFiles();
  const context: ActionContext = { folder, templates: options.templates, holidays: options.holidays, io };
  const jobs = new SendJobs(context);
  const drafting = draftingPages({
    out: folder.out,
    outName: folder.outName,
    letters: options.letters,
    io,
    queueUrl: () => `http://127.0.0.1:${port}/`,
  });
  const smallBody = limit(64_000);
  let port = 0;

  const letter = async (id: string): Promise<ListedLetter> => {
    const found = idPattern.test(id) ? await findLetter(folder, id, io.now(), options.holidays) : undefined;
    if (!found) throw new HttpError(404, 'no such letter in this folder');
    return found;
  };

  const checkView = async () => ({
    folderName: folder.name,
    ...(folder.register !== undefined ? { registerName: basename(folder.register) } : {}),
    letters: (await listLetters(folder, io.now(), options.holidays)).letters,
    values: { ...checkValues(), school: folder.register !== undefined ? 'urn' : 'form' },
    problems: [],
  });

  /** A page (GET): the HTML, or undefined when the path is no page. */
  async function pageFor(path: string): Promise<string | Buffer | undefined> {
    if (path === '/') {
      const { today, letters } = await listLetters(folder, io.now(), options.holidays);
      return queuePage(folder.name, today, letters);
    }
    if (path === '/check') return checkPage(await checkView());
    const match = /^\/letters\/([^/]+)$/.exec(path);
    if (match) {
      const found = await letter(match[1]!);
      return letterPage({
        folderName: folder.name,
        letter: found,
        finalise: finaliseView(context, found),
        send: (await jobs.view(found)).html,
      });
    }
    return undefined;
  }

  async function api(req: IncomingMessage, path: string): Promise<unknown> {
    const method = req.method ?? 'GET';
    const match = /^\/api\/letters\/([^/]+)\/(open|finalise|send)$/.exec(path);
    if (match) {
      const found = await letter(match[1]!);
      const action = match[2]!;
      if (action === 'send' && method === 'GET') return { html: (await jobs.view(found)).html.value };
      if (method !== 'POST') throw new HttpError(405, `${method} is not allowed here`);
      if (action === 'open') {
        const body = await readBody(req, openBody, smallBody);
        const form = found.forms[Number(body.form)];
        if (body.form === '' || !form) throw new HttpError(400, '"form": expected a number from the page’s own list');
        return { url: await drafting.open(form) };
      }
      if (action === 'finalise') {
        const body = await readBody(req, finaliseBody, smallBody);
        // The listing again after finalising: the downloads and the stage have changed.
        const html = await finaliseAction(context, found, body);
        return { html: html.value };
      }
      const body = await readBody(req, sendBody, smallBody);
      jobs.start(found, body.mode);
      const view = await jobs.view(found);
      return { html: view.html.value, running: view.running };
    }
    if (path === '/api/check') {
      if (method !== 'POST') throw new HttpError(405, `${method} is not allowed here`);
      const body = await readBody(req, checkBody, limit(Math.ceil(maxLetterBytes / 3) * 4 + smallBody.bytes));
      const html = await checkAction(context, (await listLetters(folder, io.now(), options.holidays)).letters, body);
      return { html: html.value };
    }
    throw new HttpError(404, 'no such page');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const guard = guardIncoming(req, port);
    if (!guard.ok) return send(res, guard.status, 'text/plain; charset=utf-8', `${guard.reason}\n`);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path.startsWith('/api/')) {
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await api(req, path)));
      }
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'not allowed');
      const asset = assets.get(path);
      if (asset) return send(res, 200, asset.type, asset.body);
      const download = /^\/letters\/([^/]+)\/download\/([a-z.]+)$/.exec(path);
      if (download) {
        const found = await letter(download[1]!);
        const file = downloadPath(folder, found, download[2]!);
        if (!file) throw new HttpError(404, 'this letter has no such file yet');
        const ext = file.split('.').at(-1) ?? '';
        return send(res, 200, downloadTypes[ext] ?? 'application/octet-stream', readFileSync(file), {
          'content-disposition': `attachment; filename="${basename(file)}"`,
        });
      }
      const body = await pageFor(path);
      if (body === undefined) throw new HttpError(404, 'not found');
      return send(res, 200, 'text/html; charset=utf-8', body);
    } catch (error) {
      const json = path.startsWith('/api/');
      const answer = (status: number, message: string) =>
        json
          ? send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }))
          : send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
      if (error instanceof HttpError) return answer(error.status, error.message);
      io.stderr(`monitoring-letter serve: internal error, please report it: ${(error as Error).stack}\n`);
      return answer(500, 'internal error (see the terminal), please report it');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      io.stderr(`monitoring-letter serve: ${(error as Error).message}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  const running = await listenOnLoopback(server, options.port, async () => {
    await jobs.settled();
    await drafting.close();
  });
  port = running.port;
  return running;
}
