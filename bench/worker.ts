/** The benchmark's worker: the batch's own render path, with per-stage timings sent back per letter. */
import { renderFormFile, type RenderContext } from '../src/workflow/batch/render-form.js';
import type { WorkerSetup } from '../src/workflow/batch/worker.js';
import { serveWorker } from '../src/workflow/batch/serve-worker.js';
import { prepareTemplates } from '../src/letter/templates.js';
import { englandBankHolidays } from '../src/rules/holidays.js';
import { preparePdf } from '../src/writers/pdf/index.js';

export interface BenchResult {
  ok: boolean;
  errors: string[];
  timings: Record<string, number>;
}

await serveWorker<string, BenchResult>(async (data) => {
  const setup = data as WorkerSetup;
  const started = performance.now();
  const base = { ...setup, templates: prepareTemplates(setup.templatesDir), holidays: englandBankHolidays() };
  if (setup.formats.includes('pdf')) preparePdf();
  let prepare = performance.now() - started;
  return async (path: string) => {
    const timings: Record<string, number> = {};
    if (prepare > 0) {
      timings.prepare = prepare; // reported once per worker
      prepare = 0;
    }
    const context: RenderContext = { ...base, timings };
    const entry = await renderFormFile(path, context);
    return { ok: entry.rendered, errors: entry.errors, timings }; // rendered: a draft with gaps still counts as made
  };
});
