/**
 * What the e-mails say, read back by a mail parser from what a real SMTP
 * server (smtp-server on loopback) received: each copy says in an English
 * sentence why its recipient receives it (para 17); the confirmation asks
 * the headteacher, as "you", to be available (para 8).
 */
import { writeFileSync } from 'node:fs';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../support/fake-io.js';
import { startFaultServer, type FaultServer } from '../support/smtp-fault-server.js';
import { makeWorkspace, type Workspace } from './workspace.js';

/** Every body the fixtures below copy, at an address of its own. */
const contacts = `
sender:
  name: Monitoring Inspections Team
  organisation: Example Inspection Services
  email: monitoring.letters@isp.example
  phone: 0300 123 0000
localAuthorities:
  Norfolk: { email: la@norfolk.example }
  Hertfordshire: { email: la@herts.example }
  Liverpool: { email: la@liverpool.example }
  Kingston upon Thames: { email: la@kingston.example }
  Isle of Wight: { email: la@iow.example }
  Kent: { email: la@kent.example }
contractors:
  Achieving for Children: { email: contractor@afc.example }
foundationBodies:
  The Weald Learning Trust: { email: clerk@wealdtrust.example }
dioceses:
  Diocese of Norwich: { email: diocese@norwich.example }
  Diocese of Portsmouth: { email: diocese@portsmouth.example }
  Archdiocese of Liverpool: { email: archdiocese@liverpool.example }
  Diocese of Liverpool: { email: diocese@liverpool.example }
efa: { email: efa@education.example, name: Education Funding Agency }
dfeAcademiesUnit: { email: academies@education.example, name: Academies Advisers Unit }
`;

interface Mail {
  to: string;
  text: string;
}

let ws: Workspace;
let server: FaultServer;
const mails: Mail[] = [];
/** The one message to `to` (about the school with `urn`, for a body copied for several schools). */
const bodyTo = (to: string, urn?: string): string => {
  const found = mails.filter((m) => m.to === to && (urn === undefined || m.text.includes(`(URN ${urn})`)));
  expect(found, `one message to ${to}`).toHaveLength(1);
  return found[0]!.text.replace(/\s+/g, ' ');
};

beforeAll(async () => {
  ws = makeWorkspace();
  writeFileSync(ws.contacts, contacts);
  const files = [
    ws.addLetter('121190').file, // voluntary aided (the example)
    ws.addLetter('137412', { fixture: 'academy-converter-sixth-form' }).file,
    ws.addLetter('104712', { fixture: 'joint-faith-voluntary-aided' }).file,
    ws.addLetter('102567', { fixture: 'support-contractor' }).file,
    ws.addLetter('118166', { fixture: 'voluntary-controlled-primary' }).file,
    ws.addLetter('118928', { fixture: 'foundation-school-trust' }).file,
  ];
  server = await startFaultServer();
  const io = fakeIo(ws.dir);
  // The confirmation goes the day before the visit (12 March 2014), after HMI's call (para 8).
  const before = fakeIo(ws.dir, { now: '2014-03-11T09:00:00Z' });
  expect(await main(['confirm', files[0]!, '--contacts', ws.contacts, '--smtp', server.url], before), before.err).toBe(
    0,
  );
  expect(await main(['send', ...files, '--contacts', ws.contacts, '--smtp', server.url], io), io.err).toBe(0);
  for (const m of server.received) {
    const parsed = await simpleParser(m.raw);
    mails.push({ to: (parsed.to as AddressObject).value[0]!.address!, text: parsed.text ?? '' });
  }
});
afterAll(async () => {
  await server?.stop();
});

