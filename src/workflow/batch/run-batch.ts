/**
 * Validates and renders every form in a folder on all cores, streaming the
 * folder and the manifest so memory stays flat for thousands of forms.
 */
import { mkdirSync, opendirSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  manifest: { csv: string; json: string };
  seconds: number;
}

const formExtensions = /\.(ya?ml|json)$/i;

/** The form files in a folder, sorted, without reading them. */
export function listForms(folder: string): string[] {
  const names: string[] = [];
  const dir = opendirSync(folder);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (entry.isFile() && formExtensions.test(entry.name) && !entry.name.endsWith('.schema.json')) {
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

async function* iterate(list: readonly string[]): AsyncGenerator<string> {
  for (const item of list) yield item;
}

/**
 * Each worker's heap. A letter's garbage is young: left to itself V8 grows
 * each worker's young generation to its largest (≈ 50 MB a worker) over the
 * first thousands of letters, and the process's memory with it. A smaller
 * young generation keeps memory flat for any number of letters at the cost
 * of more, shorter scavenges (README, Performance).
 */
const workerHeap = { maxYoungGenerationSizeMb: 16 };

/** Runs the batch; `onEntry` sees each entry as it completes (progress). */
export async function runBatch(
  folder: string,
  setup: WorkerSetup & { jobs: number },
  onEntry: (entry: ManifestEntry, total: number) => void,
): Promise<BatchSummary> {
  if (!statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  const started = performance.now();
  const forms = listForms(folder);
  mkdirSync(setup.outDir, { recursive: true });
  const manifest = openManifest(join(setup.outDir, 'manifest'));
  const failed: ManifestEntry[] = [];
  let incomplete = 0; // a count: the entries themselves are in the manifest, not held for the whole run
  let ok = 0;
  const writtenBy = new Map<string, string>();
  const { jobs, ...workerData } = setup;
  await runPool<string, ManifestEntry | { error: string }>(iterate(forms), {
    jobs: Math.min(jobs, Math.max(1, forms.length)),
    workerUrl: workerModule(),
    workerData,
    resourceLimits: workerHeap,
    onResult: async (result, index) => {
      // A worker-side crash on one form comes back as { error }: record it, carry on.
      const entry: ManifestEntry = 'form' in result ? result : emptyEntry(forms[index] ?? '?', [result.error]);
      // Two forms for the same URN and visit date write the same files: the later overwrote the earlier; say so.
      for (const file of entry.files) {
        const earlier = writtenBy.get(file);
        if (earlier !== undefined && earlier !== entry.form) {
          entry.ok = false;
          entry.rendered = false;
          entry.errors.push(
            `${file}: also written for ${earlier} (the same URN and visit date), which this form's letter replaced; give each visit one form`,
          );
        }
        writtenBy.set(file, entry.form);
      }
      if (entry.ok) ok += 1;
      else if (entry.rendered) incomplete += 1;
      else failed.push(entry);
      await manifest.add(entry);
      onEntry(entry, forms.length);
    },
  });
  const paths = await manifest.close();
  return {
    total: forms.length,
    ok,
    incomplete,
    failed,
    manifest: paths,
    seconds: (performance.now() - started) / 1000,
  };
}
