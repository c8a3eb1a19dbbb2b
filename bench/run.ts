/**
 * The speed and memory benchmark (issue 6): generates varied forms, renders
 * them on worker threads exactly as `batch` does (DOCX, tagged PDF, Markdown,
 * HTML, JSON), and prints letters per second, time per stage, which stage
 * dominates, and peak memory; then times a cold `draft` of the example.
 * Run by hand with `npm run bench`; never part of the test suite.
 *
 *   npm run bench                 # 1,000 letters, then 10,000 for memory flatness
 *   node dist/bench/run.js 200    # a quick look
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPool } from '../src/batch/pool.js';
import { outputFormats } from '../src/formats.js';
import type { BenchResult } from './worker.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const jobs = availableParallelism();

async function* iterate(list: readonly string[]): AsyncGenerator<string> {
  for (const item of list) yield item;
}

async function renderRun(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-bench-'));
  try {
    execFileSync(process.execPath, [
      fileURLToPath(new URL('./generate-forms.js', import.meta.url)),
      join(dir, 'forms'),
      String(count),
      '42',
    ]);
    const forms = readdirSync(join(dir, 'forms'))
      .sort()
      .map((name) => join(dir, 'forms', name));
    const stages: Record<string, number> = {};
    let failed = 0;
    const firstErrors: string[] = [];
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    await runPool<string, BenchResult>(iterate(forms), {
      jobs,
      workerUrl: new URL('./worker.js', import.meta.url),
      workerData: { outDir: join(dir, 'out'), formats: [...outputFormats], status: 'draft', force: false },
      onResult: (r) => {
        if (!r.ok) {
          failed += 1;
          if (firstErrors.length < 3) firstErrors.push(...(r.errors ?? ['(worker error)']).slice(0, 1));
        }
        for (const [stage, ms] of Object.entries(r.timings ?? {})) stages[stage] = (stages[stage] ?? 0) + ms;
      },
    });
    const wall = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    console.log(
      `\n${count} letters, ${jobs} worker threads: ${wall.toFixed(2)} s wall, ${(count / wall).toFixed(0)} letters a second`,
    );
    console.log(`peak memory (RSS, all threads): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
    if (failed > 0) console.log(`FAILED: ${failed} letters, e.g. ${firstErrors.join(' | ')}`);
    const perLetter = Object.entries(stages)
      .filter(([s]) => s !== 'prepare')
      .sort((a, b) => b[1] - a[1]);
    const total = perLetter.reduce((t, [, ms]) => t + ms, 0);
    console.log('stage       ms a letter (CPU on one thread)   share');
    for (const [stage, ms] of perLetter) {
      console.log(
        `${stage.padEnd(12)}${(ms / count).toFixed(3).padStart(10)}${(((100 * ms) / total).toFixed(0) + '%').padStart(28)}`,
      );
    }
    if (stages.prepare !== undefined) {
      console.log(
        `${'prepare'.padEnd(12)}${(stages.prepare / jobs).toFixed(0).padStart(10)} ms once per worker (templates, fonts)`,
      );
    }
    console.log(`dominant stage: ${perLetter[0]?.[0] ?? 'none'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coldDraft(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cold-'));
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      execFileSync(
        process.execPath,
        [
          join(root, 'dist/cli/bin.js'),
          'draft',
          join(root, 'fixtures/forms/example.yaml'),
          '--out',
          join(dir, String(i)),
        ],
        { stdio: 'pipe' },
      );
      times.push(performance.now() - started);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(
    `\ncold \`draft\` of the example, every format, new process each time: median ${(times[2]! / 1000).toFixed(2)} s (min ${(times[0]! / 1000).toFixed(2)}, max ${(times[4]! / 1000).toFixed(2)})`,
  );
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `monitoring-letter benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const count of counts.length > 0 ? counts : [1000, 10000]) await renderRun(count);
coldDraft();
