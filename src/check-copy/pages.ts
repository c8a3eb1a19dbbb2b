/**
 * A letter read page by page (a PDF, or text with form feeds) put back
 * together as one text: page numbers and running headers and footers
 * dropped, and a paragraph the page break cut in two joined again, so the
 * copy sentence is found whole wherever the page fell.
 */

/** "Page 2 of 3", "2", "- 2 -", "2/3": a line that is only a page number. */
const pageNumber = /^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|[-–—]?\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*\/\s*\d{1,3})\s*$/i;

/** How many lines at each end of a page may be a running header or footer. */
const edge = 3;

const lineKey = (line: string): string => line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();

/** The indexes of a page's first and last non-blank lines, `edge` of each. */
function edgeLines(lines: readonly string[]): number[] {
  const filled = lines.flatMap((line, i) => (line.trim() === '' ? [] : [i]));
  return [...new Set([...filled.slice(0, edge), ...filled.slice(-edge)])];
}

/** Lines at the edges of at least two pages (digits ignored): running headers and footers. */
function runningLines(pages: readonly string[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeLines(lines).map((i) => lineKey(lines[i]!)));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([key, count]) => count >= 2 && key !== '').map(([key]) => key));
}

/** A page's lines without its page number and running header and footer, blank lines at the ends trimmed. */
function body(lines: readonly string[], running: ReadonlySet<string>): string[] {
  const drop = new Set(edgeLines(lines).filter((i) => pageNumber.test(lines[i]!) || running.has(lineKey(lines[i]!))));
  const kept = lines.filter((_, i) => !drop.has(i));
  while (kept.length > 0 && kept[0]!.trim() === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return kept;
}

/** A page that ends mid-sentence continues on the next: no paragraph break between them. */
const endsParagraph = (line: string): boolean => /[.!?:;]["'’”)]*\s*$/.test(line);

/** The pages' texts as one, page furniture dropped and paragraphs cut by a page break joined. */
export function joinPages(pages: readonly string[]): string {
  if (pages.length < 2) return pages.join('');
  const split = pages.map((page) => page.replace(/\r\n?/g, '\n').split('\n'));
  const running = runningLines(split);
  let text = '';
  for (const lines of split.map((page) => body(page, running))) {
    if (lines.length === 0) continue;
    if (text !== '') {
      const last = text.slice(text.lastIndexOf('\n') + 1);
      text += endsParagraph(last) ? '\n\n' : '\n';
    }
    text += lines.join('\n');
  }
  return text;
}
