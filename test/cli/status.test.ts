import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { appendHistory, historyPath } from '../../src/ground/history.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-'));
  mkdirSync(join(dir, 'forms'));
  for (const name of ['example.yaml', 'community-primary.yaml', 'section-117-visit.yaml']) {
    copyFileSync(join(repoRoot, 'fixtures/forms', name), join(dir, 'forms', name));
  }
  return dir;
}

interface StatusJson {
  today: string;
  letters: { form: string; urn: string; stage: string; overdue: boolean; next?: { id: string; date: string } }[];
}

describe('status', () => {
  it('para 17: lists each letter with its stage and next deadline, overdue first', async () => {
    const dir = workspace();
    // The example (visit 12 March 2014) was finalised; its final letter is due by 26 March.
    appendHistory(historyPath(join(dir, 'output'), '121190', '2014-03-12'), {
      stage: 'draft-received',
      at: '2014-03-13T09:00:00Z',
    });
    const io = fakeIo(dir);
    const code = await main(['status', 'forms', '--today', '2014-03-27', '--json'], io);
    expect(code).toBe(0);
    const report = JSON.parse(io.out) as StatusJson;
    expect(report.letters).toHaveLength(3);
    const first = report.letters[0]!;
    expect(first.urn).toBe('121190');
    expect(first.stage).toBe('draft-received');
    expect(first.next?.id).toBe('final-letter');
    expect(first.overdue).toBe(true);
    expect(report.letters.slice(1).every((l) => !l.overdue || l.next!.date <= first.next!.date)).toBe(true);
  });

  it('prints a table a person can read, marking overdue letters', async () => {
    const dir = workspace();
    const io = fakeIo(dir);
    expect(await main(['status', 'forms', '--today', '2014-03-27'], io)).toBe(0);
    expect(io.out).toMatch(/^OVERDUE\s+awaiting HMI draft\s+HMI’s letter to the ISP\s+2014-03-17/m);
    expect(io.out).toMatch(/3 letters, \d+ overdue\./);
  });

  it('reports an invalid form in the list rather than stopping', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'forms', 'broken.yaml'), 'school: [\n');
    const io = fakeIo(dir);
    expect(await main(['status', 'forms', '--today', '2014-03-27'], io)).toBe(0);
    expect(io.out).toMatch(/broken\.yaml: the form is not valid/);
  });

  it('a bad --today is a usage error (exit 2)', async () => {
    const io = fakeIo(workspace());
    expect(await main(['status', 'forms', '--today', '2014-02-30'], io)).toBe(2);
    expect(io.err).toMatch(/expected a date written YYYY-MM-DD/);
  });
});
