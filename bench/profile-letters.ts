/**
 * Renders generated forms one after another on this thread, as a batch
 * worker does, for a CPU profile of the per-letter work:
 *   node dist/bench/generate-forms.js /tmp/forms 400
 *   node --cpu-prof dist/bench/profile-letters.js /tmp/forms /tmp/out
 * Prints milliseconds a letter per stage (wall time on this one thread, after a
 * warm-up of 50; a busy machine inflates them), and CPU a letter for the whole.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { renderFormFile, type RenderContext } from '../src/workflow/batch/render-form.js';
import { outputFormats } from '../src/ground/formats.js';
import { prepareTemplates } from '../src/letter/templates.js';
import { englandBankHolidays } from '../src/rules/holidays.js';
import { preparePdf } from '../src/writers/pdf/index.js';

const [formsDir = '/tmp/forms', outDir = '/tmp/out'] = process.argv.slice(2);
const forms = readdirSync(formsDir)
  .sort()
  .map((name) => join(formsDir, name));
const base = {
  outDir,
  formats: [...outputFormats],
  status: 'draft' as const,
  force: false,
  templates: prepareTemplates(),
  holidays: englandBankHolidays(),
};
preparePdf();
const warmUp = Math.min(50, forms.length >> 2);
const gc = { ms: 0, count: 0 };
const gcKinds: Record<string, number> = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.ms += entry.duration;
    const kind = String((entry as { detail?: { kind?: number } }).detail?.kind);
    gcKinds[kind] = (gcKinds[kind] ?? 0) + entry.duration;
    gc.count += 1;
  }
}).observe({ entryTypes: ['gc'] });
const timings: Record<string, number> = {};
const cpuStart = { value: process.cpuUsage() };
for (const [i, path] of forms.entries()) {
  if (i === warmUp) {
    for (const key of Object.keys(timings)) delete timings[key];
    cpuStart.value = process.cpuUsage();
    gc.ms = 0;
    gc.count = 0;
  }
  const context: RenderContext = { ...base, timings };
  const entry = await renderFormFile(path, context);
  if (!entry.ok) throw new Error(`${path}: ${entry.errors.join('; ')}`);
}
const cpu = process.cpuUsage(cpuStart.value);
const count = forms.length - warmUp;
const total = Object.values(timings).reduce((a, b) => a + b, 0);
for (const [stage, ms] of Object.entries(timings).sort((a, b) => b[1] - a[1])) {
  console.log(`${stage.padEnd(10)} ${(ms / count).toFixed(3)} ms  ${((100 * ms) / total).toFixed(0)}%`);
}
await new Promise((resolve) => setTimeout(resolve, 10)); // the last GC entries arrive asynchronously
console.log(`GC ${(gc.ms / count).toFixed(3)} ms a letter (${gc.count} collections)`, JSON.stringify(gcKinds));
console.log(`max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms a letter (user+system, ${count} letters)`);
