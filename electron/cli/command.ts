import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../api/methods';
import { dispatch } from '../api/dispatch';
import type { Session } from '../api/session';
import { saveTargetProblem } from '../services/save-target';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Parsed command line: positionals after the command name, and --options (repeatable ones as arrays). */
export interface Invocation {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
}

export interface Command {
  usage: string;
  /** node:util parseArgs option specs for this command (besides --json and --help). */
  options?: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(session: Session, invocation: Invocation): Promise<void>;
}

/** Calls an API method the way the app does; a failure becomes the CLI's error message. */
export async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new CliError(envelope.error.message);
  return envelope.result as ResultOf<M>;
}

export const print = (json: boolean, value: unknown, text: string): void => console.log(json ? JSON.stringify(value) : text);

/** The one FILE (or PROJECT) argument most commands take, as an absolute path. */
export function onlyFile(invocation: Invocation, name = 'FILE'): string {
  const [file, ...extra] = invocation.positionals;
  if (!file || extra.length > 0) throw new CliError(`expected exactly one ${name}.`, 2);
  return file;
}

/** A path from the command line is the person's own choice: the session may read, open or create it. */
export function chosen(session: Session, path: string): string {
  const full = resolve(path);
  session.chosen.add(full);
  return full;
}

/** Writes an export's bytes to the file the person named, never onto the open project, its -wal/-shm or any project. */
export function writeExport(session: Session, file: string, base64: string): void {
  const problem = saveTargetProblem(file, session.isOpen ? session.file : null);
  if (problem) throw new CliError(`Nothing was written: ${problem}`);
  try {
    writeFileSync(file, Buffer.from(base64, 'base64'));
  } catch (error) {
    throw new CliError(`"${file}" could not be written: ${(error as Error).message}.`);
  }
}
