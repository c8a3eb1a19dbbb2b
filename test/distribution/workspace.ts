/** A temporary folder with forms, a contacts file and fake final letters, independent of the letter writers. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadFormFile } from '../../src/evidence/load.js';
import type { EvidenceForm } from '../../src/evidence/schema.js';
import { planLetterSend, type Plan, type PlanContext } from '../../src/distribution/plan.js';
import { decideCopyList } from '../../src/rules/letter-decisions.js';
export const exampleForm = new URL('../../fixtures/forms/example.yaml', import.meta.url).pathname;
export const exampleContacts = new URL('../../fixtures/contacts/example.yaml', import.meta.url).pathname;

/** The bundled example form, as validated. */
export function loadExample(fixture: string = exampleForm): EvidenceForm {
  const loaded = loadFormFile(fixture);
  if (!loaded.form) throw new Error(`example form does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return structuredClone(loaded.form);
}

export interface Workspace {
  dir: string;
  letterDir: string;
  contacts: string;
  /** Writes a form (its school's e-mail addresses filled in) and its fake final letter; returns the form's path. */
  addLetter(
    urn: string,
    options?: { edit?: (form: EvidenceForm) => void; draftOnly?: boolean; fixture?: string },
  ): { file: string; pdf: Buffer; form: EvidenceForm };
}

/** A PDF-looking file with the writer's status marks and random content, so equality is meaningful. */
export function fakeFinalPdf(version = 1): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n<ml:status>final</ml:status>\n/LetterStatus (final v${version})\n`),
    randomBytes(2048),
    Buffer.from('\n%%EOF\n'),
  ]);
}

export function makeWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'ml-send-'));
  const letterDir = join(dir, 'output');
  mkdirSync(letterDir);
  const contacts = join(dir, 'contacts.yaml');
  copyFileSync(exampleContacts, contacts);
  return {
    dir,
    letterDir,
    contacts,
    addLetter(urn, options = {}) {
      const form = loadExample(
        options.fixture
          ? new URL(`../../fixtures/forms/${options.fixture}.yaml`, import.meta.url).pathname
          : exampleForm,
      );
      form.school.urn = urn;
      form.headteacher = { ...form.headteacher!, email: `head.${urn}@school.example` };
      form.school.governance = {
        ...form.school.governance!,
        chair: { ...form.school.governance!.chair!, email: `chair.${urn}@school.example` },
      };
      options.edit?.(form);
      const file = join(dir, `${urn}.yaml`);
      writeFileSync(file, stringify(form));
      const date = form.visit.dates[form.visit.dates.length - 1]!;
      const pdf = fakeFinalPdf();
      if (options.draftOnly) writeFileSync(join(letterDir, `${urn}-${date}.pdf`), pdf);
      else writeFileSync(join(letterDir, `${urn}-${date}-final.pdf`), pdf);
      return { file, pdf, form };
    },
  };
}

/** The journal's records. */
export function journal(letterDir: string): Array<Record<string, unknown>> {
  try {
    return readFileSync(join(letterDir, 'send-journal.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** The plan that sends a form file's final letter, to the copy list decided for it (as `send` plans it). */
export function planLetterSendFor(file: string, letterDir: string, context: PlanContext): Plan {
  const form = loadFormFile(file).form!;
  return planLetterSend(form, file, letterDir, context, decideCopyList(form));
}
