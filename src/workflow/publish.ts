/**
 * `status FORM --published DATE` as one workflow step (para 18: Ofsted
 * publishes the final letter within 15 working days): the letter must have
 * been sent, and publication is on or after the day it was sent and not
 * after today (src/rules/event-dates.ts); then it is recorded in the letter's
 * history. A section 117 visit's letter is not published (para 26).
 */
import { londonDate } from '../ground/calendar.js';
import { lastVisitDay } from '../evidence/visit-dates.js';
import { exitCodes, type ExitCode } from '../ground/exit-codes.js';
import { publicationDateFindings } from '../rules/event-dates.js';
import { historyPath, lastSent, readHistory, recordPublished, versionStates } from '../ground/history.js';
import { loadAndValidate } from './load.js';
import { currentStage, describeVersions } from './status.js';

export interface PublicationRequest {
  /** The form, as the user named it. */
  form: string;
  cwd: string;
  outDir: string;
  /** The day Ofsted published the letter (ISO date). */
  on: string;
  /** When it is recorded (ISO date-time); its London day is today. */
  at: string;
}

export type PublicationOutcome =
  { ok: true; letter: { urn: string; visitDate: string } } | { ok: false; exitCode: ExitCode; message: string };

const stageNames: Record<string, string> = {
  'awaiting-draft': 'not yet drafted',
  drafted: 'drafted, not finalised',
  'draft-received': 'received from HMI, not finalised',
  finalised: 'finalised, not sent',
};

/** Records that the form's letter was published on `on`, or says why it cannot have been. */
export async function recordPublication(request: PublicationRequest): Promise<PublicationOutcome> {
  const load = await loadAndValidate({ file: request.form, cwd: request.cwd });
  if (!load.ok) {
    return {
      ok: false,
      exitCode: load.exitCode,
      message: `${request.form} is not a valid form (run \`monitoring-letter validate ${request.form}\`)`,
    };
  }
  const form = load.form;
  if (form.visit.act === 'section-117') {
    return {
      ok: false,
      exitCode: exitCodes.invalid,
      message: `${request.form} is a section 117 visit: its letter is not published (para 26), so there is no publication to record`,
    };
  }
  const urn = String(form.school.urn);
  const visitDate = lastVisitDay(form);
  const { events } = readHistory(historyPath(request.outDir, urn, visitDate));
  const versions = versionStates(events);
  const stage = currentStage(events, true).stage;
  const stageNow = `${stageNames[stage] ?? stage}${versions.length > 0 ? `: ${describeVersions(versions)}` : ''}`;
  const findings = publicationDateFindings(request.on, {
    sent: lastSent(events),
    stageNow,
    today: londonDate(new Date(request.at)),
  });
  if (findings.refusal) {
    return { ok: false, exitCode: exitCodes.invalid, message: `URN ${urn}, visit ${visitDate}: ${findings.refusal}` };
  }
  const letter = { urn, visitDate };
  recordPublished(request.outDir, letter, request.on, request.at);
  return { ok: true, letter };
}
