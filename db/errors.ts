export type ProjectFileProblem = 'missing' | 'exists' | 'not-a-project' | 'corrupt' | 'newer-version' | 'io';

/** A project file could not be opened or created; the message names the file and the reason. */
export class ProjectFileError extends Error {
  constructor(
    readonly problem: ProjectFileProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

export type DataProblem = 'not-found' | 'conflict' | 'invalid';

/** A request the data cannot honour (unknown id, duplicate name, range outside the text, ...). */
export class DataError extends Error {
  constructor(
    readonly problem: DataProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}
