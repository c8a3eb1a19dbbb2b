/**
 * The drafting page's re-render: what one keystroke costs once the server is warm. The example form
 * is checked and previewed (load, validate, rules, letter, HTML) as `serve` does for every save, with a
 * word changed each time so nothing is cached by accident; then a field edit applied to the YAML.
 * The target is 50 ms; run by hand (`npm run build && node dist/bench/serve.js`), never by the tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo } from '../src/ground/io.js';
import { prepareContext } from '../src/workflow/context.js';
import { prepareLetterService } from '../src/workflow/page.js';
import { applyEdits, formData } from '../src/evidence/yaml-edit.js';

const example = readFileSync(fileURLToPath(new URL('../../fixtures/forms/example.yaml', import.meta.url)), 'utf8');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function time(label: string, runs: number, step: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < 20; i++) await step(i); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step(i);
    samples.push(performance.now() - start);
  }
  const fmt = (n: number) => n.toFixed(1).padStart(6);
  console.log(
    `${label.padEnd(44)} median ${fmt(percentile(samples, 50))} ms   p95 ${fmt(percentile(samples, 95))} ms   max ${fmt(Math.max(...samples))} ms`,
  );
}

const prepareStart = performance.now();
const letters = prepareLetterService(prepareContext(processIo()));
console.log(`prepare (templates, holidays), once per server: ${(performance.now() - prepareStart).toFixed(1)} ms`);

const variant = (i: number) => example.replace('Teaching is improving.', `Teaching is improving (${i}).`);
await time('check + preview (a save from the YAML text)', 200, async (i) => {
  const text = variant(i);
  await letters.check(text, 'visit.yaml');
  formData(text);
});
await time('field edit + check + preview (a field typed)', 200, async (i) => {
  const text = applyEdits(example, [{ path: ['findings', 'barriers'], value: `Staff absence, week ${i}.` }]);
  await letters.check(text, 'visit.yaml');
  formData(text);
});
