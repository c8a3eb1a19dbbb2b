import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(process.cwd());
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('a mistyped command', () => {
  it.each([
    ['valdate', 'validate'],
    ['recipient', 'recipients'],
    ['checkcopy', 'check-copy'],
    ['finalize', 'finalise'],
    ['deadline', 'deadlines'],
  ])('"%s" suggests "%s", exit 2 (the command was used wrongly)', async (typed, meant) => {
    const { code, err } = await run(typed, 'visit.yaml');
    expect(code).toBe(2);
    expect(err).toContain(`unknown command "${typed}": did you mean "${meant}"?`);
  });

  it('a word like no command names the commands instead', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
    expect(err).not.toContain('did you mean');
    expect(err).toContain('monitoring-letter validate');
  });

  it('a real command is not questioned', async () => {
    const { code, err } = await run('schema');
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});
