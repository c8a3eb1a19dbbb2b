import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError } from '../../ground/io.js';
import { startServer, type RunningServer } from '../../serve/server.js';
import { prepareContext } from '../../workflow/context.js';
import { startForm } from '../../workflow/init-form.js';
import { prepareLetterService } from '../../workflow/page.js';

/** The port the page is usually at: the same address after a restart keeps the browser's copy of unsaved work. */
export const defaultPort = 4730;

/** The port as given: 0 (any free port) to 65535. */
function parsePort(value: unknown): number {
  const text = String(value ?? defaultPort);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UserError(
      `--port ${text}: expected a port number from 1 to 65535, or 0 for any free port`,
      exitCodes.usage,
    );
  }
  return Number(text);
}

/** The form to edit; a missing one is started from the commented example form, as `init` writes it. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `serve [form] [--port N] [--out DIR]`: the drafting page on 127.0.0.1, until Ctrl+C. */
export const serveCommand: Command = {
  command: 'serve [form]',
  describe: 'a drafting page in the browser: the form beside the letter, checked as you type (this computer only)',
  builder: (y) =>
    y
      .positional('form', {
        type: 'string',
        default: 'visit.yaml',
        describe: 'the visit-evidence form to edit (started from the example form when it does not exist)',
      })
      .option('port', {
        type: 'string',
        default: String(defaultPort),
        describe: 'port on 127.0.0.1 (0: any free port; a busy port falls back to a free one)',
      })
      .option('out', { type: 'string', default: 'output', describe: 'folder the draft is written into' })
      .option('templates', { type: 'string', describe: 'a folder of templates overriding the bundled wording' }),
  run: async (args, io) => {
    const port = parsePort(args.port);
    const formName = String(args.form ?? 'visit.yaml');
    const outName = String(args.out ?? 'output');
    const context = prepareContext(io, { templates: typeof args.templates === 'string' ? args.templates : undefined });
    const letters = prepareLetterService(context);
    const { path: form, started } = startForm(context, formName);
    if (started) io.stdout(`Wrote ${formName}, a commented example form to fill in\n`);
    // The first check loads what every later one reuses: done now, the page opens at once.
    try {
      await letters.check(readFileSync(form, 'utf8'), formName);
    } catch {
      // An unreadable form is reported by the page, where it can be put right.
    }
    let server: RunningServer;
    try {
      server = await startServer({ form, formName, out: resolve(io.cwd, outName), outName, port, letters, io });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : (error as Error).message;
      throw new UserError(`cannot listen on 127.0.0.1:${port}: ${reason}`, exitCodes.outside);
    }
    if (server.portWasBusy) io.stdout(`Port ${port} is busy; using ${server.port} instead.\n`);
    io.stdout(
      `Drafting page for ${formName}: ${server.url}\n` +
        `Open it in a browser on this computer. The form is saved as you type; drafts go to ${outName}/. Ctrl+C stops.\n`,
    );
    await untilStopped();
    await server.close();
    io.stdout('Stopped.\n');
    return exitCodes.ok;
  },
};
