/** The batch worker thread: prepares templates and fonts once, then renders forms. */
import { prepareTemplates } from '../../letter/templates.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { preparePdf } from '../../writers/pdf/index.js';
import { renderFormFile, type BatchOptions } from './render-form.js';
import { serveWorker } from './serve-worker.js';

export interface WorkerSetup extends BatchOptions {
  templatesDir?: string;
}

await serveWorker<string, unknown>(async (data) => {
  const setup = data as WorkerSetup;
  const context = {
    ...setup,
    templates: prepareTemplates(setup.templatesDir),
    holidays: englandBankHolidays(),
  };
  if (setup.formats.includes('pdf')) preparePdf(); // prepare once, render many
  return (path: string) => renderFormFile(path, context);
});
