/** A drafting-page server on a free port in a temporary folder holding a copy of the example form. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareContext } from '../../src/workflow/context.js';
import { prepareLetterService } from '../../src/workflow/page.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

export const exampleForm = join(repoRoot, 'fixtures', 'forms', 'example.yaml');

export interface Workspace {
  dir: string;
  form: string;
  out: string;
  server: RunningServer;
  io: ReturnType<typeof fakeIo>;
  /** What the server was started with, to start it again (a restart) on the same port. */
  options: ServeOptions;
  letters: ServeOptions['letters'];
}

/** Starts a server on port 0 over `visit.yaml` (a copy of the example, or `file`), drafts into `output/`. */
export async function startWorkspace(file = exampleForm, name = 'visit.yaml'): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), 'serve-'));
  const form = join(dir, name);
  copyFileSync(file, form);
  const io = fakeIo(dir);
  const letters = prepareLetterService(prepareContext(io));
  const out = join(dir, 'output');
  const options: ServeOptions = { form, formName: name, out, outName: 'output', port: 0, letters, io };
  const server = await startServer(options);
  return { dir, form, out, server, io, options, letters };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly the headers given (fetch would not let a test set Host), path sent as written. */
export function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A POST as the page itself makes it: right Host, right Origin, a JSON body. */
export function post(port: number, path: string, body: unknown): Promise<RawResponse> {
  return raw(port, {
    method: 'POST',
    path,
    headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The server started again on the port it had (after `ws.server.close()`), as a person restarts `serve`. */
export async function restartServer(ws: Workspace): Promise<Workspace> {
  return { ...ws, server: await startServer({ ...ws.options, port: ws.server.port }) };
}
