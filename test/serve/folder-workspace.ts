/** A workspace server (`serve FOLDER`) on a free port over a temporary folder of forms. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadTemplates, prepareContext } from '../../src/workflow/context.js';
import { prepareLetterService } from '../../src/workflow/page.js';
import type { RunningServer } from '../../src/serve/server.js';
import { folderContacts, type WorkspaceFolder } from '../../src/serve/workspace/folder.js';
import { startWorkspaceServer } from '../../src/serve/workspace/server.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

export const fixture = (...parts: string[]): string => join(repoRoot, 'fixtures', ...parts);

export interface FolderWorkspace {
  dir: string;
  folder: WorkspaceFolder;
  server: RunningServer;
  io: ReturnType<typeof fakeIo>;
}

/**
 * The ISP's folder: the HMI's draft form and the ISP's edited form of one visit (St Mary's, URN 121190),
 * a community primary school's form, and the example contacts file as the folder's contacts.yaml.
 */
export async function startFolderWorkspace(
  options: { smtp?: string; register?: string; env?: Record<string, string>; now?: string } = {},
): Promise<FolderWorkspace> {
  // The folder inside the place `serve` is started from, as a user runs `serve letters/`.
  const cwd = mkdtempSync(join(tmpdir(), 'workspace-'));
  const dir = join(cwd, 'letters');
  mkdirSync(dir);
  copyFileSync(fixture('finalise', 'hmi-draft.yaml'), join(dir, 'hmi-draft.yaml'));
  copyFileSync(fixture('finalise', 'isp-final.yaml'), join(dir, 'isp-final.yaml'));
  copyFileSync(fixture('forms', 'community-primary.yaml'), join(dir, 'community-primary.yaml'));
  copyFileSync(fixture('contacts', 'example.yaml'), join(dir, 'contacts.yaml'));
  const io = fakeIo(cwd, { env: { USER: 'A. Officer', ...options.env }, ...(options.now ? { now: options.now } : {}) });
  const contacts = folderContacts(dir);
  const folder: WorkspaceFolder = {
    dir,
    name: 'letters',
    out: join(dir, 'output'),
    outName: 'letters/output',
    ...(contacts ? { contacts } : {}),
    ...(options.register ? { register: options.register } : {}),
    ...(options.smtp ? { smtp: options.smtp } : {}),
  };
  const context = prepareContext(io);
  const server = await startWorkspaceServer({
    folder,
    port: 0,
    letters: prepareLetterService(context),
    templates: loadTemplates(undefined, io),
    holidays: context.holidays(),
    io,
  });
  return { dir, folder, server, io };
}

/** Every file under a folder with its size and modification time: what "unchanged" is checked against. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else
        out[relative(dir, path)] = `${stat.size} ${stat.mtimeMs} ${readFileSync(path).toString('base64').slice(0, 64)}`;
    }
  };
  walk(dir);
  return out;
}
