import { newGuid, nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

/** A document's memo (one per document; empty when none was written). */
export function getDocumentMemo(db: Db, documentId: number): string {
  const row = stmt(db, 'SELECT body FROM memos WHERE document_id = ? ORDER BY id LIMIT 1').get(documentId) as { body: string } | undefined;
  return row?.body ?? '';
}

export function setDocumentMemo(db: Db, documentId: number, body: string, coderId: number | null): void {
  const now = nowIso();
  const existing = stmt(db, 'SELECT id FROM memos WHERE document_id = ? ORDER BY id LIMIT 1').get(documentId) as { id: number } | undefined;
  if (existing) stmt(db, 'UPDATE memos SET body = ?, modified_at = ? WHERE id = ?').run(body, now, existing.id);
  else
    stmt(db, 'INSERT INTO memos (guid, title, body, coder_id, document_id, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      newGuid(),
      'Document memo',
      body,
      coderId,
      documentId,
      now,
      now,
    );
}

/** Memos attached to one code now belong to another (when the first is merged into it). */
export function moveCodeMemos(db: Db, fromCodeId: number, toCodeId: number): void {
  stmt(db, 'UPDATE memos SET code_id = ? WHERE code_id = ?').run(toCodeId, fromCodeId);
}
