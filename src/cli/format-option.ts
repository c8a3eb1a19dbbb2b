/** The `--format` option shared by draft, finalise and batch. */
import { outputFormats, type OutputFormat } from '../ground/formats.js';
import { exitCodes, UserError } from '../ground/io.js';

/** Parses `--format docx,pdf` into known formats; a usage error names the unknown one. */
export function parseFormats(value: unknown): OutputFormat[] {
  if (value === undefined) return [...outputFormats];
  const names = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  if (names.length === 0) {
    throw new UserError(`--format: name at least one of ${outputFormats.join(', ')}`, exitCodes.usage);
  }
  const unknown = names.filter((n) => !(outputFormats as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UserError(
      `--format ${unknown.join(',')}: expected one or more of ${outputFormats.join(', ')}`,
      exitCodes.usage,
    );
  }
  return [...new Set(names)] as OutputFormat[];
}
