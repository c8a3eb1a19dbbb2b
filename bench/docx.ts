/**
 * DOCX writer benchmark: warm milliseconds per letter (median, p90) on one
 * thread, and the cold cost (module load, first letter) in a fresh process.
 * Run: npm run build && node dist/bench/docx.js
 */
import { renderDocx, renderRedlineDocx } from '../src/writers/docx/index.js';
import { docxSampleLetter } from '../test/support/sample-docx-letter.js';
import { coldStart } from './cold-start.js';

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
  const c = coldStart({
    writer: '../src/writers/docx/index.js',
    render: 'renderDocx',
    samples: '../test/support/sample-docx-letter.js',
    sample: 'docxSampleLetter',
  });
  console.log(
    `cold (fresh process, median of 5): module load ${c.load.toFixed(2)} ms, first letter (includes preparing the fixed parts) ` +
      `${c.first.toFixed(2)} ms, second letter ${c.second.toFixed(2)} ms`,
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
