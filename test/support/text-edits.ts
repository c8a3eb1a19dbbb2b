/**
 * Random edits to a text, as a person slips when typing YAML by hand: characters inserted, deleted or
 * replaced at random places, the inserts drawn from what YAML gives meaning to. Shared by the property
 * tests of the form reader (test/evidence/).
 */
import fc from 'fast-check';

/** What an edit inserts: a piece of YAML syntax, or a few random characters. */
const piece = fc.oneof(
  fc.constantFrom(
    ':',
    ': ',
    '\t',
    '\n',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '- ',
    '#',
    '&a',
    '*a',
    '!!',
    '---',
    '  ',
    '?',
    '\r\n',
    '\uFEFF',
  ),
  fc.string({ maxLength: 5 }),
);

/** `text` with up to `maxEdits` edits, each cutting up to 6 characters at a place and inserting a piece there. */
export function editedText(text: string, maxEdits: number): fc.Arbitrary<string> {
  return fc
    .array(fc.record({ at: fc.nat(text.length), cut: fc.nat(6), insert: piece }), { maxLength: maxEdits })
    .map((edits) => {
      let edited = text;
      for (const e of edits)
        edited = edited.slice(0, e.at) + e.insert + edited.slice(Math.min(edited.length, e.at + e.cut));
      return edited;
    });
}
