/**
 * Each decision is made once per letter (src/rules/letter-decisions.ts): the
 * copy list (para 17) and what para 16 still needs are decided one time and
 * read by the checks, the letter model and sending. Counters wrapped around
 * resolveRecipients and missingContents prove it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ resolveRecipients: 0, missingContents: 0 }));

vi.mock('../../src/rules/recipients.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/rules/recipients.js')>();
  return {
    ...actual,
    resolveRecipients: (...args: Parameters<typeof actual.resolveRecipients>) => {
      calls.resolveRecipients += 1;
      return actual.resolveRecipients(...args);
    },
  };
});

vi.mock('../../src/rules/checks/completeness.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/rules/checks/completeness.js')>();
  return {
    ...actual,
    missingContents: (...args: Parameters<typeof actual.missingContents>) => {
      calls.missingContents += 1;
      return actual.missingContents(...args);
    },
  };
});

const { compose, fixture } = await import('../letter/compose.js');
const { validateForms } = await import('../../src/workflow/validate.js');
const { schoolRecipients } = await import('../../src/workflow/recipients.js');
const { draftToFolder } = await import('../../src/workflow/draft-files.js');
const { prepareContext } = await import('../../src/workflow/context.js');
const { planLetterSend } = await import('../../src/distribution/plan.js');
const { decideCopyList } = await import('../../src/rules/letter-decisions.js');
const { loadContacts } = await import('../../src/distribution/contacts.js');
const { emailTemplates } = await import('../../src/distribution/email-templates.js');
const { fakeIo, repoRoot } = await import('../support/fake-io.js');

const forms = join(repoRoot, 'fixtures', 'forms');

// A voluntary aided school (the diocese and foundation checks read the copy list), a secondary school
// that does not say whether it has a sixth form (the sixth-form check reads it), and the example form.
const kinds = ['joint-faith-voluntary-aided', 'voluntary-aided-primary', 'academy-converter-sixth-form', 'example'];

beforeEach(() => {
  calls.resolveRecipients = 0;
  calls.missingContents = 0;
});

describe('each decision is made once per letter', () => {
  for (const name of kinds) {
    it(`drafting ${name}: the copy list and what is missing, once each`, () => {
      const form = fixture(name);
      const noSixthForm = structuredClone(form);
      delete noSixthForm.school.sixthForm;
      for (const f of [form, noSixthForm]) {
        calls.resolveRecipients = 0;
        calls.missingContents = 0;
        const letter = compose(f, 'draft');
        expect(letter.document).toBeDefined();
        expect(calls).toEqual({ resolveRecipients: 1, missingContents: 1 });
      }
    });
  }

  it('a final letter of the example: the checks, the model and the refusal read the same decisions', () => {
    const form = fixture('example');
    delete form.findings;
    const letter = compose(form, 'final');
    expect(calls).toEqual({ resolveRecipients: 1, missingContents: 1 });
    // What the completeness check reports is exactly where the model puts its markers.
    const reported = letter.diagnostics.filter((d) => d.rule === 'para-16/completeness' && d.severity === 'error');
    const paths = (list: { path: readonly (string | number)[] }[]) => list.map((x) => x.path.join('.')).sort();
    expect(paths(reported)).toEqual(paths(letter.model.gaps));
    expect(reported.length).toBeGreaterThan(0);
    expect(letter.document).toBeUndefined();
  });

  it('validate decides once per form', async () => {
    const context = prepareContext(fakeIo(forms));
    await validateForms(context, { files: ['joint-faith-voluntary-aided.yaml', 'example.yaml'] });
    expect(calls).toEqual({ resolveRecipients: 2, missingContents: 2 });
  });

  it('a form the schema refused in places: validate and draft decide once for the rest of it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'decisions-'));
    const text = readFileSync(join(forms, 'example.yaml'), 'utf8').replace('    - the headteacher\n', '    - \n');
    writeFileSync(join(cwd, 'g.yaml'), text);
    const context = prepareContext(fakeIo(cwd));
    const validated = await validateForms(context, { files: ['g.yaml'] });
    expect(validated.diagnostics.map((d) => d.rule)).toContain('schema/invalid-type');
    expect(calls).toEqual({ resolveRecipients: 1, missingContents: 1 });
    calls.resolveRecipients = 0;
    calls.missingContents = 0;
    const drafted = await draftToFolder(context, {
      form: 'g.yaml',
      out: 'out',
      formats: ['md'],
      final: false,
      force: false,
    });
    expect(drafted.ok).toBe(true);
    expect(calls).toEqual({ resolveRecipients: 1, missingContents: 1 });
  });

  it('recipients decides the copy list once, and never asks what is missing', async () => {
    const context = prepareContext(fakeIo(forms));
    const outcome = await schoolRecipients(context, { form: 'joint-faith-voluntary-aided.yaml' });
    expect(outcome.ok).toBe(true);
    expect(calls).toEqual({ resolveRecipients: 1, missingContents: 0 });
  });

  it('sending plans with the copy list it is given, deciding nothing again', () => {
    const form = fixture('example');
    const copyList = decideCopyList(form);
    calls.resolveRecipients = 0;
    const contactsFile = join(repoRoot, 'fixtures', 'contacts', 'example.yaml');
    const { contacts } = loadContacts(readFileSync(contactsFile, 'utf8'), 'contacts.yaml');
    const context = { contacts: contacts!, contactsFile: 'contacts.yaml', templates: emailTemplates() };
    const plan = planLetterSend(form, 'example.yaml', join(repoRoot, 'no-such-folder'), context, copyList);
    expect(calls.resolveRecipients).toBe(0);
    expect(plan.recipients).toBe(copyList.decided ? copyList.list : undefined);
  });
});
