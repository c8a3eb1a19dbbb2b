/**
 * Runs the bundled `batch` command exactly as a user does (a new process:
 * `node dist/cli/bin.js batch FOLDER --out DIR --jobs N`, its workers being
 * dist/cli/worker.js) under GNU time, and measures it from outside:
 *
 * - wall: from spawning the process to its exit (start-up included);
 * - CPU: user + system seconds of the batch process, all its threads (workers,
 *   garbage collector, compiler), as the kernel accounts the finished child;
 * - peak RSS: the batch process's largest resident set (all threads share it);
 * - time to first letter: from spawning to the first progress line
 *   (`[1/N] ok …`, what `batch` prints when its output is not a terminal).
 *
 * The run is refused as a measurement unless every letter came out complete
 * (`complete N`, `incomplete 0`, `failed 0` in the batch's summary): the bench
 * times the error-free path users run, not a path of gaps and errors.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BatchFigures {
  letters: number;
  wall: number;
  user: number;
  system: number;
  /** Peak resident set, megabytes. */
  peakRss: number;
  firstLetter: number;
}

const gnuTime = '/usr/bin/time';

/** Runs `batch` on `forms` into `out` with `jobs` workers; rejects unless every letter is complete. */
export function runBatchCommand(bin: string, forms: string, out: string, jobs: number): Promise<BatchFigures> {
  const report = join(out + '.time');
  const args = ['-f', '%e %U %S %M', '-o', report, process.execPath, bin, 'batch', forms, '--out', out];
  args.push('--jobs', String(jobs));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstLetter: number | undefined;
    let stdout = '';
    let stderrTail = '';
    const child = spawn(gnuTime, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      firstLetter ??= performance.now() - started;
      stderrTail = (stderrTail + text).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      try {
        const [, user, system, maxKb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        rmSync(report, { force: true });
        const count = (label: string): number => Number(new RegExp(`^${label}\\s+(\\d+)`, 'm').exec(stdout)?.[1]);
        const letters = count('complete');
        if (code !== 0 || count('incomplete') !== 0 || count('failed') !== 0 || !(letters > 0)) {
          throw new Error(`batch did not make every letter complete (exit ${code}):\n${stdout}\n${stderrTail}`);
        }
        resolve({
          letters,
          wall,
          user: user!,
          system: system!,
          peakRss: maxKb! / 1024,
          firstLetter: (firstLetter ?? NaN) / 1000,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** The figures as lines, each labelled with what it is. */
export function describeBatch(f: BatchFigures, jobs: number): string[] {
  const cpu = f.user + f.system;
  const steady = (f.letters - 1) / Math.max(0.001, f.wall - f.firstLetter);
  return [
    `${f.letters} letters (all complete), \`batch --jobs ${jobs}\` of the bundled CLI, a new process:`,
    `  wall                 ${f.wall.toFixed(2)} s, ${(f.letters / f.wall).toFixed(0)} letters a second (start-up included)`,
    `  CPU (user + system)  ${cpu.toFixed(2)} s (${f.user.toFixed(2)} + ${f.system.toFixed(2)}), all threads; ` +
      `${((1000 * cpu) / f.letters).toFixed(2)} ms a letter`,
    `  first letter         ${f.firstLetter.toFixed(2)} s after the process started; ` +
      `then ${steady.toFixed(0)} letters a second`,
    `  peak RSS             ${f.peakRss.toFixed(0)} MB (the batch process, all threads)`,
  ];
}
