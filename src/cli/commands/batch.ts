import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { createProgress } from '../../workflow/batch/progress.js';
import { runBatch } from '../../workflow/batch/run-batch.js';
import { outputFormats } from '../../ground/formats.js';
import { parseFormats } from '../format-option.js';
import type { Command } from '../command.js';
import { exitCodes, UserError } from '../../ground/io.js';
import { existsSync, statSync } from 'node:fs';
import { ensureOutDir } from '../../workflow/out-dir.js';
import { londonDate } from '../../ground/calendar.js';
import { loadTemplates } from '../../workflow/context.js';
import { JournalLockedError } from '../../distribution/lock.js';
import { LocalWriteError } from '../../ground/local-write.js';

/** Runs the batch; a folder the disk refuses (the manifest cannot be written) is said plainly. */
async function runBatchOrExplain<T>(run: () => Promise<T>, out: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // The disk refused (a full disk stops the batch), or another batch is writing the same folder: exit 3.
    if (error instanceof LocalWriteError || error instanceof JournalLockedError) {
      throw new UserError(error.message, exitCodes.outside);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code;
    throw new UserError(`cannot write the letters and manifest into ${out}: ${reason}`, exitCodes.outside);
  }
}

export const batchCommand: Command = {
  command: 'batch <folder>',
  describe: 'Validate and render every form in a folder on all cores, with a manifest (CSV and JSON)',
  builder: (y) =>
    y
      .positional('folder', { type: 'string', describe: 'A folder of visit-evidence forms (.yaml, .yml, .json)' })
      .option('out', { type: 'string', default: 'output', describe: 'Where letters and the manifest go' })
      .option('jobs', { type: 'number', describe: 'Worker threads (default: one per core)' })
      .option('format', { type: 'string', default: outputFormats.join(','), describe: 'Formats to write' })
      .option('final', { type: 'boolean', default: false, describe: 'Final letters: any para 16 gap is an error' })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Replace existing final letters (never one that was sent: `finalise --force` makes a new version)',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe:
          'Carry on after a batch that stopped (a crash, a full disk): forms it finished are not rendered again',
      })
      .option('templates', { type: 'string', describe: 'A folder of templates overriding the bundled wording' })
      .example('$0 batch forms/ --jobs 2', 'every form in forms/, letters and manifest into output/')
      .example('$0 batch forms/ --final --format pdf,docx', 'final letters; a form with gaps fails'),
  run: async (args, io) => {
    if (typeof args.folder !== 'string') throw new UserError('name a folder of forms: batch <folder>', exitCodes.usage);
    const folder = resolve(io.cwd, args.folder);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UserError(`${String(args.folder)} is not a folder of forms`, exitCodes.usage);
    }
    const jobsArg = args.jobs === undefined ? availableParallelism() : Number(args.jobs);
    if (!Number.isInteger(jobsArg) || jobsArg < 1 || jobsArg > 64) {
      const given = Array.isArray(args.jobs)
        ? 'given more than once'
        : Number.isFinite(jobsArg)
          ? jobsArg
          : 'not a number';
      throw new UserError(`--jobs ${given}: expected a whole number from 1 to 64`, exitCodes.usage);
    }
    const formats = parseFormats(args.format);
    const outDir = resolve(io.cwd, String(args.out));
    ensureOutDir(outDir, String(args.out));
    // The workers read the templates too; a folder that cannot be used is said once, here.
    if (typeof args.templates === 'string') loadTemplates(args.templates, io);
    const progress = { current: undefined as ReturnType<typeof createProgress> | undefined };
    const summary = await runBatchOrExplain(
      () =>
        runBatch(
          folder,
          {
            jobs: jobsArg,
            outDir,
            formats,
            status: args.final === true ? 'final' : 'draft',
            force: args.force === true,
            today: londonDate(io.now()),
            at: io.now().toISOString(),
            ...(typeof args.templates === 'string' ? { templatesDir: resolve(io.cwd, args.templates) } : {}),
          },
          (entry, total) => {
            progress.current ??= createProgress(total, io.stderr, io.isTTY);
            progress.current.tick(
              relative(io.cwd, entry.form),
              entry.ok ? 'ok' : entry.rendered ? 'incomplete' : 'failed',
            );
          },
          { resume: args.resume === true },
        ),
      String(args.out),
    );
    progress.current?.done();

    const rate = summary.total / Math.max(summary.seconds, 0.001);
    const lines = [
      '',
      `forms      ${summary.total}`,
      `rendered   ${summary.ok + summary.incomplete}`,
      `complete   ${summary.ok}`,
      `incomplete ${summary.incomplete} (gaps or errors: see the manifest's gaps and errors columns)`,
      `failed     ${summary.failed.length}`,
      ...(summary.kept.length > 0
        ? [`kept       ${summary.kept.length} (already final or sent: not written again)`]
        : []),
      ...(summary.resumed > 0
        ? [`resumed    ${summary.resumed} finished by the run that stopped, not rendered again`]
        : []),
      `time       ${summary.seconds.toFixed(2)} s (${rate.toFixed(0)} letters a second, ${jobsArg} worker${jobsArg === 1 ? '' : 's'})`,
      `manifest   ${relative(io.cwd, summary.manifest.csv)}, ${relative(io.cwd, summary.manifest.json)}`,
    ];
    if (summary.kept.length > 0) {
      lines.push('', 'Kept as they were:');
      for (const k of summary.kept) lines.push(`  ${relative(io.cwd, k.form)}: ${k.skipped ?? ''}`);
    }
    if (summary.failed.length > 0) {
      lines.push('', 'Failed forms (skipped; the rest were rendered):');
      for (const f of summary.failed) {
        lines.push(`  ${relative(io.cwd, f.form)}`);
        for (const e of f.errors.slice(0, 5)) lines.push(`    ${e}`);
        if (f.errors.length > 5)
          lines.push(`    … and ${f.errors.length - 5} more (run \`monitoring-letter validate\`)`);
      }
    }
    io.stdout(lines.join('\n') + '\n');
    return summary.failed.length > 0 ? exitCodes.invalid : exitCodes.ok;
  },
};
