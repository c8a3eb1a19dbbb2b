/**
 * PDF writer benchmark: warm milliseconds per letter (median, p90) on one
 * thread, and the cold start (module load, font preparation, first letter)
 * measured in a fresh process. Run: npm run build && node dist/bench/pdf.js
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { renderPdf, preparePdf } from '../src/writers/pdf/index.js';
import { longLetter, sampleLetter } from '../test/support/sample-letter.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function warm(name: string, make: () => Parameters<typeof renderPdf>[0], runs: number): void {
  const doc = make();
  for (let i = 0; i < 30; i++) renderPdf(doc);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = renderPdf(doc).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5).toFixed(2);
  const p90 = percentile(times, 0.9).toFixed(2);
  // The fastest decile is the steadiest figure on a shared, noisy machine.
  const p10 = percentile(times, 0.1).toFixed(2);
  console.log(
    `${name}: ${median} ms median, ${p10} ms p10, ${p90} ms p90 per letter (warm, ${runs} runs), ${(bytes / 1024).toFixed(1)} KB`,
  );
}

function cold(): void {
  const index = fileURLToPath(new URL('../src/writers/pdf/index.js', import.meta.url));
  const samples = fileURLToPath(new URL('../test/support/sample-letter.js', import.meta.url));
  const script = `
    const t0 = performance.now();
    const { renderPdf } = await import(${JSON.stringify(index)});
    const t1 = performance.now();
    const { sampleLetter } = await import(${JSON.stringify(samples)});
    const doc = sampleLetter();
    const t2 = performance.now();
    renderPdf(doc);
    const t3 = performance.now();
    renderPdf(doc);
    const t4 = performance.now();
    console.log(JSON.stringify({ load: t1 - t0, first: t3 - t2, second: t4 - t3 }));`;
  const results = Array.from(
    { length: 5 },
    () =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<
        string,
        number
      >,
  );
  const med = (key: string): string =>
    percentile(
      results.map((r) => r[key]!).sort((a, b) => a - b),
      0.5,
    ).toFixed(1);
  console.log(
    `cold start (fresh process, median of 5): module load ${med('load')} ms, first letter (fonts prepared lazily) ${med('first')} ms, second letter ${med('second')} ms`,
  );
}

const start = performance.now();
preparePdf();
console.log(`preparePdf in this process: ${(performance.now() - start).toFixed(1)} ms`);
warm('two-page letter', sampleLetter, 400);
warm('long letter', longLetter, 200);
warm('two-page draft', () => sampleLetter({ status: 'draft' }), 200);
cold();
