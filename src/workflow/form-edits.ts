/**
 * Saving what the drafting page changed in a form: the person's two user
 * actions there, "save this field" and "save the YAML text I typed". Each
 * save names the version of the file it was made from. Where the file has
 * moved on since (another tab, an editor), the change is merged field by
 * field onto the file as it is now, and every field changed both here and
 * there is handed back as a conflict for the person to decide, never
 * overwritten. The file keeps its comments, order and layout (evidence/yaml-edit.ts).
 */
import { applyEditsChecked, formData, YamlEditError, type EditOutcome, type FieldEdit } from '../evidence/yaml-edit.js';
import { textEdits } from '../evidence/yaml-merge.js';
import { FormFile, StaleVersionError } from './form-file.js';
import { schemaKeyOrder } from './page-form-schema.js';
import type { FormCheck, LetterService } from './page.js';

export type { FieldEdit };
export { YamlEditError };

/** The form as the page shows it: its text, version, the data the fields show, and the checks. */
export interface FormState {
  version: string;
  text: string;
  /** The text's data whether or not it is a valid form; null when its YAML does not parse. */
  data: unknown;
  check: FormCheck;
}

/** After a save: the form as saved, the edits refused (with why) and the fields changed both here and in the file. */
export interface SavedForm extends FormState {
  refused?: EditOutcome['refused'];
  conflicts?: EditOutcome['conflicts'];
}

/** The page's text was typed from a version the file has left, and cannot be merged field by field: the person chooses. */
export class FormMovedOnError extends Error {
  constructor(readonly current: string) {
    super(
      'The form on disk has changed since this page loaded it (another tab or an editor saved it). Your change was not saved; reload the page to carry on from the saved form.',
    );
    this.name = 'FormMovedOnError';
  }
}

export interface FormEditing {
  /** The form on disk now. */
  current(): Promise<FormState>;
  /** Field edits made from version `base`; `merge`: changes kept from an earlier page, checked against the file as it is. */
  saveEdits(request: {
    base?: string | undefined;
    edits: FieldEdit[];
    merge?: boolean | undefined;
  }): Promise<SavedForm>;
  /** The whole text typed from version `base` (whose text was `baseText`, when the page knows it). */
  saveText(request: {
    base?: string | undefined;
    text: string;
    baseText?: string | undefined;
    merge?: boolean | undefined;
  }): Promise<SavedForm>;
  /** Throws FormMovedOnError unless the file is still at `base` (before a draft is written from it). */
  assertCurrent(base: string | undefined): void;
}

/** The saves for one form file, checked with `letters` after each (as `validate` checks it). */
export function formEditing(options: { form: string; formName: string; letters: LetterService }): FormEditing {
  const file = new FormFile(options.form);
  const format = /\.json$/i.test(options.form) ? 'json' : 'yaml';

  const stateOf = async (text: string, version: string): Promise<FormState> => ({
    version,
    text,
    data: formData(text) ?? null,
    check: await options.letters.check(text, options.formName),
  });

  /** Makes the edits on the file as it is (three-way where the page was behind it); a save beaten by a moment is tried again. */
  async function merged(edits: FieldEdit[], how: { base?: string; anyValue?: boolean }): Promise<SavedForm> {
    let current = file.read();
    for (let attempt = 0; ; attempt++) {
      const outcome = applyEditsChecked(current.text, edits, {
        format,
        threeWay: current.version !== how.base,
        keyOrder: schemaKeyOrder,
        anyValue: how.anyValue === true,
      });
      try {
        const version = file.save(outcome.text, current.version);
        return { ...(await stateOf(outcome.text, version)), refused: outcome.refused, conflicts: outcome.conflicts };
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        if (attempt >= 3) throw new FormMovedOnError(error.current);
        current = file.read();
      }
    }
  }

  return {
    async current() {
      const { text, version } = file.read();
      return stateOf(text, version);
    },
    saveEdits: ({ base, edits, merge }) => merged(edits, merge === true ? {} : { ...(base ? { base } : {}) }),
    async saveText({ base, text, baseText, merge }) {
      const current = file.read();
      // Changes kept from an earlier page (merge) are merged even onto the version they name.
      if ((current.version === base && merge !== true) || current.text === text) {
        try {
          return await stateOf(text, file.save(text, current.version === base ? base : current.version));
        } catch (error) {
          if (error instanceof StaleVersionError) throw new FormMovedOnError(error.current);
          throw error;
        }
      }
      // The page is behind the file: what its text changes is merged field by field, or the person is asked.
      const edits = baseText === undefined ? undefined : textEdits(baseText, text);
      if (!edits) throw new FormMovedOnError(current.version);
      return merged(edits, { anyValue: true });
    },
    assertCurrent(base) {
      const current = file.read();
      if (current.version !== base) throw new FormMovedOnError(current.version);
    },
  };
}
