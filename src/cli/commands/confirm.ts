import type { Command } from '../command.js';
import { mailOptions, runDistribution } from './send.js';

/** `confirm <form..>`: the visit confirmation to the school after HMI's call (para 8). */
export const confirmCommand: Command = {
  command: 'confirm <form..>',
  describe: 'e-mail the school the confirmation of its monitoring inspection (para 8)',
  builder: mailOptions,
  run: (args, io) => runDistribution('confirmation', args, io),
};
