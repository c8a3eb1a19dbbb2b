/**
 * The drafting page's server (Node's http, no framework): the page and its
 * script from assets/serve/, and a small JSON API over one form file and one
 * output folder. No path a client sends is ever used as a path: the routes
 * are a fixed list, and the only files touched are the form (read, saved
 * atomically) and the draft written into the output folder.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Io } from '../ground/io.js';
import { packageRoot } from '../ground/package-root.js';
import { formEditing, FormMovedOnError, YamlEditError } from '../workflow/form-edits.js';
import { FormTooLargeError, maxFormBytes } from '../workflow/form-file.js';
import { pageFormSchema } from '../workflow/page-form-schema.js';
import { draftBody, editBody, saveBody } from './bodies.js';
import { HttpError, readBody, responder } from './http.js';
import { guardIncoming } from './guard.js';
import type { LetterService } from '../workflow/page.js';
import { draftingPage, type BackLink } from './pages/drafting.js';
import type { StaticAsset } from './pages/govuk-assets.js';
import { shellAssets } from './pages/layout.js';

export interface ServeOptions {
  /** The form file, absolute. */
  form: string;
  /** The form as the user named it (shown on the page). */
  formName: string;
  /** The output folder, absolute, and as the user named it. */
  out: string;
  outName: string;
  /** 0 for any free port; a busy port falls back to a free one. */
  port: number;
  letters: LetterService;
  io: Io;
  /** A link back to the page this one was opened from (the workspace's queue). */
  back?: BackLink;
}

export interface RunningServer {
  url: string;
  port: number;
  /** True when the port asked for was busy and another was chosen. */
  portWasBusy: boolean;
  close(): Promise<void>;
}

/** The page's files, by the URL they are served at; nothing else is served from disk. */
const assets: Record<string, { file: string; type: string }> = {
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/fields.js': { file: 'fields.js', type: 'text/javascript; charset=utf-8' },
  '/field-names.js': { file: 'field-names.js', type: 'text/javascript; charset=utf-8' },
  '/date-fields.js': { file: 'date-fields.js', type: 'text/javascript; charset=utf-8' },
  '/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
  '/letter-panels.js': { file: 'letter-panels.js', type: 'text/javascript; charset=utf-8' },
  '/api.js': { file: 'api.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** The letter preview is HTML with its own inline style, shown in a sandboxed frame; no script runs in it. */
const send = responder({ letterFrame: true });

/** A request body is a form (at most maxFormBytes characters) in JSON, escapes and all. */
const bodyLimit = {
  bytes: maxFormBytes * 2 + 64_000,
  tooLarge: `the form is too large: at most ${maxFormBytes} characters`,
};

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = join(packageRoot(), 'assets', 'serve');
  const files = new Map<string, StaticAsset>([
    ...shellAssets(),
    [
      '/',
      { type: 'text/html; charset=utf-8', body: Buffer.from(draftingPage(options.formName, options.back), 'utf8') },
    ],
    ...Object.entries(assets).map(
      ([url, a]) => [url, { type: a.type, body: readFileSync(join(root, a.file)) }] as const,
    ),
  ]);
  const form = formEditing({ form: options.form, formName: options.formName, letters: options.letters });
  let port = 0;

  async function api(req: IncomingMessage, path: string): Promise<unknown> {
    if (req.method === 'GET' && path === '/api/schema') return pageFormSchema();
    if (req.method === 'GET' && path === '/api/state') {
      return { file: options.formName, out: options.outName, ...(await form.current()) };
    }
    const routes = ['/api/save', '/api/edit', '/api/draft'];
    if (!routes.includes(path)) throw new HttpError(404, 'no such page');
    if (req.method !== 'POST') throw new HttpError(405, `${req.method ?? ''} is not allowed here`);
    try {
      switch (path) {
        case '/api/save':
          return await form.saveText(await readBody(req, saveBody, bodyLimit));
        case '/api/edit':
          return await form.saveEdits(await readBody(req, editBody, bodyLimit));
        case '/api/draft': {
          form.assertCurrent((await readBody(req, draftBody, bodyLimit)).base);
          return await options.letters.writeDraft({ form: options.formName, out: options.out }, options.io);
        }
      }
    } catch (error) {
      if (error instanceof FormMovedOnError) throw new HttpError(409, error.message, { version: error.current });
      if (error instanceof YamlEditError) throw new HttpError(422, error.message);
      if (error instanceof FormTooLargeError) throw new HttpError(413, `the form is too large: ${error.message}`);
      throw error;
    }
    throw new HttpError(404, 'no such page');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const guard = guardIncoming(req, port);
    if (!guard.ok) return send(res, guard.status, 'text/plain; charset=utf-8', `${guard.reason}\n`);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      try {
        sendJson(res, 200, await api(req, path));
      } catch (error) {
        if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message, ...error.extra });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          return sendJson(res, 410, { error: `${options.formName} is no longer there: was it moved or deleted?` });
        }
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC') {
          return sendJson(res, 507, { error: `cannot save ${options.formName}: ${(error as Error).message}` });
        }
        options.io.stderr(`monitoring-letter serve: internal error, please report it: ${(error as Error).stack}\n`);
        return sendJson(res, 500, { error: 'internal error (see the terminal), please report it' });
      }
      return;
    }
    const asset = files.get(path);
    if (!asset) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'not allowed\n');
    send(res, 200, asset.type, asset.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.io.stderr(`monitoring-letter serve: ${(error as Error).message}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  const running = await listenOnLoopback(server, options.port);
  port = running.port;
  return running;
}

/**
 * Listens on 127.0.0.1 only, on `port`, or on a free port when that one is busy (0: any free port).
 * Closing waits for `beforeClose` (work still running), then drops every open connection.
 */
export async function listenOnLoopback(
  server: Server,
  port: number,
  beforeClose: () => Promise<void> = async () => {},
): Promise<RunningServer> {
  let portWasBusy = false;
  let chosen: number;
  try {
    chosen = await listen(server, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    portWasBusy = true;
    chosen = await listen(server, 0);
  }
  return {
    url: `http://127.0.0.1:${chosen}/`,
    port: chosen,
    portWasBusy,
    close: async () => {
      await beforeClose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Listens on 127.0.0.1 only; resolves with the port. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}
