// Names the fields of the form as the drafting page labels them ("Findings › Teaching and learning",
// "Area 1 › Progress"), and puts a message from the checks into those words: the page never shows a
// path in the form such as `findings.progress[0]` (the command line's `validate` does, beside the line).

const labels = {
  urn: 'URN',
  localAuthority: 'Local authority',
  copyTo: 'Copy to (as written in the letter)',
  sixthForm: 'Sixth form',
  religiousCharacter: 'Religious character',
  areasForImprovement: 'Areas for improvement',
  reviewsRecommended: 'Reviews recommended',
  overallEffectiveness: 'Overall effectiveness',
  leadershipAndManagement: 'Leadership and management',
  teachingAndLearning: 'Teaching and learning',
  performanceManagement: 'Performance management',
  previousRecommendations: 'Previous recommendations',
  externalSupport: 'External support',
  qualityAndImpact: 'Quality and impact',
  brokeredEffectively: 'Brokered effectively',
  seriousConcerns: 'Serious concerns',
  reportedToOfsted: 'Reported to Ofsted',
  nextSteps: 'Next steps',
  furtherMonitoring: 'Further monitoring',
  readyForSection5: 'Ready for section 5',
  notificationCall: 'Notification call',
  parentView: 'Parent View',
  workScrutiny: 'Work scrutiny',
  pupilPremium: 'Pupil premium',
  supportContractor: 'Support contractor',
  addressLines: 'Address lines',
  appointedBy: 'Foundation governors appointed by',
};

/** "teachingAndLearning" → "Teaching and learning". */
export function labelFor(key) {
  if (typeof key === 'number') return `${key + 1}`;
  if (labels[key]) return labels[key];
  const words = key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One item's name in a list: "Date", "Meeting", "Provider". */
export function itemNoun(key) {
  const nouns = {
    dates: 'date',
    lines: 'line',
    addressLines: 'line',
    dioceses: 'diocese',
    areasForImprovement: 'area',
    meetings: 'meeting',
    observations: 'observation',
    documents: 'document',
    providers: 'provider',
    progress: 'area',
    concerns: 'concern',
    seriousConcerns: 'concern',
    recommendations: 'recommendation',
    priorities: 'priority',
    focus: 'focus',
  };
  return nouns[key] ?? 'item';
}

export function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A field's name as the page labels it: its group (or the numbered list item) and itself,
 * "Area 1 › Progress", "Findings › Teaching and learning", "Pupil premium › Commissioned".
 */
export function fieldName(schema, path) {
  const parts = [];
  path.forEach((part, i) => {
    if (typeof part === 'number') {
      const list = path[i - 1];
      parts[parts.length - 1] = `${capitalise(itemNoun(list))} ${part + 1}`;
    } else parts.push(labelFor(part));
  });
  return parts.slice(-2).join(' › ') || 'The form';
}

/** `findings.progress[0].area`, `evidence.meetings.0` → ['findings', 'progress', 0, 'area'], ['evidence', 'meetings', 0]. */
function parsePath(written) {
  return [...written.matchAll(/\[(\d+)\]|\.?([A-Za-z0-9]+)/g)].map(([, index, key]) =>
    index !== undefined ? Number(index) : /^\d+$/.test(key) ? Number(key) : key,
  );
}

/** A path as the command line writes it, starting at one of the form's sections. */
function writtenPaths(schema) {
  const sections = Object.keys(schema.properties ?? {}).filter((k) => /^[A-Za-z]+$/.test(k));
  return new RegExp(`(?<![\\w.\`-])(?:${sections.join('|')})(?:\\.[A-Za-z0-9]+|\\[\\d+\\])+(?![\\w-])`, 'g');
}

/**
 * A message in the page's words: each path in the form it names is put as the page labels that field,
 * "`area` is missing in findings.progress[3]" as "Area 4 › Area is missing", and an empty value
 * named as such ("Evidence › Meeting 6 is empty") when the message is about the field at `path`.
 */
export function inPageWords(schema, message, path = []) {
  let text = String(message);
  if (path.length > 0 && /^expected some text, found an empty value/.test(text)) {
    text = `${fieldName(schema, path)} is empty: expected some text${text.slice('expected some text, found an empty value'.length)}`;
  }
  text = text.replace(
    /`([A-Za-z0-9]+)` is missing (?:in ([A-Za-z0-9.[\]]+)|at the top of the form)/g,
    (_, key, parent) => `${fieldName(schema, [...(parent ? parsePath(parent) : []), key])} is missing`,
  );
  return text.replace(writtenPaths(schema), (written) => fieldName(schema, parsePath(written)));
}
