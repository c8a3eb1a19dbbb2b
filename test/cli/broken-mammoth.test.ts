/**
 * A mammoth that loads without its functions (as the command-line bundle once
 * loaded it, issue 19) is an internal error, exit 4: never "not a readable
 * DOCX file", exit 1, which blames the user's letter.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const form = join(repoRoot, 'fixtures/forms/example.yaml');

/** A folder holding a file named `name` that starts as a DOCX (a zip) does. */
function folderWith(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'broken-mammoth-'));
  writeFileSync(join(dir, name), 'PK');
  return dir;
}

beforeEach(() => {
  vi.resetModules();
  vi.doMock('mammoth', () => ({ default: {} }));
});

afterEach(() => {
  vi.doUnmock('mammoth');
  vi.resetModules();
});

describe('a broken mammoth package', () => {
  it('check-copy of a DOCX exits 4 (internal), not 1', async () => {
    const { main } = await import('../../src/cli/main.js');
    const io = fakeIo(folderWith('letter.docx'));
    const code = await main(['check-copy', 'letter.docx', form], io);
    expect(io.err).not.toContain('not a readable DOCX file');
    expect(io.err).toContain('internal error');
    expect(code).toBe(4);
  });

  it('finalise with a DOCX draft exits 4 (internal), not 1', async () => {
    const { main } = await import('../../src/cli/main.js');
    const io = fakeIo(folderWith('draft.docx'));
    const code = await main(
      ['finalise', form, '--draft', 'draft.docx', '--by', 'A. Officer', '--date', '2014-03-14'],
      io,
    );
    expect(io.err).not.toContain('not a readable DOCX file');
    expect(code).toBe(4);
  });
});
