/** The send workflow as data: what `send` and `confirm` print is decided by the commands alone. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSend, type SendRequest } from '../../src/workflow/send.js';
import { makeWorkspace, type Workspace } from '../distribution/workspace.js';

const request = (ws: Workspace, forms: string[], extra: Partial<SendRequest> = {}): SendRequest => ({
  kind: 'letter',
  forms,
  cwd: ws.dir,
  letterDir: 'output',
  contacts: ws.contacts,
  env: {},
  dryRun: false,
  resume: false,
  retryFailed: false,
  now: () => new Date('2014-03-20T10:00:00Z'),
  ...extra,
});

describe('runSend', () => {
  it('a contacts file that cannot be read is a usage problem; one that is not valid is invalid input', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    expect(await runSend(request(ws, [file], { contacts: 'missing.yaml' }))).toMatchObject({
      status: 'refused',
      problem: 'usage',
      message: expect.stringMatching(/cannot read the contacts file missing\.yaml: no such file/),
    });
    writeFileSync(join(ws.dir, 'bad.yaml'), 'efa: { email: not an address }\n');
    expect(await runSend(request(ws, [file], { contacts: 'bad.yaml' }))).toMatchObject({
      status: 'refused',
      problem: 'invalid',
    });
  });

  it('a recipient without an address: not ready, every problem listed, nothing sent', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190', { edit: (form) => (form.school.dioceses = ['Diocese of Ely']) });
    const outcome = await runSend(request(ws, [file]));
    expect(outcome.status).toBe('not-ready');
    expect(outcome.status === 'not-ready' && outcome.problems.join('\n')).toMatch(/Diocese of Ely/);
  });

  it('a dry run gives each message with what a real run would do; a real run gives each result', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const dry = await runSend(request(ws, [file], { dryRun: true }));
    expect(dry.status === 'dry-run' && dry.planned.map((p) => p.decision)).toEqual([
      { action: 'send' },
      { action: 'send' },
      { action: 'send' },
      { action: 'send' },
    ]);
    const real = await runSend(request(ws, [file]));
    expect(real).toMatchObject({ status: 'distributed', transport: 'outbox', journal: 'output/send-journal.jsonl' });
    expect(real.status === 'distributed' && real.entries.map((e) => e.result.status)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
  });
});
