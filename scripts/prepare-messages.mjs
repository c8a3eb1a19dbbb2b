#!/usr/bin/env node
// Run by `npm run build` (after tsc): the bundled message catalogue (templates/messages/en.yaml), read
// and checked once, into dist/messages-prepared.json with the SHA-256 of the text it came from, so a
// cold command reads JSON instead of parsing YAML (src/ground/message-catalogue.ts).
import { writeFileSync } from 'node:fs';
import { prepareMessages, preparedMessagesPath } from '../dist/src/ground/message-catalogue.js';

writeFileSync(preparedMessagesPath(), JSON.stringify(prepareMessages()));
