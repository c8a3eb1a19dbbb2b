/** The school register (GIAS): one school's facts by URN, and merging them into a form. */
import { registerSchoolFromRecord, type RegisterSchool } from './map.js';
import { findRecordInRegister } from './read.js';

export { giasColumns, present } from './columns.js';
export { displayName, registerSchoolFromRecord, type RegisterSchool } from './map.js';
export { mergeRegister } from './merge.js';
export { findRecordInRegister, RegisterError, type GiasRecord } from './read.js';

/** The register's facts for this URN, or undefined when the extract has no such school. */
export async function findSchoolInRegister(file: string, urn: string): Promise<RegisterSchool | undefined> {
  const record = await findRecordInRegister(file, urn);
  return record === undefined ? undefined : registerSchoolFromRecord(record, file);
}
