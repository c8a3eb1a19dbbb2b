/**
 * Document information and XMP metadata: title, author, subject, keywords,
 * language, PDF/UA identification, and the tool version and template hash
 * that trace a letter to the wording that produced it (PITFALLS 8).
 */
import type { PDFContext, PDFDict, PDFHexString, PDFString } from '@cantoo/pdf-lib';
import { pdfLib } from './pdf-lib.js';
import type { DocumentMeta } from '../../letter/tree.js';

export const producer = '@cantoo/pdf-lib (object model) with a hand-written tagged layout';

/** A text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE. */
function textString(value: string): PDFString | PDFHexString {
  const { PDFHexString, PDFString } = pdfLib();
  return /^[\x20-\x7e]*$/.test(value) ? PDFString.of(escapeLiteral(value)) : PDFHexString.fromText(value);
}

function escapeLiteral(value: string): string {
  return value.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** The trailer's /Info dictionary. */
export function infoDict(context: PDFContext, meta: DocumentMeta): PDFDict {
  const { PDFName } = pdfLib();
  const info = context.obj({});
  info.set(PDFName.of('Title'), textString(meta.title));
  info.set(PDFName.of('Author'), textString(meta.author));
  info.set(PDFName.of('Subject'), textString(meta.subject));
  info.set(PDFName.of('Keywords'), textString(meta.keywords.join(', ')));
  info.set(PDFName.of('Creator'), textString(meta.generator));
  info.set(PDFName.of('Producer'), textString(producer));
  info.set(PDFName.of('TemplateHash'), textString(meta.templateHash));
  info.set(PDFName.of('LetterStatus'), textString(meta.version ? `${meta.status} v${meta.version}` : meta.status));
  return info;
}

function xml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The catalog's XMP packet (uncompressed, as PDF/UA expects it readable). */
export function xmpPacket(meta: DocumentMeta): string {
  const keywords = meta.keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('');
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:ml="https://monitoring-letter.invalid/ns/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag>${keywords}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${xml(meta.keywords.join(', '))}</pdf:Keywords>
   <pdf:Producer>${xml(producer)}</pdf:Producer>
   <xmp:CreatorTool>${xml(meta.generator)}</xmp:CreatorTool>
   <pdfuaid:part>1</pdfuaid:part>
   <ml:templateHash>${xml(meta.templateHash)}</ml:templateHash>
   <ml:urn>${xml(meta.urn)}</ml:urn>
   <ml:status>${xml(meta.status)}</ml:status>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