describe('para 17: each copy says why its recipient receives it, as a sentence', () => {
  it('the diocese of a voluntary aided school', () => {
    expect(bodyTo('diocese@norwich.example')).toContain(
      'You receive a copy because St Mary’s Church of England Voluntary Aided Primary School is a voluntary aided school, whose diocese is copied (paragraph 17 of',
    );
  });

  it('the diocese of a voluntary controlled school', () => {
    expect(bodyTo('diocese@portsmouth.example')).toContain(
      'You receive a copy because Brading Church of England Controlled Primary School is a voluntary controlled school, whose diocese is copied (paragraph 17 of',
    );
  });

  it('each diocese of a joint-faith school', () => {
    for (const to of ['archdiocese@liverpool.example', 'diocese@liverpool.example']) {
      expect(bodyTo(to)).toContain(
        'You receive a copy because St Hilda and St Bede Catholic and Church of England High School is a joint-faith voluntary aided school, each of whose dioceses is copied (paragraph 17 of',
      );
    }
  });

  it('the appropriate authority, the local authority, the Education Funding Agency and the DfE for an academy with a sixth form', () => {
    expect(bodyTo('chair.137412@school.example')).toContain(
      'You receive a copy because the letter is always copied to the appropriate authority for Sir John Lawes Academy, the Chair of the Board of Trustees of the Sir John Lawes Academy Trust (paragraph 17 of',
    );
    expect(bodyTo('la@herts.example')).toContain(
      'You receive a copy because the letter is always copied to the school’s local authority, Hertfordshire, even where the school is an academy (paragraph 17 of',
    );
    expect(bodyTo('efa@education.example', '137412')).toContain(
      'You receive a copy because Sir John Lawes Academy has a sixth form (paragraph 17 of',
    );
    expect(bodyTo('academies@education.example')).toContain(
      'You receive a copy because Sir John Lawes Academy is an academy (paragraph 17 of',
    );
  });

  it('the support contractor and a maintained school’s local authority', () => {
    expect(bodyTo('contractor@afc.example')).toContain(
      'You receive a copy because Achieving for Children provides support services on behalf of the local authority, Kingston upon Thames (paragraph 17 of',
    );
    expect(bodyTo('la@kingston.example')).toContain(
      'You receive a copy because the letter is always copied to the school’s local authority, Kingston upon Thames (paragraph 17 of',
    );
  });

  it('the body that appoints the foundation governors', () => {
    expect(bodyTo('clerk@wealdtrust.example')).toContain(
      'You receive a copy because the Weald Learning Trust appoints the foundation governors of The Weald Foundation School (paragraph 17 of',
    );
  });

  it('no body reads like a rule’s log line', () => {
    const copies = mails.filter((m) => !m.to.startsWith('head.'));
    expect(copies.length).toBeGreaterThan(15);
    for (const { to, text } of copies) {
      expect(text, to).toMatch(/You receive a copy because [^\n]+\(paragraph 17 of/);
      expect(text, to).not.toMatch(/school: the|: the diocese is copied|it is always copied|is copied only/);
    }
  });
});

describe('para 8: the confirmation speaks to the headteacher', () => {
  it('asks the headteacher, as "you", to be available on the day; never "the headteacher is present"', () => {
    const confirmation = mails.find(
      (m) => m.to === 'head.121190@school.example' && /Following the telephone call/.test(m.text),
    );
    expect(confirmation).toBeDefined();
    const text = confirmation!.text.replace(/\s+/g, ' ');
    expect(text).not.toMatch(/headteacher is present/);
    expect(text).toContain('Please make sure that you are available in school on 12 March 2014');
    expect(text).toContain('the governing body and the local authority');
  });
});

describe('every e-mail is signed by the ISP, in one typography', () => {
  it('signs with the sender, the ISP’s name and how to reach them, from the contacts file', () => {
    expect(mails.length).toBeGreaterThan(1);
    for (const mail of mails) {
      const signature = mail.text.slice(mail.text.lastIndexOf('Yours sincerely'));
      expect(signature, mail.to).toContain('Monitoring Inspections Team\nExample Inspection Services\n');
      expect(signature, mail.to).toContain('E-mail: monitoring.letters@isp.example');
      expect(signature, mail.to).toContain('Telephone: 0300 123 0000');
    }
  });

  it('uses curly apostrophes only (the school names are written so too)', () => {
    for (const mail of mails) expect(mail.text, mail.to).not.toContain("'");
    expect(mails.some((m) => m.text.includes('Ofsted’s'))).toBe(true);
  });
});
