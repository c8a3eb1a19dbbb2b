/**
 * Tagged, accessible PDF writer (issue 4). pdf-lib is used only as the
 * object model: fonts are prepared once per process from committed subsets,
 * lines are broken by the fonts' widths, content streams are written by
 * hand with marked content, and the structure tree is built object by object.
 */
import { pageMarkings } from '../markings.js';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFRef } from '@cantoo/pdf-lib';
import { pdfLib } from './pdf-lib.js';
import type { Block, LetterDocument } from '../../letter/tree.js';
import { faceNames } from './charset.js';
import { paintPage, type UsedGlyphs } from './content.js';
import { fontResourceName, letterFace, loadFonts, type PreparedFace } from './fonts.js';
import { layoutLetter } from './layout.js';
import { infoDict, xmpPacket } from './metadata.js';
import { serializeContext } from './serialize.js';
import type { StructNode } from './structure.js';
import { page } from './styles.js';
import { writeStructTree } from './tagging.js';

export { MissingGlyphError } from './text.js';

/**
 * Loads the prepared fonts now (≈10 ms, synchronous) rather than on the
 * first renderPdf call. Optional: renderPdf prepares lazily.
 */
export function preparePdf(): void {
  const fonts = loadFonts();
  for (const face of faceNames) void fonts[face]; // each face is otherwise prepared on first use
}

/** Fallback marking for a section 117 letter whose template carries none (para 26). */
const notForPublication: Block = {
  type: 'paragraph',
  role: 'marking',
  children: [{ type: 'text', value: 'Not for publication' }],
};

function withMarking(doc: LetterDocument): LetterDocument {
  if (doc.meta.published || doc.blocks.some((block) => block.role === 'marking')) return doc;
  return { ...doc, blocks: [notForPublication, ...doc.blocks] };
}

/** The five objects of a Type0 / CIDFontType2 font, Identity-H, with ToUnicode, holding the glyphs in `used`. */
function writeFont(context: PDFContext, face: PreparedFace, used: Uint8Array): PDFRef {
  const { PDFString } = pdfLib();
  const objects = letterFace(face, used, context);
  const m = face.metrics;
  const italic = face.face === 'oblique' || face.face === 'boldOblique';
  const bold = face.face === 'bold' || face.face === 'boldOblique';
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: face.baseFont,
    Flags: italic ? 32 + 64 : 32,
    FontBBox: m.bbox,
    ItalicAngle: m.italicAngle,
    Ascent: m.ascent,
    Descent: m.descent,
    CapHeight: m.capHeight,
    StemV: bold ? 140 : 80,
    FontFile2: context.register(objects.fontFile),
  });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: face.baseFont,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    W: context.register(objects.widthArray),
    CIDToGIDMap: 'Identity',
  });
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: face.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(objects.toUnicode),
    }),
  );
}

/** Renders the letter as a tagged, accessible PDF file's bytes (synchronous). */
export function renderPdf(doc: LetterDocument): Uint8Array {
  const fonts = loadFonts();
  const letter = withMarking(doc);
  const layout = layoutLetter(letter, fonts);
  const { PDFContext, PDFRawStream, PDFString } = pdfLib();
  const context = PDFContext.create();
  const used: UsedGlyphs = {};
  const parentsPerPage: StructNode[][] = [];
  const contents = layout.pages.map((pageLayout, pageIndex) => {
    const parents: StructNode[] = [];
    parentsPerPage.push(parents);
    const markings = pageMarkings(letter.meta);
    return paintPage(pageLayout, { pageIndex, pageCount: layout.pages.length, markings, fonts, used, parents });
  });

  const fontDict = context.obj({});
  for (const face of faceNames) {
    const glyphs = used[face];
    if (glyphs) fontDict.set(fontResourceName(face), writeFont(context, fonts[face], glyphs));
  }
  const resources = context.register(context.obj({ Font: fontDict, ProcSet: ['PDF', 'Text'] }));
  const pagesRef = context.nextRef();
  const pageRefs = contents.map(() => context.nextRef());
  contents.forEach((content, index) => {
    const stream = PDFRawStream.of(
      context.obj({ Filter: 'FlateDecode' }),
      deflateSync(Buffer.from(content, 'latin1'), { level: 1 }),
    );
    const pageDict = context.obj({
      Type: 'Page',
      Parent: pagesRef,
      MediaBox: [0, 0, page.width, page.height],
      Resources: resources,
      Contents: context.register(stream),
      StructParents: index,
      Tabs: 'S',
    });
    context.assign(pageRefs[index]!, pageDict);
  });
  context.assign(pagesRef, context.obj({ Type: 'Pages', Kids: pageRefs, Count: pageRefs.length }));

  const structTreeRoot = writeStructTree(context, layout.document, parentsPerPage, pageRefs);
  const metadata = context.register(
    PDFRawStream.of(context.obj({ Type: 'Metadata', Subtype: 'XML' }), Buffer.from(xmpPacket(letter.meta), 'utf8')),
  );
  const catalog = context.obj({
    Type: 'Catalog',
    Pages: pagesRef,
    MarkInfo: { Marked: true },
    StructTreeRoot: structTreeRoot,
    Lang: PDFString.of(letter.meta.language),
    ViewerPreferences: { DisplayDocTitle: true },
    Metadata: metadata,
  });
  context.trailerInfo.Root = context.register(catalog);
  context.trailerInfo.Info = context.register(infoDict(context, letter.meta));
  return serializeContext(context);
}
