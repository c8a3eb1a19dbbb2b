/**
 * Sending from the workspace through a real SMTP server on loopback (smtp-server): what arrives is the
 * final letter, parsed with mailparser; a refused recipient is shown as needing attention and, once the
 * server accepts it, retried from the page with the same Message-ID, and nobody receives it twice.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultPlan, type FaultServer } from '../support/smtp-fault-server.js';
import { startFolderWorkspace, type FolderWorkspace } from './folder-workspace.js';
import { post, raw } from './workspace.js';

const stMarys = '121190-2014-03-12';
const diocese = 'education@dioceseofnorwich.example';
let ws: FolderWorkspace | undefined;
let smtp: FaultServer | undefined;
afterEach(async () => {
  await ws?.server.close();
  await smtp?.stop();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function sendAndWait(mode: string): Promise<string> {
  const started = await post(ws!.server.port, `/api/letters/${stMarys}/send`, { mode });
  expect(started.status, started.body).toBe(200);
  let html = '';
  await expect
    .poll(
      async () => {
        html = (
          JSON.parse((await raw(ws!.server.port, { path: `/api/letters/${stMarys}/send` })).body) as { html: string }
        ).html;
        return html.includes('data-poll');
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(false);
  return html;
}

describe('serve FOLDER: sending through SMTP', () => {
  it('delivers the final letter to each recipient; a refused one is retried from the page, once', async () => {
    const plan: FaultPlan = { rejectRecipients: [diocese] };
    smtp = await startFaultServer(plan);
    ws = await startFolderWorkspace({ smtp: smtp.url });
    const finalised = await post(ws.server.port, `/api/letters/${stMarys}/finalise`, {
      action: 'finalise',
      final: '1',
      draft: '0',
      by: 'A. Officer',
      day: '20',
      month: '3',
      year: '2014',
    });
    expect(finalised.status).toBe(200);

    const first = text(await sendAndWait('send'));
    expect(first).toContain('Refused: needs attention');
    expect(first).toContain('Not every message was delivered');
    expect(first).toContain('Retry refused recipients');
    const delivered = smtp.received.length;
    expect(delivered).toBeGreaterThan(1);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain(diocese);

    const parsed = await simpleParser(smtp.received[0]!.raw);
    expect(parsed.subject).toContain('St Mary’s Church of England Voluntary Aided Primary School');
    expect(parsed.attachments.map((a) => a.filename)).toContain(`${stMarys}-final.pdf`);
    const pdf = parsed.attachments.find((a) => a.filename?.endsWith('.pdf'))!;
    expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect((parsed.from as AddressObject).value[0]?.address).toBe('monitoring.letters@isp.example');

    // The diocese's server now accepts: retry it from the page.
    plan.rejectRecipients = [];
    const second = text(await sendAndWait('retry-failed'));
    expect(second).not.toContain('Refused');
    expect(second).toContain('Every message was delivered');
    expect(smtp.received).toHaveLength(delivered + 1);
    const retried = await simpleParser(smtp.received.at(-1)!.raw);
    expect((retried.to as AddressObject).value.map((v) => v.address)).toEqual([diocese]);

    // Nothing more, whatever is clicked.
    await sendAndWait('send');
    await sendAndWait('retry-failed');
    expect(smtp.received).toHaveLength(delivered + 1);
    const everyone = smtp.received.flatMap((m) => m.to);
    expect(new Set(everyone).size).toBe(everyone.length);
  });
});
