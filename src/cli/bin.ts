#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs, which makes a cold command start sooner; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  // The one answer that needs no command line parser: as yargs prints it, sooner.
  const { toolVersion } = await import('../ground/version.js');
  process.stdout.write(`${toolVersion}\n`);
} else {
  const { main } = await import('./main.js');
  const { processIo } = await import('../ground/io.js');
  process.exitCode = await main(argv, processIo());
}
