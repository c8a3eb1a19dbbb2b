/**
 * Validates and renders every form in a folder on all cores, streaming the
 * folder and the manifest so memory stays flat for thousands of forms.
 */
import { createHash } from 'node:crypto';
import { opendirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../../distribution/lock.js';
import { removeStaleTemporaries } from '../../ground/stale-temporaries.js';
import { appendJsonLine, readJsonLines } from '../../ground/jsonl.js';
import { LocalWriteError, localCode, makeFolder, writingInto } from '../../ground/local-write.js';
import { emptyEntry, openManifest, type ManifestEntry } from './manifest.js';
import { runPool } from './pool.js';
import type { WorkerSetup } from './worker.js';

export interface BatchSummary {
  total: number;
  /** Letters made complete. */
  ok: number;
  /** How many letters were written with gaps or errors (drafts with markers); the manifest says which. */
  incomplete: number;
  /** Forms no letter was written for. */
  failed: ManifestEntry[];
  /** Final letters kept as they were (already final, or already sent): the manifest's `skipped` says why. */
  kept: ManifestEntry[];
  /** Forms taken over from the run that stopped (--resume), not rendered again. */
  resumed: number;
  manifest: { csv: string; json: string };
  seconds: number;
}

const formExtensions = /\.(ya?ml|json)$/i;

/**
 * Files this tool writes that end .json: a letter's JSON (`<URN>-<visit date>-draft.json`, `…-final.json`),
 * a batch's manifest, a form's JSON Schema. Passed over when a folder of forms is also the output folder.
 */
const ownOutputs = /^(\d+-\d{4}-\d{2}-\d{2}-(draft|final)\.json|manifest\.json|.*\.schema\.json)$/i;

/** The form files in a folder, sorted, without reading them. */
export function listForms(folder: string): string[] {
  const names: string[] = [];
  const dir = opendirSync(folder);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (entry.isFile() && formExtensions.test(entry.name) && !ownOutputs.test(entry.name)) {
        names.push(entry.name);
      }
    }
  } finally {
    dir.closeSync();
  }
  return names.sort().map((n) => join(folder, n));
}

/**
 * The compiled worker module. Worker threads run JavaScript, so when this file
 * runs from its TypeScript source (the tests) the built copy in dist/ is used.
 */
