import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo as sharedFakeIo } from '../support/fake-io.js';

const example = new URL('../../fixtures/forms/example.yaml', import.meta.url).pathname;
const register = new URL('../../fixtures/register/gias-extract.csv', import.meta.url).pathname;

const fakeIo = () => sharedFakeIo(process.cwd());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('monitoring-letter recipients', () => {
  it('para 17: prints the addressee and each copy with its reason', async () => {
    const { code, out } = await run('recipients', example);
    expect(code).toBe(0);
    expect(out).toContain('To: Mrs Zoë Hughes');
    expect(out).toContain('the Diocese of Norwich\n    diocese: voluntary aided school: the diocese is copied');
    expect(out).not.toContain('Not copied');
  });

  it('--explain lists the roles not copied, and why', async () => {
    const { out } = await run('recipients', example, '--explain');
    expect(out).toContain('Not copied:');
    expect(out).toContain('efa: no sixth form: the Education Funding Agency is not copied');
  });

  it('--json is exactly { to, copies, notCopied, warnings }', async () => {
    const { code, out } = await run('recipients', example, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown> & {
      copies: Record<string, unknown>[];
      notCopied: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['to', 'copies', 'notCopied', 'warnings']);
    expect(json.copies.every((c) => Object.keys(c).join() === 'role,name,reason,paragraph')).toBe(true);
    expect(json.notCopied.every((c) => Object.keys(c).join() === 'role,reason')).toBe(true);
    expect(json.copies.map((c) => c.role)).toEqual(['appropriate-authority', 'local-authority', 'diocese']);
  });

  it('para 17: a Jewish voluntary aided school from the register: no diocese asked for; who appoints its foundation governors is copied and asked for', async () => {
    const text = await run('recipients', '--urn', '108072', '--register', register, '--explain');
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      '  the person or body responsible for appointing foundation governors\n    foundation-body:',
    );
    expect(text.out).toMatch(
      /Warnings \(para 17\):\n {2}foundation-body: a voluntary aided school has a foundation.*the register names no foundation/,
    );
    expect(text.out).not.toMatch(/without a foundation|school\.\w+/);
    const { out } = await run('recipients', '--urn', '108072', '--register', register, '--json');
    const json = JSON.parse(out) as { warnings: { role: string; path: string[] }[] };
    expect(json.warnings).toEqual([
      expect.objectContaining({ role: 'foundation-body', path: ['school', 'foundation'] }),
    ]);
  });

  it('para 17: a pupil referral unit from the register is copied to the Chair of its Management Committee', async () => {
    const { out } = await run('recipients', '--urn', '131001', '--register', register, '--json');
    const json = JSON.parse(out) as { copies: { role: string; name: string }[] };
    expect(json.copies.find((c) => c.role === 'appropriate-authority')?.name).toBe(
      'the Chair of the Management Committee',
    );
  });

  it('para 17: a secondary school whose sixth form is not known: a warning that the EFA copy cannot be decided, with --explain too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recipients-'));
    const form = join(dir, 'visit.yaml');
    writeFileSync(
      form,
      readFileSync(example, 'utf8')
        .replace('phase: primary', 'phase: secondary')
        .replace(/^ {2}sixthForm: false\n/m, ''),
    );
    const { code, out } = await run('recipients', form, '--explain');
    expect(code).toBe(0);
    expect(out).toContain(
      'efa: sixth form not known (school.sixthForm is not given): whether the Education Funding Agency is copied cannot be decided',
    );
    expect(out).toMatch(/Warnings \(para 17\):\n {2}efa: a secondary school may have a sixth form.*cannot be decided/);
  });

  it('--urn N --register FILE takes every fact from the register', async () => {
    const { code, out } = await run('recipients', '--urn', '141505', '--register', register, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { to: { name: string }; copies: { role: string; name: string }[] };
    expect(json.to.name).toBe('Mrs Grace Okafor');
    expect(json.copies.map((c) => c.role)).toEqual([
      'appropriate-authority',
      'local-authority',
      'efa',
      'dfe-academies-unit',
    ]);
  });

  it('form and register: merged, a disagreement printed as a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recipients-'));
    const form = join(dir, 'form.yaml');
    writeFileSync(form, readFileSync(example, 'utf8').replace('sixthForm: false', 'sixthForm: true'));
    const { code, out, err } = await run('recipients', form, '--register', register);
    expect(code).toBe(0);
    expect(err).toMatch(/warning .*register gives "false".* at school\.sixthForm \(register\/disagrees\)/);
    expect(out).toContain('the Education Funding Agency');
  });

  it('an unknown register type is a clear error naming it (exit 1)', async () => {
    const { code, err } = await run('recipients', '--urn', '131502', '--register', register);
    expect(code).toBe(1);
    expect(err).toContain('"Service children\'s education"');
  });

  it('a school not inspected under section 5 is a clear error (exit 1)', async () => {
    const { code, err } = await run('recipients', '--urn', '121999', '--register', register);
    expect(code).toBe(1);
    expect(err).toContain('"Other independent school" is not inspected under section 5');
  });

  it('a URN the register lacks is exit 1; --urn without --register is exit 2', async () => {
    expect((await run('recipients', '--urn', '999999', '--register', register)).code).toBe(1);
    const usage = await run('recipients', '--urn', '121190');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--urn needs --register');
    expect((await run('recipients')).code).toBe(2);
  });
});
