import { mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/rules/types.js';
import { appendHistory, historyPath, readHistory, type HistoryEvent } from '../../src/ground/history.js';
import { compareStatuses, currentStage, letterStatus, queueStage } from '../../src/workflow/status.js';

const deadline = (id: string, date: string): Deadline => ({
  id,
  date,
  description: id,
  paragraph: '17',
  basis: 'working days, England',
});
const deadlines = [
  deadline('letter-to-isp', '2014-03-17'),
  deadline('final-letter', '2014-03-26'),
  deadline('publication', '2014-04-02'),
  deadline('next-section-5', '2016-02-03'),
];
const noHolidays = new Set<string>();
const at = (stage: HistoryEvent['stage'], day: string, version?: number): HistoryEvent => ({
  stage,
  at: `${day}T10:00:00.000Z`,
  ...(version !== undefined ? { version } : {}),
});

describe('letter status', () => {
  it('para 17: a letter with no history awaits the HMI draft, due at the ISP within 3 days', () => {
    const s = letterStatus([], deadlines, true, '2014-03-13', noHolidays);
    expect(s.stage).toBe('awaiting-draft');
    expect(s.next?.id).toBe('letter-to-isp');
    expect(s.workingDaysLeft).toBe(2);
    expect(s.overdue).toBe(false);
  });

  it('para 17: a received draft not finalised by its 10-day date is overdue', () => {
    const s = letterStatus([at('draft-received', '2014-03-14')], deadlines, true, '2014-03-27', noHolidays);
    expect(s.stage).toBe('draft-received');
    expect(s.next?.id).toBe('final-letter');
    expect(s.overdue).toBe(true);
    expect(s.workingDaysLeft).toBe(-1);
  });

  it('para 18: once sent, publication is the next date', () => {
    const s = letterStatus(
      [at('draft-received', '2014-03-14'), at('finalised', '2014-03-20', 2), at('sent', '2014-03-21')],
      deadlines,
      true,
      '2014-03-24',
      noHolidays,
    );
    expect(s.stage).toBe('sent');
    expect(s.version).toBe(2);
    expect(s.next?.id).toBe('publication');
  });

  it('para 26: a section 117 letter, once sent, is withheld rather than awaiting publication', () => {
    const s = currentStage([at('finalised', '2014-03-20', 1), at('sent', '2014-03-21')], false);
    expect(s.stage).toBe('withheld');
  });

  it('the furthest stage wins even when events arrive out of order', () => {
    const s = currentStage([at('sent', '2014-03-21'), at('finalised', '2014-03-20', 1)], true);
    expect(s.stage).toBe('sent');
  });

  it('sorts overdue letters first, then by the next date', () => {
    const rows = [
      letterStatus([at('sent', '2014-03-21')], deadlines, true, '2014-03-27', noHolidays),
      letterStatus([at('draft-received', '2014-03-14')], deadlines, true, '2014-03-27', noHolidays),
      letterStatus([], [], true, '2014-03-27', noHolidays),
    ];
    const sorted = [...rows].sort(compareStatuses);
    expect(sorted.map((r) => r.stage)).toEqual(['draft-received', 'sent', 'awaiting-draft']);
  });
});

describe('letter history', () => {
  it('appends events and reads them back, skipping a line cut short by a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'));
    const file = historyPath(dir, '121190', '2014-03-12');
    appendHistory(file, at('draft-received', '2014-03-14'));
    appendFileSync(file, '{"stage":"finali');
    appendFileSync(file, '\n');
    appendHistory(file, at('finalised', '2014-03-20', 1));
    const { events, damagedLines } = readHistory(file);
    expect(events.map((e) => e.stage)).toEqual(['draft-received', 'finalised']);
    expect(damagedLines).toBe(1);
  });

  it('a letter with no history file has an empty history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'history-'));
    expect(readHistory(join(dir, 'none.jsonl'))).toEqual({ events: [], damagedLines: 0 });
  });
});

describe('the stage the workspace queue shows', () => {
  it('is incomplete while a form has errors, until the letter is final; then final, sent, published', () => {
    expect(queueStage('awaiting-draft', 0)).toBe('draft');
    expect(queueStage('awaiting-draft', 2)).toBe('incomplete');
    expect(queueStage('drafted', 0)).toBe('ready');
    expect(queueStage('draft-received', 0)).toBe('ready');
    expect(queueStage('draft-received', 1)).toBe('incomplete');
    expect(queueStage('finalised', 3)).toBe('final');
    expect(queueStage('sent', 0)).toBe('sent');
    // para 26: a section 117 letter is sent, never published.
    expect(queueStage('withheld', 0)).toBe('sent');
    expect(queueStage('published', 0)).toBe('published');
  });
});
