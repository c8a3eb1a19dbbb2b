import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLetterCopies } from '../../src/workflow/check-copy.js';
import { repoRoot } from '../support/fake-io.js';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url).pathname;
const letter = (name: string) => ({ name, bytes: readFileSync(fixture(`letters/${name}`)) });

describe('checkLetterCopies: a received letter in memory against para 17', () => {
  it('finds the missing diocese from the register’s facts, with its reason', async () => {
    const outcome = await checkLetterCopies({
      letter: letter('st-marys-diocese-missing.txt'),
      urn: '121190',
      register: 'fixtures/register/gias-extract.csv',
      cwd: repoRoot,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.check.ok).toBe(false);
    expect(outcome.check.missing.map((m) => [m.role, m.paragraph])).toEqual([['diocese', '17']]);
  });

  it('refuses a file type it cannot read, a letter without a copy sentence, and a URN without a register, in words', async () => {
    const form = 'fixtures/forms/example.yaml';
    const wrongType = await checkLetterCopies({
      letter: { name: 'scan.jpg', bytes: Buffer.from('x') },
      form,
      cwd: repoRoot,
    });
    expect(wrongType).toMatchObject({ ok: false, problem: 'invalid' });
    expect(!wrongType.ok && wrongType.message).toContain('expected one of .docx, .pdf');
    const none = await checkLetterCopies({ letter: letter('no-copy-sentence.txt'), form, cwd: repoRoot });
    expect(!none.ok && none.message).toMatch(/^no-copy-sentence\.txt: /);
    const noRegister = await checkLetterCopies({
      letter: letter('no-copy-sentence.txt'),
      urn: '121190',
      cwd: repoRoot,
    });
    expect(noRegister).toMatchObject({ ok: false, problem: 'usage' });
  });
});
