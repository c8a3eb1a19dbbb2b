/** Checking an existing letter's copy list against para 17 (for LA staff). */
export { checkCopyList, type CopyCheck } from './compare.js';
export { LetterReadError, letterExtensions, readLetterBytes, readLetterText } from './read-letter.js';
export { classify, namesBody, recogniseBodies, type FoundBody } from './recognise.js';
export { findCopySentence, NoCopySentenceError, normaliseLetterText, type CopySentence } from './sentence.js';
export { joinPages } from './pages.js';
export { checkLetterSchool, type CheckedSchool, type LetterSchool, type SchoolCheck } from './school.js';
