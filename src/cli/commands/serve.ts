import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { prepareLetterService } from '../../workflow/page.js';
import { startServer, type RunningServer } from '../../serve/server.js';
import { folderContacts, type WorkspaceFolder } from '../../serve/workspace/folder.js';
import { startWorkspaceServer } from '../../serve/workspace/server.js';
import { prepareContext } from '../../workflow/context.js';
import { startForm } from '../../workflow/init-form.js';

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

/** An option naming a file that must exist, resolved; undefined when not given. */
function existingFile(name: string, value: unknown, io: Io): string | undefined {
  if (typeof value !== 'string') return undefined;
  const path = resolve(io.cwd, value);
  if (!existsSync(path) || statSync(path).isDirectory()) {
    throw new UserError(`--${name} ${value}: no such file`, exitCodes.usage);
  }
  return path;
}

/** The folder `serve FOLDER` opens: its output folder (--out, else FOLDER/output), contacts, register and mail server. */
function workspaceFolder(folderName: string, args: Record<string, unknown>, io: Io): WorkspaceFolder {
  const dir = resolve(io.cwd, folderName);
  const outName = typeof args.out === 'string' ? args.out : join(folderName, 'output');
  const contacts = existingFile('contacts', args.contacts, io) ?? folderContacts(dir);
  const register = existingFile('register', args.register, io);
  return {
    dir,
    name: folderName,
    out: resolve(io.cwd, outName),
    outName,
    ...(contacts ? { contacts } : {}),
    ...(register ? { register } : {}),
    ...(typeof args.smtp === 'string' ? { smtp: args.smtp } : {}),
  };
}

async function listenOrExplain(port: number, start: () => Promise<RunningServer>): Promise<RunningServer> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : (error as Error).message;
    throw new UserError(`cannot listen on 127.0.0.1:${port}: ${reason}`, exitCodes.outside);
  }
}

/** `serve FOLDER`: the workspace (the ISP's queue, finalising and sending; the LA's copy-list check), until Ctrl+C. */
async function serveFolder(folderName: string, args: Record<string, unknown>, io: Io, port: number): Promise<number> {
  const folder = workspaceFolder(folderName, args, io);
  const context = prepareContext(io, { templates: typeof args.templates === 'string' ? args.templates : undefined });
  const letters = prepareLetterService(context);
  const templates = context.templates();
  const server = await listenOrExplain(port, () =>
    startWorkspaceServer({ folder, port, letters, templates, holidays: context.holidays(), io }),
  );
  if (server.portWasBusy) io.stdout(`Port ${port} is busy; using ${server.port} instead.\n`);
  io.stdout(
    `Letters in ${folderName}: ${server.url}\n` +
      `Open it in a browser on this computer: the letters, finalising and sending for ISP staff; ` +
      `${server.url}check for LA officers. Letters go to ${folder.outName}/. Ctrl+C stops.\n`,
  );
  await untilStopped();
  await server.close();
  io.stdout('Stopped.\n');
  return exitCodes.ok;
}

/** `serve [form|folder] [--port N] [--out DIR]`: the drafting page, or the workspace on a folder, on 127.0.0.1, until Ctrl+C. */
export const serveCommand: Command = {
  command: 'serve [form]',
  describe: 'a drafting page in the browser: the form beside the letter, checked as you type (this computer only)',
  builder: (y) =>
    y
      .positional('form', {
        type: 'string',
        default: 'visit.yaml',
        describe:
          'the visit-evidence form to edit (started from the example form when it does not exist), or a folder of forms: the workspace',
      })
      .option('port', {
        type: 'string',
        default: String(defaultPort),
        describe: 'port on 127.0.0.1 (0: any free port; a busy port falls back to a free one)',
      })
      .option('out', {
        type: 'string',
        describe: 'folder the letters are written into (default: output, or FOLDER/output for a folder)',
      })
      .option('templates', { type: 'string', describe: 'a folder of templates overriding the bundled wording' })
      .option('contacts', {
        type: 'string',
        describe: "a folder: the contacts file for sending (default: the folder's contacts.yaml)",
      })
      .option('register', { type: 'string', describe: 'a folder: a GIAS CSV extract, for checking a letter by URN' })
      .option('smtp', { type: 'string', describe: 'a folder: send through smtp://host:port (default: the outbox)' })
      .example('$0 serve visit.yaml', 'the drafting page for one form')
      .example('$0 serve letters/ --register edubasealldata.csv', 'the workspace: letters, finalise, send, check'),
  run: async (args, io) => {
    const port = parsePort(args.port);
    const formName = String(args.form ?? 'visit.yaml');
    const target = resolve(io.cwd, formName);
    if (existsSync(target) && statSync(target).isDirectory()) return serveFolder(formName, args, io, port);
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
    const server = await listenOrExplain(port, () =>
      startServer({ form, formName, out: resolve(io.cwd, outName), outName, port, letters, io }),
    );
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
