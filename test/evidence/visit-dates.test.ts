import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { firstVisitDay, lastVisitDay, sortedVisitDates } from '../../src/evidence/visit-dates.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const visit = (dates: string[]) => ({ visit: { dates } }) as Parameters<typeof sortedVisitDates>[0];

describe('visit dates, sorted in one place', () => {
  it('sorts, drops repeats, and names the first and last day', () => {
    const form = visit(['2014-03-13', '2014-03-12', '2014-03-13']);
    expect(sortedVisitDates(form)).toEqual(['2014-03-12', '2014-03-13']);
    expect(firstVisitDay(form)).toBe('2014-03-12');
    expect(lastVisitDay(form)).toBe('2014-03-13');
    expect(lastVisitDay(visit([]))).toBe('');
  });

  it('a form giving its days out of order drafts, dates and names its letter as one giving them in order', async () => {
    const example = readFileSync(join(repoRoot, 'fixtures/forms/example.yaml'), 'utf8');
    const run = async (dates: string) => {
      const cwd = mkdtempSync(join(tmpdir(), 'visit-dates-'));
      writeFileSync(join(cwd, 'visit.yaml'), example.replace('dates: [2014-03-12]', `dates: [${dates}]`));
      const io = fakeIo(cwd);
      expect(await main(['draft', 'visit.yaml', '--format', 'md'], io)).toBe(0);
      const deadlines = fakeIo(cwd);
      expect(await main(['deadlines', 'visit.yaml', '--json', '--today', '2014-03-14'], deadlines)).toBe(0);
      const files = readdirSync(join(cwd, 'output')).sort();
      return {
        files,
        md: readFileSync(
          join(
            cwd,
            'output',
            files.find((f) => f.endsWith('.md'))!,
          ),
          'utf8',
        ),
        deadlines: deadlines.out,
      };
    };
    const inOrder = await run('2014-03-11, 2014-03-12');
    const reversed = await run('2014-03-12, 2014-03-11');
    expect(reversed.files).toEqual(['121190-2014-03-12-draft.md', '121190-2014-03-12.history.jsonl']);
    expect(reversed.files).toEqual(inOrder.files);
    expect(reversed.md).toContain('11 and 12 March 2014');
    expect(reversed.md).toBe(inOrder.md);
    expect(reversed.deadlines).toBe(inOrder.deadlines);
  });
});
