/**
 * Temporary files left by a process that died mid-write. Every temporary name
 * this tool writes carries its writer's process id (`<name>.<pid>.tmp`,
 * `.<name>.<pid>.<random>.tmp`, `<lock>.<pid>.<token>.tmp`), so a later run
 * removes those whose writer is gone, and never one a live process holds.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const temporaryName = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;

/** Whether a process with this id is running on this machine (one we may not signal counts as running). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files in `dir` whose writer has gone; returns their names. A missing folder has none. */
export function removeStaleTemporaries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(temporaryName.exec(name)?.[1] ?? Number.NaN);
    // This process's own are in use; a live process's are its business.
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}
