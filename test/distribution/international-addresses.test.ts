/**
 * Internationalised addresses are refused with a message that says why: a
 * mailbox name outside ASCII needs SMTPUTF8, which many servers refuse; a
 * domain outside ASCII is refused with its ASCII form (IDNA) to write instead.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkAddress, HeaderError } from '../../src/distribution/addresses.js';
import { fakeIo } from '../support/fake-io.js';
import { makeWorkspace } from './workspace.js';

describe('internationalised addresses', () => {
  const refusal = (value: string): string => {
    try {
      checkAddress(value, 'headteacher.email');
    } catch (error) {
      expect(error).toBeInstanceOf(HeaderError);
      return (error as Error).message;
    }
    return '';
  };

  it('a mailbox name outside ASCII is refused saying why (SMTPUTF8), not "not an e-mail address"', () => {
    const message = refusal('zoë@exämple.example');
    expect(message).toMatch(/headteacher\.email/);
    expect(message).toMatch(/internationalised/);
    expect(message).toMatch(/SMTPUTF8/);
    expect(message).not.toMatch(/not an e-mail address/);
  });

  it('a domain outside ASCII is refused with its ASCII form to write instead', () => {
    expect(refusal('head@exämple.example')).toContain('head@xn--exmple-cua.example');
  });

  it('validate: the form\u2019s address gets the same reason, at its line, never "expected an e-mail address"', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190', {
      edit: (form) => {
        form.headteacher!.email = 'zoë@exämple.example';
      },
    });
    const io = fakeIo(ws.dir);
    expect(await main(['validate', file], io)).toBe(1);
    expect(io.out + io.err).toMatch(/headteacher\.email/);
    expect(io.out + io.err).toMatch(/SMTPUTF8/);
    expect(io.out + io.err).not.toMatch(/expected an e-mail address/);
  });
});
