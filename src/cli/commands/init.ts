import { existsSync, linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../../ground/package-root.js';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { jsonSchemaFile } from '../../evidence/json-schema.js';
import { writeFailure } from '../../workflow/out-dir.js';

const templateFile = join('templates', 'init-form.yaml');

/** The example form, its first line pointing editors at the JSON Schema relative to where the form is written. */
export function initFormText(target: string): string {
  const root = packageRoot();
  const template = readFileSync(join(root, templateFile), 'utf8');
  const schemaPath = relative(dirname(target), join(root, jsonSchemaFile)).split(sep).join('/');
  return template.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaPath}`);
}

/** `init [file] [--force]`: writes the commented example form (visit.yaml by default), never over a file unless --force. */
export const initCommand: Command = {
  command: 'init [file]',
  describe: 'Write a commented example form to fill in (default visit.yaml)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', default: 'visit.yaml', describe: 'Where to write the form' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite the file if it exists' })
      .example('$0 init', 'visit.yaml, checked by editors against the JSON Schema')
      .example('$0 init 121190-visit.yaml', 'another name'),
  run: async (args, io) => run(String(args.file ?? 'visit.yaml'), args.force === true, io),
};

async function run(file: string, force: boolean, io: Io): Promise<number> {
  const target = resolve(io.cwd, file);
  if (!force && existsSync(target)) {
    throw new UserError(`${file} already exists: pass --force to overwrite it`, exitCodes.usage);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UserError(
      `cannot write ${file}: it is a folder; expected a file name such as visit.yaml`,
      exitCodes.usage,
    );
  }
  const text = initFormText(target);
  // Written under a temporary name first, so a form is never half-written.
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, 'utf8');
    if (force) renameSync(temporary, target);
    else {
      linkSync(temporary, target);
      unlinkSync(temporary);
    }
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`${file} already exists: pass --force to overwrite it`, exitCodes.usage);
    throw writeFailure(error, file);
  }
  io.stdout(`wrote ${file}: fill it in, then run \`monitoring-letter validate ${file}\`\n`);
  return exitCodes.ok;
}
