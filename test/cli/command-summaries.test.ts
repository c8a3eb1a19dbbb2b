import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { commandSummaries } from '../../src/cli/command-summaries.js';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const commandNames = readdirSync(join(repoRoot, 'src/cli/commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length));

async function declared(name: string): Promise<Command> {
  const file = pathToFileURL(join(repoRoot, 'src/cli/commands', `${name}.ts`)).href;
  const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const commands = Object.values(module).filter(
    (value): value is Command => typeof value === 'object' && value !== null && 'command' in value && 'run' in value,
  );
  expect(commands, name).toHaveLength(1);
  return commands[0]!;
}

describe('the command list shown without loading the commands', () => {
  it('has every command module, with the usage and summary the module declares', async () => {
    const fromModules: Record<string, { command: string; describe: string }> = {};
    for (const name of commandNames) {
      const { command, describe: summary } = await declared(name);
      fromModules[command.split(' ')[0]!] = { command, describe: summary };
    }
    expect(commandSummaries).toEqual(fromModules);
  });

  it('lists every command in --help, and a bare call still asks for one (exit 2)', async () => {
    const help = fakeIo(repoRoot);
    expect(await main(['--help'], help)).toBe(0);
    for (const { command, describe: summary } of Object.values(commandSummaries)) {
      expect(help.out).toContain(`monitoring-letter ${command}`);
      expect(help.out.replace(/\s+/g, ' ').toLowerCase()).toContain(summary.toLowerCase());
    }
    const bare = fakeIo(repoRoot);
    expect(await main([], bare)).toBe(2);
    expect(bare.err).toMatch(/Name a command/);
    const typo = fakeIo(repoRoot);
    expect(await main(['drat'], typo)).toBe(2);
    expect(typo.err).toMatch(/unknown command "drat": did you mean "draft"\?/);
  });
});
