// What every caller is told about the open project (app.status, and each call that opens one).
import { basename } from 'node:path';
import { getMeta } from '../../db/queries/meta';
import type { Session } from './session';

export interface ProjectStatus {
  file: string;
  name: string;
  guid: string;
  /** The file could not be written by this program, so it is open for reading only. */
  readOnly: boolean;
}

export function projectStatus(session: Session): ProjectStatus | null {
  if (!session.isOpen) return null;
  const { db, file } = session;
  return { file, name: getMeta(db, 'project_name') ?? basename(file), guid: getMeta(db, 'project_guid') ?? '', readOnly: db.readonly };
}
