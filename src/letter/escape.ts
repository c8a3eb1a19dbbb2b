/**
 * Inspector text on its way into a template: escaped so that Markdown prints
 * it as typed (PITFALLS 2). Templates are compiled with noEscape, so this is
 * the one place where text is made safe; every string in the view model
 * passes through it.
 */

/** Characters that could start Markdown syntax anywhere in a line (`{` so that `{{` stays literal text). */
const inlineSpecials = /[\\`*_[\]<>&#+\-=!{}|~]/g;

/** Escapes one line of text for Markdown: every special character and a line-start "1." or "1)". */
export function escapeMarkdownLine(line: string): string {
  return line.replace(inlineSpecials, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A narrative as Markdown: blank-line-separated paragraphs stay paragraphs;
 * lines inside a paragraph are trimmed (so no indentation or trailing spaces
 * turn into syntax) and joined by a newline, which Markdown reads as a space.
 * Later paragraphs are indented four spaces so that, inside a list item, they
 * stay in the item (the parser has indented code switched off).
 */
export function escapeNarrative(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdownLine(line.replace(/\t/g, ' ').trim()))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n    ');
}

const opensQuote = /[\s([{\u2014\u2013\-/\u2018\u201c]/;

/**
 * Straight quotes to typographic ones: an apostrophe or a closing quote after
 * a letter, digit or punctuation, an opening quote at the start or after a
 * space or bracket. `before` is the character preceding `text`, if any.
 */
export function smartQuotes(text: string, before = ''): string {
  let out = '';
  let previous = before;
  for (const c of text) {
    if (c === "'" || c === '"') {
      const opening = previous === '' || opensQuote.test(previous);
      if (c === "'") out += opening ? '\u2018' : '\u2019';
      else out += opening ? '\u201c' : '\u201d';
    } else {
      out += c;
    }
    previous = c;
  }
  return out;
}
