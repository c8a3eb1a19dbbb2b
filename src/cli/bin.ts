#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs, which makes a cold command start sooner; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import('./main.js');
const { processIo } = await import('./io.js');
process.exitCode = await main(process.argv.slice(2), processIo());
