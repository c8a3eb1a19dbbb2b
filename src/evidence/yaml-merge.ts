/**
 * Three-way merging for the drafting page: the YAML text a page typed
 * (mine), from the text it last had (base), onto the file as it is now
 * (theirs). What the page changed becomes field edits, each carrying the
 * value it replaced, so applyEditsChecked makes those the file has not
 * changed since and asks about the rest; nothing the other editor wrote
 * is overwritten without the person saying so.
 */
import { formData, type EditPath, type FieldEdit } from './yaml-edit.js';

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The field edits that turn `base` into `mine`, each with the value it replaces. */
export function editsBetween(base: unknown, mine: unknown, path: EditPath = []): FieldEdit[] {
  if (JSON.stringify(base) === JSON.stringify(mine)) return [];
  if (isMapping(base) && isMapping(mine)) {
    const edits: FieldEdit[] = [];
    for (const [key, value] of Object.entries(mine)) edits.push(...editsBetween(base[key], value, [...path, key]));
    for (const [key, value] of Object.entries(base)) {
      if (!(key in mine)) edits.push({ path: [...path, key], was: { value } });
    }
    return edits;
  }
  if (Array.isArray(base) && Array.isArray(mine) && path.length > 0) {
    const edits: FieldEdit[] = [];
    const common = Math.min(base.length, mine.length);
    for (let i = 0; i < common; i++) edits.push(...editsBetween(base[i], mine[i], [...path, i]));
    for (let i = common; i < mine.length; i++) edits.push({ path: [...path, i], value: mine[i], was: {} });
    for (let i = base.length - 1; i >= mine.length; i--) edits.push({ path: [...path, i], was: { value: base[i] } });
    return edits;
  }
  if (path.length === 0) return [];
  return [{ path, value: mine, was: base === undefined ? {} : { value: base } }];
}

/** The edits a YAML text makes to the text it started from; undefined when either does not read. */
export function textEdits(baseText: string, mineText: string): FieldEdit[] | undefined {
  const base = formData(baseText);
  const mine = formData(mineText);
  if (base === undefined || mine === undefined) return undefined;
  return editsBetween(base, mine);
}
