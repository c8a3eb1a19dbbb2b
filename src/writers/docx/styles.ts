/**
 * styles.xml: real Word styles (Normal, Heading 1–3, List Bullet, List
 * Number, Header, Footer) and the letter's own paragraph styles, with
 * en-GB as the document language. Sizes follow the PDF writer (body
 * 10.5 pt, headings 13.5/11.5/10.5 pt) so the two formats look alike.
 */
import { declaration, wNs } from './xml.js';

/** Page geometry in twentieths of a point: A4, margins of about 2 cm. */
export const page = {
  width: 11906,
  height: 16838,
  top: 1134,
  bottom: 1134,
  left: 1247,
  right: 1247,
  header: 567,
  footer: 567,
} as const;

/** Width between the margins, for the right-hand tab stop of header and footer. */
export const textWidth = page.width - page.left - page.right;

/** Indent of each list level (twips); the label hangs in the first 360. */
export const listIndent = 360;

interface StyleSpec {
  id: string;
  /** The name Word shows (built-in styles use Word's own lower-case names where Word does). */
  name: string;
  type?: 'paragraph' | 'character';
  basedOn?: string;
  next?: string;
  uiPriority?: number;
  pPr?: string;
  rPr?: string;
}

const sz = (halfPoints: number): string => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;

const heading = (level: 1 | 2 | 3, before: number, after: number, size: number): StyleSpec => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  uiPriority: 9,
  pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="${before}" w:after="${after}"/><w:outlineLvl w:val="${level - 1}"/>`,
  rPr: `<w:b/><w:bCs/>${sz(size)}`,
});

/** Every style the letter uses; the role of a block chooses its style (see paragraphs.ts). */
export const styleSpecs: readonly StyleSpec[] = [
  heading(1, 320, 160, 27),
  heading(2, 260, 100, 23),
  heading(3, 200, 60, 21),
  {
    id: 'ListBullet',
    name: 'List Bullet',
    basedOn: 'Normal',
    uiPriority: 99,
    pPr: `<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="${listIndent}" w:hanging="${listIndent}"/>`,
  },
  {
    id: 'ListNumber',
    name: 'List Number',
    basedOn: 'Normal',
    uiPriority: 99,
    pPr: `<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="${listIndent}" w:hanging="${listIndent}"/>`,
  },
  {
    id: 'ListContinue',
    name: 'List Continue',
    basedOn: 'Normal',
    uiPriority: 99,
    pPr: `<w:spacing w:after="80"/><w:ind w:left="${listIndent}"/>`,
  },
  {
    id: 'Letterhead',
    name: 'Letterhead',
    basedOn: 'Normal',
    pPr: '<w:spacing w:after="80" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/>',
    rPr: sz(17),
  },
  { id: 'Date', name: 'Date', basedOn: 'Normal', next: 'Address', pPr: '<w:spacing w:before="80" w:after="240"/>' },
  {
    id: 'Address',
    name: 'Address',
    basedOn: 'Normal',
    pPr: '<w:spacing w:after="240" w:line="259" w:lineRule="auto"/>',
  },
  { id: 'Reference', name: 'Reference', basedOn: 'Normal', pPr: '<w:spacing w:after="240"/>' },
  { id: 'Salutation', name: 'Salutation', basedOn: 'Normal', next: 'Normal' },
  { id: 'Closing', name: 'Closing', basedOn: 'Normal', pPr: '<w:keepLines/><w:spacing w:before="160"/>' },
  {
    id: 'Marking',
    name: 'Marking',
    basedOn: 'Normal',
    pPr: '<w:spacing w:after="200"/>',
    rPr: `<w:b/><w:bCs/><w:caps/>${sz(22)}`,
  },
  {
    id: 'Header',
    name: 'header',
    basedOn: 'Normal',
    uiPriority: 99,
    pPr: `<w:tabs><w:tab w:val="right" w:pos="${textWidth}"/></w:tabs><w:spacing w:after="0"/>`,
    rPr: `<w:color w:val="404040"/>${sz(17)}`,
  },
  {
    id: 'Footer',
    name: 'footer',
    basedOn: 'Normal',
    uiPriority: 99,
    pPr: '<w:spacing w:after="0"/><w:jc w:val="center"/>',
    rPr: `<w:color w:val="404040"/>${sz(17)}`,
  },
];

function styleXml(spec: StyleSpec): string {
  return (
    `<w:style w:type="${spec.type ?? 'paragraph'}" w:styleId="${spec.id}"><w:name w:val="${spec.name}"/>` +
    (spec.basedOn ? `<w:basedOn w:val="${spec.basedOn}"/>` : '') +
    (spec.next ? `<w:next w:val="${spec.next}"/>` : '') +
    (spec.uiPriority ? `<w:uiPriority w:val="${spec.uiPriority}"/>` : '') +
    '<w:qFormat/>' +
    (spec.pPr ? `<w:pPr>${spec.pPr}</w:pPr>` : '') +
    (spec.rPr ? `<w:rPr>${spec.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

/** The font every style uses: Arial, the inspectorate's house face (LibreOffice substitutes a metric twin). */
const font = 'Arial';

/** The styles part. */
export function stylesXml(): string {
  return (
    declaration +
    `<w:styles xmlns:w="${wNs}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    `${sz(21)}<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>` +
    '</w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="150" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:widowControl/></w:pPr></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>' +
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
    '</w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    styleSpecs.map(styleXml).join('') +
    '</w:styles>'
  );
}
