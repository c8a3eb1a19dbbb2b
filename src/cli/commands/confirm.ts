import type { Command } from '../command.js';
import { mailOptions, runMailCommand } from '../mail-command.js';

/** `confirm <form..>`: the ISP's formal confirmation of the visit to the school, after HMI's call (para 8). */
export const confirmCommand: Command = {
  command: 'confirm <form..>',
  describe: "e-mail the headteacher the confirmation of the monitoring inspection after HMI's call (para 8)",
  builder: (y) =>
    mailOptions('confirmation')(y).example(
      '$0 confirm visit.yaml --contacts contacts.yaml',
      'the confirmation to the headteacher, as a .eml in output/outbox',
    ),
  run: runMailCommand('confirmation'),
};
