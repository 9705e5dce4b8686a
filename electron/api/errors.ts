import { DataError, ProjectFileError } from '../../db/errors';
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

/** Maps anything a handler throws to a typed failure; unexpected errors are logged, not leaked as stacks. */
export function toFailure(error: unknown): ApiFailure {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof ProjectFileError) return { code: error.problem, message: error.message };
  if (error instanceof DataError) return { code: error.problem, message: error.message };
  console.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Trellis hit an unexpected problem: ${detail}` };
}
