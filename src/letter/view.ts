/**
 * The view model templates see: the letter model with every string escaped
 * for Markdown (src/letter/escape.ts) and every gap turned into a visible
 * marker, «external support: not yet written» (PITFALLS 1). Templates are
 * compiled with noEscape, so nothing else escapes and nothing escapes twice.
 */
import { escapeMarkdownLine, escapeNarrative } from './escape.js';
import { isJoinedTexts } from './gap.js';
import { joinList } from './join.js';
import { isMissing, type LetterModel } from './model.js';

/** The text of a gap marker as the document tree holds it ("«external support: not yet written»"), for writers that highlight it. */
export const gapMarkerText = /^\u00ab[^\u00ab\u00bb]*: not yet written\u00bb$/;

/** The marker a draft shows where a required item is missing. */
export function gapMarker(label: string): string {
  return `**\u00ab${escapeMarkdownLine(label)}: not yet written\u00bb**`;
}

function toViewValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeNarrative(value);
  if (isMissing(value)) return gapMarker(value.missing);
  // Each phrase cleaned as joinList cleans it, escaped, then joined around the marker.
  if (isJoinedTexts(value)) {
    return joinList(
      value.joined.map((item) => (isMissing(item) ? gapMarker(item.missing) : escapeNarrative(joinList([item])))),
    );
  }
  if (Array.isArray(value)) return value.map(toViewValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toViewValue(inner);
    return out;
  }
  if (value === undefined || value === null) throw new Error('letter model holds an undefined value');
  return value;
}

/** The escaped, marker-filled view of a letter model (the gaps list itself is left out). */
export function toView(model: LetterModel): Record<string, unknown> {
  const { gaps: _gaps, ...rest } = model;
  return toViewValue(rest) as Record<string, unknown>;
}
