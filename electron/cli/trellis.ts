// The `trellis` command line: each subcommand is a sequence of API calls, printed as text or --json.
import { parseArgs } from 'node:util';
import { Session } from '../api/session';
import { appDirs } from '../services/app-dirs';
import { CliError, type Command } from './command';
import { agreementCommands } from './commands/agreement';
import { codebookCommands } from './commands/codebook';
import { historyCommands } from './commands/history';
import { excerptCommands } from './commands/excerpts';
import { groupCommands } from './commands/groups';
import { importCommands } from './commands/import';
import { matrixCommands } from './commands/matrix';
import { mergeCommands } from './commands/merge';
import { projectCommands } from './commands/project';
import { searchCommands } from './commands/search';
import { qdpxCommands } from './commands/qdpx';
import { segmentCommands } from './commands/segments';
import { textCommands } from './commands/text';

/** Every subcommand; each area of the app adds its own table. */
const commands: Record<string, Command> = {
  ...projectCommands,
  ...segmentCommands,
  ...textCommands,
  ...historyCommands,
  ...importCommands,
  ...codebookCommands,
  ...matrixCommands,
  ...agreementCommands,
  ...mergeCommands,
  ...searchCommands,
  ...qdpxCommands,
  ...excerptCommands,
  ...groupCommands,
};

const usage = () =>
  `Usage: trellis <command> [options]\n\nCommands:\n${Object.values(commands)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new CliError(`Unknown command "${name}".\n\n${usage()}`, 2);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false }, ...command.options } });
  } catch (error) {
    throw new CliError(`trellis ${name}: ${(error as Error).message}\n\nUsage: trellis ${command.usage}`, 2);
  }
  const session = new Session(appDirs(), { rememberRecent: false });
  try {
    const { json, ...options } = parsed.values;
    await command.run(session, { positionals: parsed.positionals, options, json: json === true });
    return 0;
  } catch (error) {
    if (error instanceof CliError && error.exitCode === 2)
      throw new CliError(`trellis ${name}: ${error.message}\n\nUsage: trellis ${command.usage}`, 2);
    throw error;
  } finally {
    session.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    console.error(`trellis: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  }
}
