/**
 * Gaps in the letter model: an item the letter needs and the form does not
 * give (a visible marker in a draft, an error when final, never a blank), and
 * the markers for values the schema refused, placed where each belongs.
 */
import { formatPath, type FormPath } from '../ground/diagnostics.js';

/** A required item the form does not give: `missing` names it in the marker «missing: not yet written». */
export interface Missing {
  missing: string;
  path: FormPath;
  /** A value the form gives but the schema refused: the schema's own error speaks for it. */
  refused?: true;
}

/** Text the letter needs: the inspector's words, or a gap. */
export type Text = string | Missing;

/** A list read as a phrase ("the headteacher, … and …") that holds a gap: the view joins it with the marker in place. */
export interface JoinedTexts {
  joined: Text[];
}

/** A value the schema refused, and where in the (partial) form its marker belongs: the value's own place, or its list's. */
export interface RefusedValue {
  at: FormPath;
  /** Names it in the marker: the value's path in the source, as its diagnostic names it. */
  label: string;
}

/** True for a gap. */
export function isMissing(value: unknown): value is Missing {
  return typeof value === 'object' && value !== null && 'missing' in value && 'path' in value;
}

/** True for a list joined with a gap in it. */
export function isJoinedTexts(value: unknown): value is JoinedTexts {
  return typeof value === 'object' && value !== null && 'joined' in value && Array.isArray(value.joined);
}

/** The markers for refused values by place; each is handed out once and recorded among the letter's gaps. */
export function refusedMarkers(refused: readonly RefusedValue[], gaps: Missing[]): (path: FormPath) => Missing[] {
  const byPlace = new Map<string, Missing[]>();
  for (const value of refused) {
    const place = formatPath(value.at);
    byPlace.set(place, [...(byPlace.get(place) ?? []), { missing: value.label, path: value.at, refused: true }]);
  }
  return (path) => {
    const place = formatPath(path);
    const markers = byPlace.get(place) ?? [];
    byPlace.delete(place);
    gaps.push(...markers);
    return markers;
  };
}
