/**
 * XML text for WordprocessingML parts: escaping, and removal of the
 * characters XML 1.0 forbids (a control character pasted into a form must
 * never make Word refuse the file).
 */

/** Characters not allowed in XML 1.0: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const illegal =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const special = /[&<>"']/;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an element or a double-quoted attribute, dropping illegal characters. */
export function escapeXml(value: string): string {
  const legal = value.replace(illegal, '');
  return special.test(legal) ? legal.replace(/[&<>"']/g, (c) => entities[c]!) : legal;
}

/** The XML declaration every part starts with. */
export const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The WordprocessingML main namespace. */
export const wNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The relationships namespace used for r:id attributes. */
export const rNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
