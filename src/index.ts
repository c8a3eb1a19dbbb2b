/**
 * The library's public API: the pipeline's stages, each data in and data out.
 * Everything not exported here is internal (package.json `exports` closes deep imports).
 */

// The form
export { form as evidenceFormSchema, type EvidenceForm, type School, type Person } from './evidence/schema.js';
export { loadForm, loadFormFile, type LoadResult } from './evidence/load.js';
export { validateLoaded } from './workflow/validate.js';
export { evidenceFormJsonSchema } from './evidence/json-schema.js';
export { establishmentTypes, type EstablishmentType } from './evidence/establishment.js';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './ground/diagnostics.js';

// The rules
export { checkForm } from './rules/check-form.js';
export { resolveRecipients, copyListNames, RecipientsError } from './rules/recipients.js';
export { computeDeadlines } from './rules/deadlines.js';
export { englandBankHolidays } from './rules/holidays.js';
export { addWorkingDays, workingDaysBetween, isWorkingDay, type Holidays } from './rules/working-days.js';
export {
  recipientRoles,
  type Recipient,
  type RecipientList,
  type RecipientRole,
  type Deadline,
} from './rules/types.js';

// The register
export { findSchoolInRegister, mergeRegister } from './register/index.js';

// The letter
export { buildLetter, type LetterModel } from './letter/model.js';
export { prepareTemplates, type PreparedTemplates } from './letter/templates.js';
export { renderLetter } from './letter/render.js';
export {
  composeLetter,
  renderFormat,
  outputFileName,
  type ComposedLetter,
  type OutputFormat,
} from './workflow/pipeline.js';
export type { LetterDocument, Block, Inline } from './letter/tree.js';

// The writers
export { renderDocx, renderRedlineDocx, summariseChanges } from './writers/docx/index.js';
export { renderPdf, preparePdf, MissingGlyphError } from './writers/pdf/index.js';
export { renderMarkdown } from './writers/markdown.js';
export { renderHtml } from './writers/html.js';
export { deadlinesCalendar } from './writers/ics.js';

// Checking an existing letter's copy list
export { readLetterText, checkCopyList } from './check-copy/index.js';

// Workflow
export { letterStatus } from './workflow/status.js';
export { readHistory, appendHistory } from './ground/history.js';

// The command line, for embedding
export { main } from './cli/main.js';
export type { Io } from './ground/io.js';
