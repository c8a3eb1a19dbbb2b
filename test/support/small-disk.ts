/**
 * A real small disk for full-disk and read-only tests: a tmpfs of a few
 * kilobytes mounted on a temporary folder (this needs root, or a system that
 * lets the test mount one). Where mounting is refused, `mountSmallDisk`
 * returns the reason and the test is skipped naming it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the disk until about `leave` bytes are free. */
  fill(leave: number): void;
  /** Remounts the disk read-only (EROFS on every write). */
  readOnly(): void;
  unmount(): void;
}

function run(args: string[]): void {
  execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
}

/** Mounts a tmpfs of `kilobytes` KB; a string says why it could not be mounted. */
export function mountSmallDisk(kilobytes: number): SmallDisk | string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-small-disk-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const words = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    return `cannot mount a ${kilobytes} KB tmpfs to fill (needs root): ${words || 'mount refused'}`;
  }
  let mounted = true;
  return {
    dir,
    fill(leave) {
      const total = kilobytes * 1024;
      writeFileSync(join(dir, '.filler'), Buffer.alloc(0));
      // tmpfs counts whole pages: fill page by page until the space left is about `leave`.
      const pages = Math.max(0, Math.floor((total - leave) / 4096));
      writeFileSync(join(dir, '.filler'), Buffer.alloc(pages * 4096));
    },
    readOnly() {
      run(['mount', '-o', 'remount,ro', dir]);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      run(['umount', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
