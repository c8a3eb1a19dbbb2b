/**
 * A usage mistake (an option the command does not have, a value missing) stops the command before it
 * does anything: a mistyped `--dry-run` must never send, a mistyped option to `draft` must never write.
 * The command's own help is shown with the mistake, and the exit code is 2.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { journal, makeWorkspace } from '../distribution/workspace.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const example = join(repoRoot, 'fixtures', 'forms', 'example.yaml');

describe('a usage mistake stops the command before it does anything', () => {
  it('send with a mistyped --dry-run sends nothing and records nothing', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
    expect(await main(['send', file, '--contacts', ws.contacts, '--dry-rnu'], io)).toBe(2);
    expect(io.err).toMatch(/unknown option --dry-rnu: did you mean --dry-run\?\n$/);
    expect(io.err).not.toContain('dryRnu');
    expect(journal(ws.letterDir)).toEqual([]);
    expect(existsSync(join(ws.letterDir, 'outbox'))).toBe(false);
  });

  it('draft with an unknown option writes no file, and shows draft’s own options', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'usage-')), 'output');
    const io = fakeIo(process.cwd());
    expect(await main(['draft', example, '--out', out, '--frobnicate'], io)).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(io.err).toMatch(/unknown option --frobnicate\n$/);
    expect(io.err).toContain('monitoring-letter draft');
    expect(io.err).toContain('--out');
    expect(io.out).toBe('');
  });

  it('validate with an option that swallows the form checks nothing and prints no count', async () => {
    const io = fakeIo(process.cwd());
    expect(await main(['validate', '--bogus', example], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/unknown option --bogus\n$/);
    expect(io.err).toContain('monitoring-letter validate');
  });
});
