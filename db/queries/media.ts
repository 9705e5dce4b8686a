// Recordings linked to documents (schema step 11) and the turn times they are played by.
import { DataError } from '../errors';
import { nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

/** A document's linked recording: where the person's file is, and its size and time when it was linked. */
export interface MediaLink {
  documentId: number;
  path: string;
  size: number;
  mtimeMs: number;
  linkedAt: string;
}

function requireDocument(db: Db, documentId: number): void {
  if (!stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(documentId)) {
    throw new DataError('not-found', `There is no document with id ${documentId}.`);
  }
}

export function getMediaLink(db: Db, documentId: number): MediaLink | null {
  return (
    (stmt(
      db,
      `SELECT document_id AS documentId, path, size, mtime_ms AS mtimeMs, linked_at AS linkedAt
         FROM document_media WHERE document_id = ?`,
    ).get(documentId) as MediaLink | undefined) ?? null
  );
}

/** Links (or relinks) a recording to a document; an update, so undo gives the previous link back. */
export function setMediaLink(db: Db, documentId: number, file: { path: string; size: number; mtimeMs: number }): MediaLink {
  requireDocument(db, documentId);
  stmt(
    db,
    `INSERT INTO document_media (document_id, path, size, mtime_ms, linked_at) VALUES (@documentId, @path, @size, @mtimeMs, @linkedAt)
     ON CONFLICT (document_id) DO UPDATE SET path = excluded.path, size = excluded.size, mtime_ms = excluded.mtime_ms, linked_at = excluded.linked_at`,
  ).run({ documentId, ...file, mtimeMs: Math.round(file.mtimeMs), linkedAt: nowIso() });
  return getMediaLink(db, documentId)!;
}

/** Unlinks a document's recording (the file itself is never touched); false when it had none. */
export function removeMediaLink(db: Db, documentId: number): boolean {
  requireDocument(db, documentId);
  return stmt(db, 'DELETE FROM document_media WHERE document_id = ?').run(documentId).changes > 0;
}

/** Sets (or clears, with null) the time a turn starts in the recording. */
export function setParagraphTime(db: Db, documentId: number, n: number, timeMs: number | null): void {
  requireDocument(db, documentId);
  const changed = stmt(db, 'UPDATE paragraphs SET time_ms = ? WHERE document_id = ? AND n = ?').run(timeMs, documentId, n).changes;
  if (changed === 0) throw new DataError('not-found', `Document ${documentId} has no paragraph ${n}.`);
}
