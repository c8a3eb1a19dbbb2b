/**
 * DOCX writer benchmark: warm milliseconds per letter (median, p90) on one
 * thread, and the cold cost (module load, first letter) in a fresh process.
 * Run: npm run build && node dist/bench/docx.js
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { renderDocx, renderRedlineDocx } from '../src/writers/docx/index.js';
import { docxSampleLetter } from '../test/support/sample-docx-letter.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function warm(name: string, render: () => Buffer, runs: number): void {
  for (let i = 0; i < 50; i++) render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = render().length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: ${percentile(times, 0.5).toFixed(3)} ms median, ${percentile(times, 0.9).toFixed(3)} ms p90 per letter ` +
      `(warm, ${runs} runs), ${(bytes / 1024).toFixed(1)} KB`,
  );
}

function cold(): void {
  const index = fileURLToPath(new URL('../src/writers/docx/index.js', import.meta.url));
  const samples = fileURLToPath(new URL('../test/support/sample-docx-letter.js', import.meta.url));
  const script = `
    const t0 = performance.now();
    const { renderDocx } = await import(${JSON.stringify(index)});
    const t1 = performance.now();
    const { docxSampleLetter } = await import(${JSON.stringify(samples)});
    const doc = docxSampleLetter();
    const t2 = performance.now();
    renderDocx(doc);
    const t3 = performance.now();
    renderDocx(doc);
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
  const median = (key: string): string =>
    percentile(
      results.map((r) => r[key]!).sort((a, b) => a - b),
      0.5,
    ).toFixed(2);
  console.log(
    `cold (fresh process, median of 5): module load ${median('load')} ms, first letter ${median('first')} ms ` +
      `(includes preparing the fixed parts), second letter ${median('second')} ms`,
  );
}

const letter = docxSampleLetter();
const draft = docxSampleLetter({ status: 'draft', published: false });
const revised = {
  ...letter,
  blocks: letter.blocks.map((block) =>
    block.type === 'paragraph' && block.role === 'body'
      ? { ...block, children: [...block.children, { type: 'text' as const, value: ' This sentence was added.' }] }
      : block,
  ),
};
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
warm('renderDocx, three-page letter', () => renderDocx(letter), 2000);
warm('renderDocx, draft not for publication', () => renderDocx(draft), 2000);
warm(
  'renderRedlineDocx, every body paragraph changed',
  () => renderRedlineDocx(draft, revised, { author: 'A. Editor', date: '2014-11-20' }),
  300,
);
cold();
