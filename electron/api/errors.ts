import { basename } from 'node:path';
import { DataError, ProjectFileError } from '../../db/errors';
import { JobCancelled } from '../services/jobs/registry';
import type { ApiFailure, ErrorCode } from '../../shared/protocol';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** SQLite's result codes that the person can act on, in words naming the project file. */
function sqliteProblem(code: string, file: string): ApiFailure | null {
  const name = `"${basename(file)}"`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'busy',
      message: `${name} is being written by another program (another Trellis window or the trellis command); nothing was changed. Try again when it has finished.`,
    };
  }
  if (code === 'SQLITE_FULL')
    return { code: 'io', message: `The disk holding ${name} is full; nothing was changed. Free some space and try again.` };
  if (code.startsWith('SQLITE_READONLY'))
    return { code: 'io', message: `${name} can only be read (the file or its folder is read-only); nothing was changed.` };
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return { code: 'io', message: `${name} could not be written (${code}); nothing was changed.` };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return { code: 'corrupt', message: `${name} is damaged (${code}); nothing was changed.` };
  return null;
}

/**
 * Maps anything a handler throws to a typed failure; unexpected errors are logged, not leaked as stacks.
 * `file` is the open project, named in messages about it.
 */
export function toFailure(error: unknown, file?: string): ApiFailure {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof ProjectFileError) return { code: error.problem, message: error.message };
  if (error instanceof DataError) return { code: error.problem, message: error.message };
  if (error instanceof JobCancelled) return { code: 'cancelled', message: error.message };
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const plain = typeof code === 'string' && code.startsWith('SQLITE_') && file ? sqliteProblem(code, file) : null;
  if (plain) return plain;
  console.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Trellis hit an unexpected problem: ${detail}` };
}
