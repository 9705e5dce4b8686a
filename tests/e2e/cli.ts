import { run } from '../../electron/cli/trellis';

/**
 * Runs a `trellis` command in this process and returns what it printed. It is the command line's own code
 * (bin/trellis.mjs only loads it and calls it; tests/unit/cli.test.ts runs that binary) reading the project
 * file over its own connection, as a separate CLI run does, without paying a Node start and module load
 * (about 2.5 s of CPU) for every read a test polls.
 */
export async function trellis(...args: string[]): Promise<string> {
  const printed: string[] = [];
  const log = console.log;
  console.log = (line: unknown) => void printed.push(String(line));
  try {
    const code = await run(args);
    if (code !== 0) throw new Error(`trellis ${args.join(' ')} exited with ${code}`);
  } finally {
    console.log = log;
  }
  return printed.join('\n');
}
