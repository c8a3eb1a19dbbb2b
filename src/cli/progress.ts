/**
 * Batch progress: a one-line bar on a terminal, plain lines otherwise
 * (logs, CI), so piped output stays readable.
 */
/** How one form came out: a complete letter, a letter with gaps or errors, or no letter. */
export type Outcome = 'ok' | 'incomplete' | 'failed';

const words: Record<Outcome, string> = { ok: 'ok        ', incomplete: 'INCOMPLETE', failed: 'FAILED    ' };

export interface Progress {
  tick(label: string, outcome: Outcome): void;
  done(): void;
}

export function createProgress(total: number, write: (text: string) => void, isTTY: boolean): Progress {
  let count = 0;
  let failed = 0;
  let incomplete = 0;
  let lastDraw = 0;
  const started = Date.now();
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const width = 30;
    const filled = total > 0 ? Math.round((count / total) * width) : width;
    const rate = count / Math.max(0.001, (now - started) / 1000);
    write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ` +
        `${incomplete > 0 ? `${incomplete} incomplete ` : ''}${failed > 0 ? `${failed} failed ` : ''}${rate.toFixed(0)}/s `,
    );
  };
  return {
    tick(label, outcome) {
      count += 1;
      if (outcome === 'failed') failed += 1;
      if (outcome === 'incomplete') incomplete += 1;
      if (isTTY) draw(count === total);
      else write(`[${count}/${total}] ${words[outcome]} ${label}\n`);
    },
    done() {
      if (isTTY) {
        draw(true);
        write('\n');
      }
    },
  };
}
