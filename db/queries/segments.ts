import { DataError } from '../errors';
import { newGuid, nowIso, sha256 } from '../ids';
import type { Db } from '../project-file';
import { documentText, textBetween, type DocumentText } from '../document-text';
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

/** Checks a range against the document and returns the hash of the text it covers. */
function coveredTextHash(doc: DocumentText, start: number, end: number): string {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > doc.length) {
    throw new DataError('invalid', `The range ${start}–${end} is not inside "${doc.name}" (0–${doc.length}).`);
  }
  return sha256(textBetween(doc, start, end));
}

function checkCodable(db: Db, codeIds: number[]): void {
  for (const codeId of codeIds) {
    const code = stmt(db, 'SELECT codable, name FROM codes WHERE id = ?').get(codeId) as { codable: number; name: string } | undefined;
    if (!code) throw new DataError('not-found', `There is no code with id ${codeId}.`);
    if (!code.codable) throw new DataError('invalid', `"${code.name}" groups other codes and cannot be applied to text.`);
  }
}

/** Stores one coded passage. Offsets are code points into the document's plain text, end exclusive. */
export function insertSegment(db: Db, segment: NewSegment): number {
  const doc = documentText(db, segment.documentId);
  if (!stmt(db, 'SELECT 1 FROM coders WHERE id = ?').get(segment.coderId)) {
    throw new DataError('not-found', `There is no coder with id ${segment.coderId}.`);
  }
  const { start, end } = segment;
  const hash = coveredTextHash(doc, start, end);
  const codeIds = [...new Set(segment.codeIds)];
  if (codeIds.length === 0) throw new DataError('invalid', 'A segment needs at least one code.');
  checkCodable(db, codeIds);
  const now = nowIso();
  const id = Number(
    stmt(
      db,
      `INSERT INTO segments (guid, document_id, coder_id, start, end, text_hash, memo, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newGuid(), segment.documentId, segment.coderId, start, end, hash, segment.memo ?? '', now, now).lastInsertRowid,
  );
  addSegmentCodes(db, id, codeIds);
  return id;
}

/**
 * Stores many coded passages of one document at once (an import on the bulk path), each checked as
 * insertSegment checks it, with the coder and code checks made once per coder and code.
 */
export function insertSegments(db: Db, documentId: number, segments: Omit<NewSegment, 'documentId'>[]): void {
  const doc = documentText(db, documentId);
  const coders = new Set<number>();
  const codable = new Set<number>();
  const now = nowIso();
  const insert = stmt(
    db,
    `INSERT INTO segments (guid, document_id, coder_id, start, end, text_hash, memo, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addCode = stmt(db, 'INSERT OR IGNORE INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)');
  for (const segment of segments) {
    const { start, end, coderId } = segment;
    if (!coders.has(coderId)) {
      if (!stmt(db, 'SELECT 1 FROM coders WHERE id = ?').get(coderId))
        throw new DataError('not-found', `There is no coder with id ${coderId}.`);
      coders.add(coderId);
    }
    const hash = coveredTextHash(doc, start, end);
    const codeIds = [...new Set(segment.codeIds)];
    if (codeIds.length === 0) throw new DataError('invalid', 'A segment needs at least one code.');
    const unchecked = codeIds.filter((id) => !codable.has(id));
    checkCodable(db, unchecked);
    for (const id of unchecked) codable.add(id);
    const id = insert.run(newGuid(), documentId, coderId, start, end, hash, segment.memo ?? '', now, now).lastInsertRowid;
    for (const codeId of codeIds) addCode.run(id, codeId, documentId, coderId);
  }
}

function segmentRow(db: Db, id: number): { documentId: number; coderId: number; start: number; end: number } {
  const row = stmt(db, 'SELECT document_id AS documentId, coder_id AS coderId, start, end FROM segments WHERE id = ?').get(id) as
    { documentId: number; coderId: number; start: number; end: number } | undefined;
  if (!row) throw new DataError('not-found', `There is no segment with id ${id}.`);
  return row;
}

export function addSegmentCodes(db: Db, segmentId: number, codeIds: number[]): void {
  const { documentId, coderId } = segmentRow(db, segmentId);
  checkCodable(db, codeIds);
  const add = stmt(db, 'INSERT OR IGNORE INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)');
  for (const codeId of codeIds) add.run(segmentId, codeId, documentId, coderId);
}

/** Removes codes from a segment; a segment left with no code is deleted. Returns whether it still exists. */
export function removeSegmentCodes(db: Db, segmentId: number, codeIds: number[]): boolean {
  segmentRow(db, segmentId);
  const remove = stmt(db, 'DELETE FROM segment_codes WHERE segment_id = ? AND code_id = ?');
  for (const codeId of codeIds) remove.run(segmentId, codeId);
  if (stmt(db, 'SELECT 1 FROM segment_codes WHERE segment_id = ?').get(segmentId)) return true;
  deleteSegment(db, segmentId);
  return false;
}

/** Moves a segment's boundaries and/or changes its memo. */
export function updateSegment(db: Db, id: number, change: { start?: number; end?: number; memo?: string }): void {
  const row = segmentRow(db, id);
  const start = change.start ?? row.start;
  const end = change.end ?? row.end;
  const hash = coveredTextHash(documentText(db, row.documentId), start, end);
  stmt(db, 'UPDATE segments SET start = ?, end = ?, text_hash = ?, memo = coalesce(?, memo), modified_at = ? WHERE id = ?').run(
    start,
    end,
    hash,
    change.memo ?? null,
    nowIso(),
    id,
  );
}

export function deleteSegment(db: Db, id: number): void {
  segmentRow(db, id);
  stmt(db, 'DELETE FROM segments WHERE id = ?').run(id);
}

export function getSegment(db: Db, id: number): Segment {
  segmentRow(db, id);
  const [row] = segmentRows(db, { segmentId: id });
  row!.text = textBetween(documentText(db, row!.documentId), row!.start, row!.end);
  return row!;
}

/** The codes a coder applied most recently, newest first: the coding popover's "recent" row. */
export function recentCodeIds(db: Db, coderId: number, limit = 8): number[] {
  return (
    stmt(
      db,
      `SELECT code_id FROM segment_codes WHERE coder_id = @coder
        GROUP BY code_id ORDER BY max(segment_id) DESC LIMIT @limit`,
    ).all({ coder: coderId, limit }) as { code_id: number }[]
  ).map((r) => r.code_id);
}

export interface SegmentFilter {
  documentId?: number;
  coderId?: number;
  segmentId?: number;
  /** false leaves `text` empty: the transcript view has the text already and needs only offsets. */
  withText?: boolean;
}

/**
 * The segment rows a filter asks for, with their codes. The WHERE clause names only the given filters,
 * so SQLite can use its indexes (a catch-all "@x IS NULL OR …" makes it scan every segment).
 */
function segmentRows(db: Db, filter: SegmentFilter): Segment[] {
  const conditions = [
    filter.documentId !== undefined && 's.document_id = @document',
    filter.coderId !== undefined && 's.coder_id = @coder',
    filter.segmentId !== undefined && 's.id = @segment',
  ].filter(Boolean);
  const rows = stmt(
    db,
    `SELECT s.id, s.guid, s.document_id AS documentId, s.coder_id AS coderId, s.start, s.end, s.memo, '' AS text,
            (SELECT group_concat(code_id) FROM segment_codes WHERE segment_id = s.id) AS codes
       FROM segments s JOIN documents d ON d.id = s.document_id
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY s.document_id, s.start, s.end, s.id`,
  ).all({ document: filter.documentId, coder: filter.coderId, segment: filter.segmentId }) as (Omit<Segment, 'codeIds'> & {
    codes: string | null;
  })[];
  return rows.map(({ codes, ...r }) => ({ ...r, codeIds: codes ? codes.split(',').map(Number) : [] }));
}

/** Segments with their codes and the exact text they cover (cut from the cached text, see document-text.ts). */
export function listSegments(db: Db, filter: SegmentFilter = {}): Segment[] {
  const rows = segmentRows(db, filter);
  if (filter.withText === false) return rows;
  let doc: DocumentText | undefined;
  let docId = 0;
  // Rows come ordered by document, so each document's text is looked up once.
  for (const r of rows) {
    if (r.documentId !== docId) doc = documentText(db, (docId = r.documentId));
    r.text = textBetween(doc!, r.start, r.end);
  }
  return rows;
}
