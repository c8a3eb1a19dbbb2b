/**
 * Gaps in the letter model: an item the letter needs and the form does not
 * give (a visible marker in a draft, an error when final, never a blank), and
 * the markers for values the schema refused, placed where each belongs.
 */
import { formatPath, type FormPath } from '../ground/diagnostics.js';
import { joinList } from './join.js';

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

/** The inspector's words as the letter model reads them, each refused value a marker in its place. */
export interface FormTexts {
  /** The text, '' when not written, or the marker of a value refused there. */
  given(value: string | undefined, path: FormPath): Text;
  /** A list's written items, then a marker for each item refused from it. */
  list(values: readonly string[] | undefined, path: FormPath): Text[];
  /** A list joined as a phrase ("a, b and c"), joined by the view when it holds a marker. */
  phrase(values: readonly string[] | undefined, path: FormPath): string | JoinedTexts;
}

/** Readers of the form's texts that put the refused values' markers (recorded in `gaps`) where they belong. */
export function formTexts(refused: readonly RefusedValue[], gaps: Missing[]): FormTexts {
  const refusedAt = refusedMarkers(refused, gaps);
  const written = (value: string | undefined): string => (value !== undefined && value.trim() !== '' ? value : '');
  const given = (value: string | undefined, path: FormPath): Text => refusedAt(path)[0] ?? written(value);
  const list = (values: readonly string[] | undefined, path: FormPath): Text[] => [
    ...(values ?? []).map((value, index) => given(value, [...path, index])).filter((item) => item !== ''),
    ...refusedAt(path),
  ];
  const phrase = (values: readonly string[] | undefined, path: FormPath): string | JoinedTexts => {
    const items = list(values, path);
    return items.every((item) => typeof item === 'string') ? joinList(items) : { joined: items };
  };
  return { given, list, phrase };
}
