/**
 * PDF writer benchmark: warm milliseconds per letter (median, p90) on one
 * thread, and the cold start (module load, font preparation, first letter)
 * measured in a fresh process. Run: npm run build && node dist/bench/pdf.js
 */
import { renderPdf, preparePdf } from '../src/writers/pdf/index.js';
import { longLetter, sampleLetter } from '../test/support/sample-letter.js';
import { coldStart } from './cold-start.js';

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
  const c = coldStart({
    writer: '../src/writers/pdf/index.js',
    render: 'renderPdf',
    samples: '../test/support/sample-letter.js',
    sample: 'sampleLetter',
  });
  console.log(
    `cold (fresh process, median of 5): module load ${c.load.toFixed(1)} ms, first letter (fonts prepared lazily) ` +
      `${c.first.toFixed(1)} ms, second letter ${c.second.toFixed(1)} ms`,
  );
}

const start = performance.now();
preparePdf();
console.log(`preparePdf in this process: ${(performance.now() - start).toFixed(1)} ms`);
warm('two-page letter', sampleLetter, 400);
warm('long letter', longLetter, 200);
warm('two-page draft', () => sampleLetter({ status: 'draft' }), 200);
cold();
