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
import { FormFile, FormTooLargeError, maxFormBytes, StaleVersionError } from '../workflow/form-file.js';
import { pageFormSchema, schemaKeyOrder } from '../workflow/page-form-schema.js';
import { guardRequest } from './guard.js';
import type { LetterService } from '../workflow/page.js';
import { draftingPage, type BackLink } from './pages/drafting.js';
import type { StaticAsset } from './pages/govuk-assets.js';
import { shellAssets } from './pages/layout.js';
import { textEdits } from './merge.js';
import { applyEditsChecked, formData, YamlEditError, type FieldEdit } from './yaml-edit.js';

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
  '/api.js': { file: 'api.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** The letter preview is HTML with its own inline style, shown in a sandboxed frame; no script runs in it. */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** A request body is a form (at most maxFormBytes characters) in JSON, escapes and all. */
const maxBodyBytes = maxFormBytes * 2 + 64_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new HttpError(413, `the form is too large: at most ${maxFormBytes} characters`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'expected a JSON body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'expected a JSON object');
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, `expected "${name}" to be text`);
  return value;
}

function editsField(body: Record<string, unknown>): FieldEdit[] {
  const edits = body.edits;
  if (!Array.isArray(edits) || edits.length > 1_000) throw new HttpError(400, 'expected "edits" to be a list');
  return edits.map((e) => {
    if (e === null || typeof e !== 'object' || !Array.isArray((e as FieldEdit).path)) {
      throw new HttpError(400, 'each edit needs a "path"');
    }
    const { path, value, was } = e as FieldEdit;
    const wasGiven = was !== null && typeof was === 'object' && !Array.isArray(was);
    return { path, value, ...(wasGiven ? { was } : {}) };
  });
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
  const formFile = new FormFile(options.form);
  let port = 0;

  /** The text, its version, the data the fields show, and the checks; what every answer about the form carries. */
  const state = async (text: string, version: string) => ({
    version,
    text,
    data: formData(text) ?? null,
    check: await options.letters.check(text, options.formName),
  });

  const conflict = (current: string) =>
    new HttpError(
      409,
      'The form on disk has changed since this page loaded it (another tab or an editor saved it). Your change was not saved; reload the page to carry on from the saved form.',
      { version: current },
    );

  /**
   * Makes the edits on the file as it is (three-way where the page was
   * behind it) and saves; says which were refused and where both changed.
   * A save that another one beat by a moment is tried again from the new file.
   */
  async function merged(
    start: { text: string; version: string },
    edits: FieldEdit[],
    how: { base?: string; anyValue?: boolean },
  ) {
    let current = start;
    for (let attempt = 0; ; attempt++) {
      const outcome = applyEditsChecked(current.text, edits, {
        format: /\.json$/i.test(options.form) ? 'json' : 'yaml',
        threeWay: current.version !== how.base,
        keyOrder: schemaKeyOrder,
        anyValue: how.anyValue === true,
      });
      try {
        const version = formFile.save(outcome.text, current.version);
        return { ...(await state(outcome.text, version)), refused: outcome.refused, conflicts: outcome.conflicts };
      } catch (error) {
        if (!(error instanceof StaleVersionError) || attempt >= 3) throw error;
        current = formFile.read();
      }
    }
  }

  async function api(req: IncomingMessage, path: string): Promise<unknown> {
    if (req.method === 'GET' && path === '/api/schema') return pageFormSchema();
    if (req.method === 'GET' && path === '/api/state') {
      const { text, version } = formFile.read();
      return { file: options.formName, out: options.outName, ...(await state(text, version)) };
    }
    const routes = ['/api/save', '/api/edit', '/api/draft'];
    if (!routes.includes(path)) throw new HttpError(404, 'no such page');
    if (req.method !== 'POST') throw new HttpError(405, `${req.method ?? ''} is not allowed here`);
    const body = await readJson(req);
    const base = stringField(body, 'base');
    try {
      switch (path) {
        case '/api/save': {
          const text = stringField(body, 'text');
          const current = formFile.read();
          // Changes kept from an earlier page (merge: true) are merged even onto the version they name.
          const restored = body.merge === true;
          if ((current.version === base && !restored) || current.text === text) {
            return await state(text, formFile.save(text, current.version === base ? base : current.version));
          }
          // The page is behind the file: what its text changes is merged field by field, or asked about.
          const baseText = body.baseText;
          const edits = typeof baseText === 'string' ? textEdits(baseText, text) : undefined;
          if (!edits) throw conflict(current.version);
          return await merged(current, edits, { anyValue: true });
        }
        case '/api/edit': {
          return await merged(formFile.read(), editsField(body), body.merge === true ? {} : { base });
        }
        case '/api/draft': {
          const current = formFile.read();
          if (current.version !== base) throw conflict(current.version);
          return await options.letters.writeDraft({ form: options.formName, out: options.out }, options.io);
        }
      }
    } catch (error) {
      if (error instanceof StaleVersionError) throw conflict(error.current);
      if (error instanceof YamlEditError) throw new HttpError(422, error.message);
      if (error instanceof FormTooLargeError) throw new HttpError(413, `the form is too large: ${error.message}`);
      throw error;
    }
    throw new HttpError(404, 'no such page');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    };
    const guard = guardRequest(
      req.method ?? 'GET',
      {
        host: header('host'),
        origin: header('origin'),
        'sec-fetch-site': header('sec-fetch-site'),
        'content-type': header('content-type'),
      },
      port,
    );
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
