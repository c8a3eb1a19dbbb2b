/**
 * `batch` as one workflow step: check the folder, the output folder and the
 * templates once, then draft every form in the folder on worker threads
 * (run-batch.ts), with a manifest. Each finished form is handed to `onEntry`
 * as it completes, for the caller's progress display.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { JournalLockedError } from '../../distribution/lock.js';
import type { OutputFormat } from '../../ground/formats.js';
import { LocalWriteError } from '../../ground/local-write.js';
import { exitCodes, UserError } from '../../ground/io.js';
import type { WorkflowContext } from '../context.js';
import { ensureOutDir } from '../out-dir.js';
import type { ManifestEntry } from './manifest.js';
import { runBatch, type BatchSummary } from './run-batch.js';

export type { BatchSummary, ManifestEntry };

export interface DraftFolderRequest {
  /** The folder of forms and the output folder, as the user named them. */
  folder: string;
  out: string;
  jobs: number;
  formats: OutputFormat[];
  final: boolean;
  force: boolean;
  /** Carry on from the progress file of a batch that stopped. */
  resume: boolean;
}

/** Drafts every form in the folder; a wrong folder is a usage error, a disk refusal an outside failure. */
export async function draftFolder(
  context: WorkflowContext,
  request: DraftFolderRequest,
  onEntry: (entry: ManifestEntry, total: number) => void,
): Promise<BatchSummary> {
  const { io } = context;
  const folder = resolve(io.cwd, request.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`${request.folder} is not a folder of forms`, exitCodes.usage);
  }
  const outDir = resolve(io.cwd, request.out);
  ensureOutDir(outDir, request.out);
  // The workers read the templates too; a folder that cannot be used is said once, here.
  if (context.templatesDir !== undefined) context.templates();
  try {
    return await runBatch(
      folder,
      {
        jobs: request.jobs,
        outDir,
        formats: request.formats,
        status: request.final ? 'final' : 'draft',
        force: request.force,
        today: context.today(),
        at: io.now().toISOString(),
        ...(context.templatesDir !== undefined ? { templatesDir: resolve(io.cwd, context.templatesDir) } : {}),
      },
      onEntry,
      { resume: request.resume },
    );
  } catch (error) {
    // The disk refused (a full disk stops the batch), or another batch is writing the same folder: exit 3.
    if (error instanceof LocalWriteError || error instanceof JournalLockedError) {
      throw new UserError(error.message, exitCodes.outside);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code;
    throw new UserError(`cannot write the letters and manifest into ${request.out}: ${reason}`, exitCodes.outside);
  }
}
