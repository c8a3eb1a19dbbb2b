/**
 * The speed and memory benchmark (issues 6, 18). It times what users run:
 * the bundled command line's `batch` (dist/cli/bin.js, its workers
 * dist/cli/worker.js), a new process each run, on generated forms that are
 * complete and valid (every letter comes out complete, or the run is
 * refused), every format written to disk. For each size it prints wall and
 * CPU time, time to the first letter, letters a second and peak RSS
 * (bench/batch-run.ts); then cold commands beside Node starting alone
 * (bench/cold-commands.ts); then, where LibreOffice is installed, our whole
 * `batch` beside `soffice --headless --convert-to pdf` on the DOCX files it
 * wrote (200 files a call), for 200 and 1,000 letters. Per-stage costs on one thread come from
 * bench/profile-letters.ts. Run by hand (`npm run bench`), never by the tests.
 *
 *   npm run bench                                   # 1,000 letters, cold commands, LibreOffice 200 and 1,000
 *   npm run bench -- --10000                        # also 10,000 letters (RSS flatness; slow)
 *   node dist/bench/run.js 200 --no-libreoffice     # a quick look
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeBatch, runBatchCommand, type BatchFigures } from './batch-run.js';
import { childrenCpu, coldCommands } from './cold-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'dist/cli/bin.js');
const example = join(root, 'fixtures/forms/example.yaml');
const jobs = availableParallelism();

/** Varied, complete forms into a folder, made in a process of its own (bench/generate-forms.ts) so its work is not measured. */
function generateForms(folder: string, count: number, seed: number): void {
  execFileSync(process.execPath, [
    fileURLToPath(new URL('./generate-forms.js', import.meta.url)),
    folder,
    String(count),
    String(seed),
  ]);
}

const targets: Record<number, number> = { 1000: 250, 10000: 350 };

async function renderRun(count: number): Promise<BatchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-bench-'));
  try {
    generateForms(join(dir, 'forms'), count, 42);
    const figures = await runBatchCommand(bin, join(dir, 'forms'), join(dir, 'out'), jobs);
    console.log('\n' + describeBatch(figures, jobs).join('\n'));
    const rate = figures.letters / figures.wall;
    const target = targets[count];
    if (target !== undefined)
      console.log(`  target ≥ ${target} letters a second: ${rate >= target ? 'met' : 'NOT met'}`);
    console.log(`  target peak RSS ≤ 300 MB: ${figures.peakRss <= 300 ? 'met' : 'NOT met'}`);
    return figures;
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
 * wrote to PDF in one headless call (wall, and CPU of each process tree).
 */
async function besideLibreOffice(count: number, goal: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ml-soffice-'));
  try {
    generateForms(join(dir, 'forms'), count, 7);
    const ours = await runBatchCommand(bin, join(dir, 'forms'), join(dir, 'out'), jobs);
    const docx = readdirSync(join(dir, 'out'))
      .filter((name) => name.endsWith('.docx'))
      .map((name) => join(dir, 'out', name));
    const cpuBefore = childrenCpu() ?? NaN;
    const started = performance.now();
    // In calls of at most 200 files: one headless call given 1,000 stops after about 250, silently, exit 0.
    for (let from = 0; from < docx.length; from += 200) {
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'soffice-profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(dir, 'soffice-pdf'),
          ...docx.slice(from, from + 200),
        ],
        { stdio: 'pipe', timeout: 3_600_000 },
      );
    }
    const soffice = (performance.now() - started) / 1000;
    const sofficeCpu = (childrenCpu() ?? NaN) - cpuBefore;
    // LibreOffice exits 0 even when it skipped files: the comparison counts only what it wrote.
    const converted = readdirSync(join(dir, 'soffice-pdf')).filter((name) => name.endsWith('.pdf')).length;
    if (converted !== docx.length) {
      console.log(
        `\n${count} letters side by side: LibreOffice wrote ${converted} PDF files of ${docx.length}; no comparison`,
      );
      return;
    }
    const oursCpu = ours.user + ours.system;
    const ratio = soffice / ours.wall;
    console.log(
      `\n${count} letters side by side: our batch (process start, DOCX, PDF, Markdown, HTML, JSON written) ` +
        `wall ${ours.wall.toFixed(2)} s, CPU ${oursCpu.toFixed(2)} s; LibreOffice converting the same ${docx.length} ` +
        `DOCX to PDF (headless, 200 files a call) wall ${soffice.toFixed(2)} s, CPU ${sofficeCpu.toFixed(2)} s: ` +
        `${ratio.toFixed(1)}× on wall, ${(sofficeCpu / oursCpu).toFixed(1)}× on CPU (goal ≥ ${goal}×: ` +
        `${ratio >= goal ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `monitoring-letter benchmark — Node ${process.version}, ${jobs} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `load average ${loadavg()[0]!.toFixed(1)} at the start (above ${jobs}: other work shares the cores; trust CPU over wall)`,
);
const args = process.argv.slice(2);
const counts = args.map(Number).filter((n) => n > 0);
const sizes = counts.length > 0 ? counts : [1000, ...(args.includes('--10000') ? [10000] : [])];
for (const count of sizes) await renderRun(count);
coldCommands(bin, example);
if (args.includes('--no-libreoffice')) {
  // asked not to
} else if (!hasSoffice()) {
  console.log('\nLibreOffice (soffice) is not installed: side-by-side comparison skipped');
} else {
  await besideLibreOffice(200, 8);
  await besideLibreOffice(1000, 20);
}
console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(1)}`);
