import type { Command } from '../command.js';
import { mailOptions, runMailCommand } from '../mail-command.js';

/** `send <form..>`: the final letter to the headteacher and every copy (para 17). */
export const sendCommand: Command = {
  command: 'send <form..>',
  describe: 'send the final letter to the headteacher and every copy (outbox of .eml files by default)',
  builder: (y) =>
    mailOptions('letter')(y)
      .example(
        '$0 send visit.yaml --contacts contacts.yaml',
        'the final letter to each recipient, as .eml files in output/outbox',
      )
      .example(
        '$0 send visit.yaml --contacts contacts.yaml --smtp smtps://mail.isp.example',
        'through a mail server; after a failure, run it again',
      ),
  run: runMailCommand('letter'),
};
