import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCoderCopy } from '../../db/coder-copy';
import { PROJECT_EXTENSION, type Db } from '../../db/project-file';
import { getMeta } from '../../db/queries/meta';
import { exportFileBase } from '../../shared/matrix-rule';
import { PROJECT_MIME_TYPE } from '../../shared/protocol';

/**
 * A coder copy as bytes (no API method writes to a path it is given): written to a temporary folder, read
 * back, and the folder removed. The copy is named after the project.
 */
export function coderCopyBytes(db: Db, keepCoderIds: number[]): { fileName: string; mimeType: string; data: Buffer; segments: number } {
  const name = `${getMeta(db, 'project_name') ?? 'Project'} (coder copy)`;
  const dir = mkdtempSync(join(tmpdir(), 'trellis-copy-'));
  try {
    const file = join(dir, `copy${PROJECT_EXTENSION}`);
    const { segments } = writeCoderCopy(db, file, keepCoderIds, name);
    return { fileName: `${exportFileBase(name)}${PROJECT_EXTENSION}`, mimeType: PROJECT_MIME_TYPE, data: readFileSync(file), segments };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
