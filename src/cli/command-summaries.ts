import type { Command } from './command.js';

/**
 * Each command's usage and one-line summary, as its module declares them
 * (test/cli/command-summaries.test.ts keeps the two the same). The command
 * list of `--help`, a bare `monitoring-letter` and a mistyped command needs
 * only these, so it loads none of the commands' modules and their libraries.
 */
export const commandSummaries: Readonly<Record<string, { command: string; describe: string }>> = {
  init: { command: 'init [file]', describe: 'Write a commented example form to fill in (default visit.yaml)' },
  validate: {
    command: 'validate <form..>',
    describe:
      'Check evidence forms (YAML or JSON) against the schema and the guidance; print diagnostics like a compiler',
  },
  schema: { command: 'schema', describe: 'Print the JSON Schema of the evidence form, for editors' },
  draft: {
    command: 'draft <form>',
    describe: 'Render the letter (DOCX, PDF, Markdown, HTML, JSON) from an evidence form; gaps show as markers',
  },
  recipients: { command: 'recipients [form]', describe: 'Who gets the letter and who is copied (para 17), and why' },
  deadlines: {
    command: 'deadlines <form>',
    describe: 'Every date due after the visit, from what, under which paragraph',
  },
  'check-copy': {
    command: 'check-copy <letter> [form]',
    describe: 'Check an existing letter (DOCX, PDF or text) was copied to whom para 17 requires',
  },
  send: {
    command: 'send <form..>',
    describe: 'send the final letter to the headteacher and every copy (outbox of .eml files by default)',
  },
  confirm: {
    command: 'confirm <form..>',
    describe: "e-mail the headteacher the confirmation of the monitoring inspection after HMI's call (para 8)",
  },
  finalise: {
    command: 'finalise <form>',
    describe:
      'Make the final letter from the ISP’s edited form, dated today, with a redline DOCX against the HMI’s draft',
  },
  status: {
    command: 'status <forms>',
    describe: 'Where each letter stands (drafted, finalised, sent, published) and its next deadline, overdue first',
  },
  batch: {
    command: 'batch <folder>',
    describe: 'Validate and render every form in a folder on all cores, with a manifest (CSV and JSON)',
  },
  example: {
    command: 'example',
    describe: 'Draft the bundled example letter in every format into output/, with its copy list and deadlines',
  },
  serve: {
    command: 'serve [form]',
    describe: 'a drafting page in the browser: the form beside the letter, checked as you type (this computer only)',
  },
};

/** The commands as a list for `--help`: usage and summary only; running one is never asked of them. */
export function summaryCommands(): Command[] {
  return Object.values(commandSummaries).map((summary) => ({
    ...summary,
    builder: (yargs) => yargs,
    run: () => Promise.reject(new Error(`${summary.command}: only its summary was loaded`)),
  }));
}
