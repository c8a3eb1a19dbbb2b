/**
 * numbering.xml: one abstract numbering for bullets and one for numbers,
 * and one w:num per list in the letter, so every list restarts where it
 * should (an ordered list's w:num carries a startOverride: Word would
 * otherwise continue the count of an earlier list sharing the abstract).
 */
import { listIndent } from './styles.js';
import { declaration, wNs } from './xml.js';

/** A list in the letter, in document order; its w:num id is firstListNumId + its index. */
export interface ListDefinition {
  ordered: boolean;
  start: number;
  /** Nesting depth (0 for a top-level list): the w:ilvl its items use. */
  level: number;
}

/** numIds 1 and 2 belong to the List Bullet and List Number styles. */
export const firstListNumId = 3;

const levels = 3;

function level(ilvl: number, format: string, text: string, font?: string): string {
  const left = listIndent * (ilvl + 1);
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>` +
    `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${left}" w:hanging="${listIndent}"/></w:pPr>` +
    (font ? `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:hint="default"/></w:rPr>` : '') +
    '</w:lvl>'
  );
}

const bullets = ['•', '–', '▪'];
const numberFormats: [string, string][] = [
  ['decimal', '%1.'],
  ['lowerLetter', '(%2)'],
  ['lowerRoman', '(%3)'],
];

const abstracts =
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>' +
  Array.from({ length: levels }, (_, i) => level(i, 'bullet', bullets[i]!, 'Arial')).join('') +
  '</w:abstractNum>' +
  '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>' +
  Array.from({ length: levels }, (_, i) => level(i, numberFormats[i]![0], numberFormats[i]![1])).join('') +
  '</w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';

function numXml(list: ListDefinition, numId: number): string {
  if (!list.ordered) return `<w:num w:numId="${numId}"><w:abstractNumId w:val="0"/></w:num>`;
  const start = Number.isInteger(list.start) && list.start >= 0 ? list.start : 1;
  return (
    `<w:num w:numId="${numId}"><w:abstractNumId w:val="1"/>` +
    `<w:lvlOverride w:ilvl="${list.level}"><w:startOverride w:val="${start}"/></w:lvlOverride>` +
    '</w:num>'
  );
}

/** The numbering part for a letter with these lists. */
export function numberingXml(lists: readonly ListDefinition[]): string {
  return (
    declaration +
    `<w:numbering xmlns:w="${wNs}">` +
    abstracts +
    lists.map((list, index) => numXml(list, firstListNumId + index)).join('') +
    '</w:numbering>'
  );
}
