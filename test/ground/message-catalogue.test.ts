/**
 * The message catalogue (templates/messages/en.yaml): every rule's wording in
 * one place, and an ISP's messages.yaml (in its --templates folder) replacing
 * sentences without a code change.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { prepareTemplates, TemplatesError } from '../../src/letter/templates.js';
import {
  bundledEntries,
  defaultMessagesFile,
  loadMessages,
  MessagesError,
  messagesForTemplates,
  prepareMessages,
} from '../../src/ground/message-catalogue.js';
import { rules } from '../../src/rules/checks/index.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

/** A templates folder holding only this messages.yaml. */
function ispFolder(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'isp-messages-'));
  writeFileSync(join(dir, 'messages.yaml'), yaml);
  return dir;
}

describe('the bundled catalogue', () => {
  it('is read from what the build prepared only while that was made from en.yaml as it is now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepared-messages-'));
    const yaml = join(dir, 'en.yaml');
    const prepared = join(dir, 'prepared.json');
    const text = readFileSync(defaultMessagesFile(), 'utf8');
    writeFileSync(yaml, text);
    // The build's output, with one sentence marked so it can be told apart from the YAML's.
    const made = prepareMessages();
    expect(made.entries.map((e) => [e.rule, e.code, e.source])).toEqual(
      bundledEntries(yaml, join(dir, 'none.json')).map((e) => [e.rule, e.code, e.source]),
    );
    made.entries[0]!.source = 'from the prepared file';
    writeFileSync(prepared, JSON.stringify(made));
    expect(bundledEntries(yaml, prepared)[0]?.source).toBe('from the prepared file');
    expect(bundledEntries(yaml, prepared)[0]?.params).toBeInstanceOf(Set);
    // en.yaml edited since the build: the prepared file is stale and the YAML is read.
    writeFileSync(yaml, `${text}\n`);
    expect(bundledEntries(yaml, prepared)[0]?.source).not.toBe('from the prepared file');
    // A damaged prepared file is ignored.
    writeFileSync(prepared, '{');
    expect(bundledEntries(yaml, prepared).length).toBe(made.entries.length);
  });

  const entries = loadMessages().entries();

  it('has a section for every rule, and none for a rule that does not exist', () => {
    const sections = new Set(entries.map((e) => e.rule));
    expect([...sections].sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it('renders a sentence with its parameters', () => {
    expect(
      loadMessages().render('para-17/letter-date', 'late', {
        date: '27 March 2014',
        workingDays: 11,
        lastDay: '12 March 2014',
      }),
    ).toBe(
      'the letter is dated 27 March 2014, 11 working days after the visit ended on 12 March 2014; the final version is due within 10 working days of the end of the visit',
    );
    expect(
      loadMessages().render('para-2/visit-window', 'outside-window', {
        visit: '24 February 2014',
        weeks: 3,
        days: 0,
        from: 'publication',
        countFrom: '3 February 2014',
        arrangements: 'the 2014 guidance',
        minWeeks: 4,
        maxWeeks: 12,
        opens: '3 March 2014',
        closes: '28 April 2014',
      }),
    ).toBe(
      'the visit on 24 February 2014 is 3 weeks after the section 5 report was published on 3 February 2014; under the 2014 guidance the first monitoring inspection is usually 4 to 12 weeks after that, between 3 March 2014 and 28 April 2014',
    );
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the rules and the catalogue agree', () => {
  it('every message code a rule file names is in the catalogue under its rule (a helper file: under some rule)', () => {
    const entries = loadMessages().entries();
    const missing = sources(join(repoRoot, 'src/rules/checks')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const rule = /\bid: '([^']+)'/.exec(text)?.[1];
      const codes = [...text.matchAll(/\bcode: ([^,\n]+)/g)].flatMap((m) =>
        [...m[1]!.matchAll(/'([a-z0-9-]+)'/g)].map((q) => q[1]!),
      );
      return codes
        .filter((code) => !entries.some((e) => e.code === code && (rule === undefined || e.rule === rule)))
        .map((code) => `${file.slice(repoRoot.length)}: ${rule ?? '(helper)'} ${code}`);
    });
    expect(missing).toEqual([]);
  });
});

describe("an ISP's messages.yaml", () => {
  it('replaces the sentences it gives, under the same rule and code, and keeps the rest', () => {
    const dir = ispFolder(
      "para-4/boarding:\n  boarding: 'Boarding provision: tell the Senior HMI for boarding schools'\n",
    );
    const messages = messagesForTemplates(dir);
    expect(messages.render('para-4/boarding', 'boarding', {})).toBe(
      'Boarding provision: tell the Senior HMI for boarding schools',
    );
    expect(messages.render('dates/visit-days', 'weekend', { date: '15 March 2014' })).toBe(
      'visit day 15 March 2014 is a Saturday or Sunday, when schools are closed; check the date',
    );
  });

  it('is refused, naming the rule and code, when it words a message the catalogue does not have', () => {
    const dir = ispFolder("para-4/boarding:\n  boardng: 'typo'\n");
    expect(() => messagesForTemplates(dir)).toThrow(MessagesError);
    expect(() => messagesForTemplates(dir)).toThrow(
      /messages\.yaml: para-4\/boarding: boardng is not a message of the catalogue/,
    );
  });

  it('is refused when a sentence uses a parameter the rule does not give, naming those it may use', () => {
    const dir = ispFolder("para-17/letter-date:\n  late: 'dated {date} by {inspector}'\n");
    expect(() => messagesForTemplates(dir)).toThrow(
      /late uses \{inspector\}, which this message does not have; expected only \{date\}, \{workingDays\}, \{lastDay\}/,
    );
  });

  it('is refused, saying where, when a sentence cannot be read', () => {
    const dir = ispFolder("para-17/letter-date:\n  late: 'dated {date'\n");
    expect(() => messagesForTemplates(dir)).toThrow(
      /para-17\/letter-date: late: expected "," or "\}" after \{date at character/,
    );
  });

  it('rewords `validate` through --templates DIR; a folder that does not exist is a usage error (exit 2)', async () => {
    const dir = ispFolder("para-4/boarding:\n  boarding: 'Boarding provision: tell the Senior HMI'\n");
    const io = fakeIo(repoRoot);
    expect(await main(['validate', 'fixtures/forms/boarding-school.yaml', '--templates', dir], io)).toBe(0);
    expect(io.out).toContain(
      ':16:13 info Boarding provision: tell the Senior HMI at school.boarding (para-4/boarding, para 4)',
    );

    const missing = fakeIo(repoRoot);
    expect(
      await main(['validate', 'fixtures/forms/boarding-school.yaml', '--templates', join(dir, 'nope')], missing),
    ).toBe(2);
    expect(missing.err).toContain('nope does not exist');
  });

  it('comes with the letter templates of the same folder, so draft, batch and serve word findings the same way', () => {
    const dir = ispFolder("para-4/boarding:\n  boarding: 'Boarding: tell the Senior HMI'\n");
    expect(prepareTemplates(dir).messages?.render('para-4/boarding', 'boarding', {})).toBe(
      'Boarding: tell the Senior HMI',
    );
    const bad = ispFolder('para-4/boarding: [a list]\n');
    expect(() => prepareTemplates(bad)).toThrow(TemplatesError);
  });
});
