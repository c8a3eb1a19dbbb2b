/**
 * The diagnostics meaning a named file could not be read at all (not found,
 * a folder, permission refused): every command treats them as wrong usage
 * (exit 2). A file that was read but is not a valid form (UTF-16, binary,
 * not UTF-8, too large, bad YAML) is invalid input (exit 1).
 */
export const unreadableFileRules: ReadonlySet<string> = new Set([
  'file/not-found',
  'file/is-directory',
  'file/unreadable',
  'register/unreadable',
]);

/** True when a diagnostic says a named file could not be read at all. */
export function isUnreadableFile(diagnostic: { rule: string }): boolean {
  return unreadableFileRules.has(diagnostic.rule);
}
