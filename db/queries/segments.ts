import { DataError } from '../errors';
import { newGuid, nowIso, sha256 } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

export interface NewSegment {
  documentId: number;
  coderId: number;
  start: number;
  end: number;
  codeIds: number[];
  memo?: string;
}

export interface Segment {
  id: number;
  guid: string;
  documentId: number;
  coderId: number;
  start: number;
  end: number;
  text: string;
  memo: string;
  codeIds: number[];
}

/** Stores one coded passage. Offsets are code points into the document's plain text, end exclusive. */
export function insertSegment(db: Db, segment: NewSegment): number {
  const doc = stmt(db, 'SELECT char_count AS characters, name FROM documents WHERE id = ?').get(segment.documentId) as
    { characters: number; name: string } | undefined;
  if (!doc) throw new DataError('not-found', `There is no document with id ${segment.documentId}.`);
  if (!stmt(db, 'SELECT 1 FROM coders WHERE id = ?').get(segment.coderId)) {
    throw new DataError('not-found', `There is no coder with id ${segment.coderId}.`);
  }
  const { start, end } = segment;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.characters) {
    throw new DataError('invalid', `The range ${start}–${end} is not inside "${doc.name}" (0–${doc.characters}).`);
  }
  const codeIds = [...new Set(segment.codeIds)];
  if (codeIds.length === 0) throw new DataError('invalid', 'A segment needs at least one code.');
  for (const codeId of codeIds) {
    const code = stmt(db, 'SELECT codable, name FROM codes WHERE id = ?').get(codeId) as { codable: number; name: string } | undefined;
    if (!code) throw new DataError('not-found', `There is no code with id ${codeId}.`);
    if (!code.codable) throw new DataError('invalid', `"${code.name}" groups other codes and cannot be applied to text.`);
  }
  // substr() counts code points on TEXT, like the stored offsets.
  const { text } = stmt(db, 'SELECT substr(plain_text, ?, ?) AS text FROM documents WHERE id = ?').get(
    start + 1,
    end - start,
    segment.documentId,
  ) as { text: string };
  const now = nowIso();
  const id = Number(
    stmt(
      db,
      `INSERT INTO segments (guid, document_id, coder_id, start, end, text_hash, memo, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newGuid(), segment.documentId, segment.coderId, start, end, sha256(text), segment.memo ?? '', now, now).lastInsertRowid,
  );
  const addCode = stmt(db, 'INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)');
  for (const codeId of codeIds) addCode.run(id, codeId, segment.documentId, segment.coderId);
  return id;
}

export function listSegments(db: Db, filter: { documentId?: number; coderId?: number } = {}): Segment[] {
  const rows = stmt(
    db,
    `SELECT s.id, s.guid, s.document_id AS documentId, s.coder_id AS coderId, s.start, s.end, s.memo,
            substr(d.plain_text, s.start + 1, s.end - s.start) AS text,
            (SELECT group_concat(code_id) FROM segment_codes WHERE segment_id = s.id) AS codes
       FROM segments s JOIN documents d ON d.id = s.document_id
      WHERE (@document IS NULL OR s.document_id = @document) AND (@coder IS NULL OR s.coder_id = @coder)
      ORDER BY s.document_id, s.start, s.end, s.id`,
  ).all({ document: filter.documentId ?? null, coder: filter.coderId ?? null }) as (Omit<Segment, 'codeIds'> & { codes: string | null })[];
  return rows.map(({ codes, ...r }) => ({ ...r, codeIds: codes ? codes.split(',').map(Number) : [] }));
}
