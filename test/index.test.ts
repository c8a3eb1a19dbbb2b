import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('the public API', () => {
  it('exposes exactly these names (a change here is a change to the library’s contract)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'MissingGlyphError',
        'RecipientsError',
        'addWorkingDays',
        'appendHistory',
        'buildLetter',
        'checkCopyList',
        'checkForm',
        'composeLetter',
        'computeDeadlines',
        'copyListNames',
        'deadlinesCalendar',
        'englandBankHolidays',
        'establishmentTypes',
        'evidenceFormJsonSchema',
        'evidenceFormSchema',
        'findSchoolInRegister',
        'formatDiagnostic',
        'hasErrors',
        'isWorkingDay',
        'letterStatus',
        'loadForm',
        'loadFormFile',
        'main',
        'mergeRegister',
        'outputFileName',
        'preparePdf',
        'prepareTemplates',
        'readHistory',
        'readLetterText',
        'recipientRoles',
        'renderDocx',
        'renderFormat',
        'renderHtml',
        'renderLetter',
        'renderMarkdown',
        'renderPdf',
        'renderRedlineDocx',
        'resolveRecipients',
        'summariseChanges',
        'validateLoaded',
        'workingDaysBetween',
      ].sort(),
    );
  });

  it('runs the pipeline from text to a letter through the public names only', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../fixtures/forms/example.yaml', import.meta.url), 'utf8');
    const loaded = api.loadForm(text, 'example.yaml');
    expect(loaded.form).toBeDefined();
    const letter = api.composeLetter(loaded.form!, {
      status: 'draft',
      templates: api.prepareTemplates(),
      holidays: api.englandBankHolidays(),
    });
    expect(letter.document).toBeDefined();
    const markdown = api.renderMarkdown(letter.document!);
    expect(markdown).toContain('Requires improvement: monitoring inspection visit to St Mary’s');
    expect(Buffer.from(api.renderPdf(letter.document!).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
