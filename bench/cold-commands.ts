/**
 * Cold commands of the bundled CLI, each a new process as a user types them:
 * wall and CPU time (user + system, from the kernel's accounting of the
 * finished child), each beside Node starting alone (`node -e ""`), since
 * what the tool adds is the difference.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** CPU seconds (user + system) of this process's finished children so far, from /proc (Linux); undefined elsewhere. */
export function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** Wall and CPU milliseconds of `runs` fresh processes (one more first, warming the disk cache, not counted). */
function spawnTimes(args: (run: number) => string[], runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = -1; i < runs; i += 1) {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    execFileSync(process.execPath, args(i), { stdio: 'pipe' });
    const elapsed = performance.now() - started;
    const cpuAfter = childrenCpu();
    if (i < 0) continue;
    wall.push(elapsed);
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push((cpuAfter - cpuBefore) * 1000);
  }
  return { wall, cpu };
}

/** Prints each cold command's median wall and CPU, and what it adds to Node's own start (the targets are on that). */
export function coldCommands(bin: string, example: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'ml-cold-'));
  const runs = 11;
  const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const plus = (ms: number): string => `${ms >= 0 ? '+' : '−'}${(Math.abs(ms) / 1000).toFixed(3)} s`;
  const node = spawnTimes(() => ['-e', ''], runs);
  const nodeWall = median(node.wall);
  const nodeCpu = node.cpu.length > 0 ? median(node.cpu) : NaN;
  console.log(`\ncold commands of the bundled CLI (dist/cli/bin.js), a new process each time, median of ${runs}:`);
  console.log(`  ${'node -e "" (Node starting alone)'.padEnd(34)}wall ${s(nodeWall)}, CPU ${s(nodeCpu)}`);
  const commands: { name: string; args: (run: number) => string[]; target?: number }[] = [
    { name: '--version', args: () => [bin, '--version'], target: 100 },
    { name: '--help', args: () => [bin, '--help'] },
    { name: 'validate example.yaml', args: () => [bin, 'validate', example], target: 200 },
    {
      name: 'draft example.yaml, every format',
      args: (run) => [bin, 'draft', example, '--out', join(dir, String(run))],
      target: 300,
    },
  ];
  try {
    for (const c of commands) {
      const t = spawnTimes(c.args, runs);
      const wall = median(t.wall);
      const cpu = t.cpu.length > 0 ? median(t.cpu) : NaN;
      console.log(
        `  ${c.name.padEnd(34)}wall ${s(wall)} (${plus(wall - nodeWall)} above Node), ` +
          `CPU ${s(cpu)} (${plus(cpu - nodeCpu)} above Node)` +
          (c.target === undefined
            ? ''
            : `; target ${plus(c.target)}: ${cpu - nodeCpu <= c.target ? 'met' : 'NOT met'} on CPU`),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
