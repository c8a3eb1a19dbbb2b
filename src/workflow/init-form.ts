/**
 * `init` as one workflow step: the commented example form, its first line
 * pointing editors at the JSON Schema relative to where the form is written,
 * written atomically and never over a file unless forced. `serve` starts a
 * form that does not exist yet the same way.
 */
import { existsSync, linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { jsonSchemaFile } from '../evidence/json-schema.js';
import { exitCodes, UserError } from '../ground/io.js';
import { packageRoot } from '../ground/package-root.js';
import { writeFileAtomic } from '../writers/write-atomic.js';
import type { WorkflowContext } from './context.js';
import { writeFailure } from './out-dir.js';

const templateFile = join('templates', 'init-form.yaml');

/** The example form, its first line pointing editors at the JSON Schema relative to where the form is written. */
export function initFormText(target: string): string {
  const root = packageRoot();
  const template = readFileSync(join(root, templateFile), 'utf8');
  const schemaPath = relative(dirname(target), join(root, jsonSchemaFile)).split(sep).join('/');
  return template.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaPath}`);
}

/** Writes the example form at `file` (as the user named it); refuses an existing file unless `force`. */
export function writeInitForm(context: WorkflowContext, request: { file: string; force: boolean }): void {
  const { file, force } = request;
  const target = resolve(context.io.cwd, file);
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
}

/**
 * The form the drafting page edits, as an absolute path: an existing form
 * file, or one started from the example form (`started` is then true).
 */
export function startForm(context: WorkflowContext, file: string): { path: string; started: boolean } {
  const { io } = context;
  const path = resolve(io.cwd, file);
  if (!/\.(ya?ml|json)$/i.test(file)) {
    throw new UserError(`${file}: expected a form file ending .yaml, .yml or .json`, exitCodes.usage);
  }
  if (existsSync(path)) return { path, started: false };
  if (!existsSync(dirname(path))) {
    throw new UserError(
      `cannot start ${file}: its folder ${relative(io.cwd, dirname(path))} does not exist`,
      exitCodes.usage,
    );
  }
  try {
    writeFileAtomic(path, initFormText(path), { overwrite: false });
  } catch (error) {
    throw writeFailure(error, file);
  }
  return { path, started: true };
}
