/**
 * Opening a letter from the queue: the same drafting page `serve FORM`
 * gives, for one of the folder's forms, on its own port on 127.0.0.1
 * (started when first asked for, then reused; stopped with the workspace).
 * Its drafts go into the workspace's output folder.
 */
import { basename, relative } from 'node:path';
import type { Io } from '../../ground/io.js';
import type { LetterService } from '../../workflow/page.js';
import { startServer, type RunningServer } from '../server.js';

export interface DraftingPages {
  /** The drafting page's address for a form (absolute path, from the server's own listing). */
  open(form: string): Promise<string>;
  close(): Promise<void>;
}

export function draftingPages(options: {
  out: string;
  outName: string;
  letters: LetterService;
  io: Io;
  /** The workspace's queue, once it listens: each drafting page links back to it. */
  queueUrl: () => string;
}): DraftingPages {
  const running = new Map<string, Promise<RunningServer>>();
  return {
    open: async (form) => {
      let server = running.get(form);
      if (!server) {
        server = startServer({
          form,
          // As the user would name it from where `serve` was started: the drafting page reads and drafts it by this name.
          formName: relative(options.io.cwd, form) || basename(form),
          out: options.out,
          outName: options.outName,
          port: 0,
          letters: options.letters,
          io: options.io,
          back: { href: options.queueUrl(), text: 'Back to the letters' },
        });
        running.set(form, server);
        server.catch(() => running.delete(form));
      }
      return (await server).url;
    },
    close: async () => {
      const all = [...running.values()];
      running.clear();
      await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.close()));
    },
  };
}
