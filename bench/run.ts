/**
 * The speed and memory benchmark (issue 6): generates varied forms, renders
 * them on worker threads exactly as `batch` does (DOCX, tagged PDF, Markdown,
 * HTML, JSON), and prints letters per second, time per stage, which stage
 * dominates, and peak memory; then times cold commands of the bundled CLI
 * (`--version`, `--help`, `validate`, `draft`) in new processes, and, when
 * LibreOffice is installed, our `batch` of 200 letters against `soffice`
 * converting the same 200 DOCX files to PDF. Run by hand with `npm run bench`;
 * never part of the test suite (issue 11).
 *
 *   npm run bench                                    # 1,000 letters, then 10,000 for memory flatness
 *   node dist/bench/run.js 200 --no-libreoffice      # a quick look
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPool } from '../src/workflow/batch/pool.js';
import { outputFormats } from '../src/ground/formats.js';
import type { BenchResult } from './worker.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const jobs = availableParallelism();

/** Varied forms into a folder, made in a process of its own (bench/generate-forms.ts) so its work is not measured. */
function generateForms(folder: string, count: number, seed: number): void {
  execFileSync(process.execPath, [
    fileURLToPath(new URL('./generate-forms.js', import.meta.url)),
    folder,
    String(count),
    String(seed),
  ]);
}

async function* iterate(list: readonly string[]): AsyncGenerator<string> {
  for (const item of list) yield item;
}

async function renderRun(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-bench-'));
  try {
    generateForms(join(dir, 'forms'), count, 42);
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
    const rate = count / wall;
    if (count >= 1000) console.log(`target ≥ 400 letters a second: ${rate >= 400 ? 'met' : 'NOT met'}`);
    const peakMb = peakRss / 1024 / 1024;
    console.log(
      `peak memory (RSS, all threads): ${peakMb.toFixed(0)} MB (target ≤ 300 MB: ${peakMb <= 300 ? 'met' : 'NOT met'})`,
    );
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

const bin = join(root, 'dist/cli/bin.js');
const example = join(root, 'fixtures/forms/example.yaml');

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * CPU seconds (user + system) used by this process's finished children so
 * far, from /proc (Linux): on a shared machine a child's CPU time is steadier
 * than its wall time. Undefined elsewhere.
 */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** Wall and CPU milliseconds of `runs` fresh processes (one more first, warming the disk cache, not counted). */
function spawnTimes(args: (run: number) => string[], runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = -1; i < runs; i += 1) {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    execFileSync(process.execPath, args(i), { stdio: 'pipe' });
    const elapsed = performance.now() - started;
    const cpuAfter = childrenCpu();
    if (i < 0) continue;
    wall.push(elapsed);
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push((cpuAfter - cpuBefore) * 1000);
  }
  return { wall, cpu };
}

/** Cold commands, each a new process, as a user types them (issue 11 targets). */
function coldCommands(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cold-'));
  const runs = 11;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const cpuText = (cpu: number[]): string => (cpu.length > 0 ? `, CPU ${seconds(median(cpu))}` : '');
  const node = spawnTimes(() => ['-e', ''], runs);
  console.log(`\ncold commands of the bundled CLI (dist/cli/bin.js), a new process each time, median of ${runs}:`);
  const commands: { name: string; args: (run: number) => string[]; target: number }[] = [
    { name: '--version', args: () => [bin, '--version'], target: 200 },
    { name: '--help', args: () => [bin, '--help'], target: 200 },
    { name: 'validate example.yaml', args: () => [bin, 'validate', example], target: 300 },
    {
      name: 'draft example.yaml, every format',
      args: (run) => [bin, 'draft', example, '--out', join(dir, String(run))],
      target: 500,
    },
  ];
  try {
    for (const c of commands) {
      const times = spawnTimes(c.args, runs);
      const m = median(times.wall);
      console.log(
        `  ${c.name.padEnd(34)}${seconds(m)} (min ${seconds(Math.min(...times.wall))}${cpuText(times.cpu)})  ` +
          `target ≤ ${(c.target / 1000).toFixed(1)} s: ${m <= c.target ? 'met' : 'NOT met'}`,
      );
    }
    console.log(
      `  ${'node -e "" (Node starting alone)'.padEnd(34)}${seconds(median(node.wall))} (min ${seconds(Math.min(...node.wall))}${cpuText(node.cpu)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Side by side on the same letters: our whole `batch` (process start, every
 * format, written to disk) against LibreOffice converting the DOCX files it
 * wrote to PDF in one headless call.
 */
function besideLibreOffice(count: number): void {
  if (!hasSoffice()) {
    console.log('\nLibreOffice (soffice) is not installed: side-by-side comparison skipped');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ml-soffice-'));
  try {
    generateForms(join(dir, 'forms'), count, 7);
    const started = performance.now();
    execFileSync(
      process.execPath,
      [bin, 'batch', join(dir, 'forms'), '--out', join(dir, 'out'), '--jobs', String(jobs)],
      {
        stdio: 'pipe',
      },
    );
    const ours = performance.now() - started;
    const docx = readdirSync(join(dir, 'out'))
      .filter((name) => name.endsWith('.docx'))
      .map((name) => join(dir, 'out', name));
    const sofficeStarted = performance.now();
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'soffice-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'soffice-pdf'),
        ...docx,
      ],
      { stdio: 'pipe', timeout: 3_600_000 },
    );
    const soffice = performance.now() - sofficeStarted;
    const ratio = soffice / ours;
    console.log(
      `\n${count} letters side by side: our batch (process start, every format: DOCX, PDF, Markdown, HTML, JSON) ` +
        `${(ours / 1000).toFixed(2)} s; LibreOffice converting the same ${docx.length} DOCX to PDF in one headless call ` +
        `${(soffice / 1000).toFixed(2)} s: ${ratio.toFixed(1)}× (goal ≥ 20×) ${ratio >= 20 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `monitoring-letter benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
const args = process.argv.slice(2);
const counts = args.map(Number).filter((n) => n > 0);
for (const count of counts.length > 0 ? counts : [1000, 10000]) await renderRun(count);
coldCommands();
if (!args.includes('--no-libreoffice')) besideLibreOffice(200);