function workerModule(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../../dist/src/workflow/batch/worker.js', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

/** The progress file: each finished form's entry as a line, so a run that stops can be carried on (--resume). */
export const progressFileName = 'batch-progress.jsonl';

interface ProgressLine {
  entry: ManifestEntry;
  /** SHA-256 of the form file as rendered: a form changed since is rendered again. */
  formSha256: string;
}

const formHash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function isProgressLine(value: unknown): value is ProgressLine {
  const line = value as Partial<ProgressLine> | null;
  return typeof line?.formSha256 === 'string' && typeof line.entry?.form === 'string';
}

/** The entries of the run that stopped, by form, whose forms are unchanged since. */
function carriedOver(progressFile: string, forms: readonly string[]): Map<string, ManifestEntry> {
  const done = new Map<string, ManifestEntry>();
  const wanted = new Set(forms);
  for (const { entry, formSha256 } of readJsonLines(progressFile, isProgressLine).records) {
    // A form whose letter the disk refused is rendered again.
    if (!wanted.has(entry.form) || entry.localFailure !== undefined) continue;
    try {
      if (formHash(entry.form) === formSha256) done.set(entry.form, entry);
    } catch {
      // the form is gone or unreadable now: render it again
    }
  }
  return done;
}

/**
 * Each worker's heap. A letter's garbage is young: left to itself V8 grows
 * each worker's young generation to its largest (≈ 50 MB a worker) over the
 * first thousands of letters, and the process's memory with it. A smaller
 * young generation keeps memory flat for any number of letters at the cost
 * of more, shorter scavenges (README, Performance).
 */
const workerHeap = { maxYoungGenerationSizeMb: 16 };

export interface RunOptions {
  /** Carry on after a run that stopped: forms it finished (unchanged since) are not rendered again. */
  resume?: boolean;
}

/**
 * Runs the batch; `onEntry` sees each entry as it completes (progress). One
 * batch per output folder at a time (`batch.lock`, naming its process).
 * Throws LocalWriteError when the disk refuses (a full disk): the entries so
 * far stay in the progress file for --resume, and an earlier manifest is kept.
 */
export async function runBatch(
  folder: string,
  setup: WorkerSetup & { jobs: number },
  onEntry: (entry: ManifestEntry, total: number) => void,
  options: RunOptions = {},
): Promise<BatchSummary> {
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const started = performance.now();
  const forms = listForms(folder);
  const outDir = setup.outDir;
  writingInto(outDir, 'the letters', () => makeFolder(outDir));
  const release = writingInto(outDir, 'the batch lock', () => acquireLock(join(outDir, 'batch.lock'), 'batch'));
  try {
    removeStaleTemporaries(outDir); // held: what a dead batch left half-written goes
    return await runLocked(forms, setup, onEntry, options, started);
  } finally {
    release();
  }
}

async function runLocked(
  forms: string[],
  setup: WorkerSetup & { jobs: number },
  onEntry: (entry: ManifestEntry, total: number) => void,
  options: RunOptions,
  started: number,
): Promise<BatchSummary> {
  const outDir = setup.outDir;
  const progressFile = join(outDir, progressFileName);
  const done = options.resume ? carriedOver(progressFile, forms) : new Map<string, ManifestEntry>();
  const manifest = writingInto(outDir, 'the manifest', () => openManifest(join(outDir, 'manifest')));
  const failed: ManifestEntry[] = [];
  let incomplete = 0; // a count: the entries themselves are in the manifest, not held for the whole run
  const kept: ManifestEntry[] = [];
  let ok = 0;
  let localFailure: string | undefined;
  const writtenBy = new Map<string, string>();
  const record = async (entry: ManifestEntry, formSha256: string | undefined): Promise<void> => {
    if (entry.ok) ok += 1;
    else if (entry.rendered) incomplete += 1;
    else failed.push(entry);
    if (entry.skipped !== undefined) kept.push(entry);
    if (formSha256 !== undefined) {
      writingInto(outDir, 'the batch progress file', () =>
        appendJsonLine(progressFile, { entry, formSha256 }, { sync: false }),
      );
    }
    await manifest.add(entry);
    onEntry(entry, forms.length);
  };
  try {
    // The progress file starts again, holding what this run takes over from the one that stopped.
    writingInto(outDir, 'the batch progress file', () => rmSync(progressFile, { force: true }));
    for (const entry of done.values()) {
      for (const file of entry.files) writtenBy.set(file, entry.form);
      await record(entry, formHash(entry.form));
    }
    const todo = forms.filter((form) => !done.has(form));
    const { jobs, ...workerData } = setup;
    async function* feed(): AsyncGenerator<string> {
      for (const form of todo) {
        if (localFailure !== undefined) return; // the disk is full: stop handing out forms
        yield form;
      }
    }
    await runPool<string, ManifestEntry | { error: string }>(feed(), {
      jobs: Math.min(jobs, Math.max(1, todo.length)),
      workerUrl: workerModule(),
      workerData: { ...workerData, ...(options.resume ? { resume: true } : {}) },
      resourceLimits: workerHeap,
      onResult: async (result, index) => {
        // A worker-side crash on one form comes back as { error }: record it, carry on.
        const entry: ManifestEntry = 'form' in result ? result : emptyEntry(todo[index] ?? '?', [result.error]);
        if (entry.localFailure !== undefined) {
          localFailure ??= entry.localFailure;
          return;
        }
        // Two forms for the same URN and visit date write the same files: the later overwrote the earlier; say so.
        for (const file of entry.files) {
          const earlier = writtenBy.get(file);
          if (earlier !== undefined && earlier !== entry.form && entry.skipped === undefined) {
            entry.ok = false;
            entry.rendered = false;
            entry.errors.push(
              `${file}: also written for ${earlier} (the same URN and visit date), which this form's letter replaced; give each visit one form`,
            );
          }
          writtenBy.set(file, entry.form);
        }
        let hash: string | undefined;
        try {
          hash = formHash(entry.form);
        } catch {
          hash = undefined; // gone since: nothing to carry over
        }
        await record(entry, hash);
      },
    });
    if (localFailure !== undefined) throw new BatchStoppedError(localFailure, progressFile);
    const paths = await manifest.close();
    rmSync(progressFile, { force: true });
    return {
      total: forms.length,
      ok,
      incomplete,
      failed,
      kept,
      resumed: done.size,
      manifest: paths,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await manifest.abandon();
    if (error instanceof LocalWriteError) throw error;
    const code = localCode(error);
    if (code !== undefined) throw new LocalWriteError(outDir, code, 'the manifest');
    throw error;
  }
}

/** The disk refused a letter's files: the batch stopped; what it finished is in the progress file. */
export class BatchStoppedError extends LocalWriteError {
  constructor(problem: string, progressFile: string) {
    super(progressFile, 'ENOSPC', 'the letters');
    this.message = `${problem}. What was finished is listed in ${progressFile}; once the disk is put right, the same command with --resume carries on from there`;
  }
}
