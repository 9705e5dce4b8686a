import { DataError } from '../errors';
import { newGuid, nowIso, sha256 } from '../ids';
import { codePointLength } from '../../shared/offsets';
import type { Db } from '../project-file';
import { spreadKey } from '../search-keys';
import { stmt } from '../statements';

export interface Paragraph {
  n: number;
  start: number;
  end: number;
  bodyStart: number;
  speaker: string | null;
  timeMs: number | null;
}

/** Display formatting in code points of the canonical text; never part of the offsets basis. */
export interface Formatting {
  /** Paragraph numbers (1-based, as cited) that are headings, with their level 1–6. */
  headings: { n: number; level: number }[];
  bold: [number, number][];
  italic: [number, number][];
}

export interface NewDocument {
  name: string;
  text: string;
  paragraphs: Omit<Paragraph, 'n'>[];
  formatting?: Formatting | null;
  sourceName: string | null;
  sourceType: string;
  createdBy?: number | null;
}

export interface DocumentSummary {
  id: number;
  guid: string;
  name: string;
  characters: number;
  paragraphs: number;
  segments: number;
  caseIds: number[];
}

export interface DocumentFull extends Omit<DocumentSummary, 'paragraphs'> {
  text: string;
  formatting: Formatting | null;
  contentHash: string;
  sourceName: string | null;
  sourceType: string;
  createdAt: string;
  paragraphs: Paragraph[];
}

export function insertDocument(db: Db, doc: NewDocument): number {
  const name = doc.name.trim();
  if (!name) throw new DataError('invalid', 'A document needs a name.');
  if (stmt(db, 'SELECT 1 FROM documents WHERE name = ?').get(name)) {
    throw new DataError('conflict', `A document named "${name}" already exists.`);
  }
  const characters = codePointLength(doc.text);
  let previousEnd = 0;
  for (const p of doc.paragraphs) {
    if (p.start < previousEnd || p.end < p.start || p.end > characters || p.bodyStart < p.start || p.bodyStart > p.end) {
      throw new DataError('invalid', `Paragraph offsets ${p.start}–${p.end} do not fit the text of "${name}".`);
    }
    previousEnd = p.end;
  }
  const now = nowIso();
  const { lastInsertRowid } = stmt(
    db,
    `INSERT INTO documents (guid, name, plain_text, char_count, content_hash, source_name, source_type, formatting, created_by, created_at, modified_at, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM documents))`,
  ).run(
    newGuid(),
    name,
    doc.text,
    characters,
    sha256(doc.text),
    doc.sourceName,
    doc.sourceType,
    doc.formatting ? JSON.stringify(doc.formatting) : null,
    doc.createdBy ?? null,
    now,
    now,
  );
  const id = Number(lastInsertRowid);
  const addParagraph = stmt(
    db,
    'INSERT INTO paragraphs (document_id, n, start, end, body_start, speaker, time_ms, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const count = doc.paragraphs.length;
  doc.paragraphs.forEach((p, i) =>
    addParagraph.run(id, i + 1, p.start, p.end, p.bodyStart, p.speaker, p.timeMs, spreadKey(id, i + 1, count)),
  );
  return id;
}

function caseIdsByDocument(db: Db): Map<number, number[]> {
  const rows = stmt(db, 'SELECT document_id, case_id FROM case_documents ORDER BY case_id').all() as {
    document_id: number;
    case_id: number;
  }[];
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.document_id, [...(map.get(r.document_id) ?? []), r.case_id]);
  return map;
}

/** Every document; `segments` counts every coder's, or (blind coding) one coder's. */
export function listDocuments(db: Db, coderId: number | null = null): DocumentSummary[] {
  const cases = caseIdsByDocument(db);
  const rows = stmt(
    db,
    `SELECT d.id, d.guid, d.name, d.char_count AS characters,
            (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) AS paragraphs,
            (SELECT count(*) FROM segments s WHERE s.document_id = d.id ${coderId === null ? '' : 'AND s.coder_id = @coder'}) AS segments
       FROM documents d ORDER BY d.sort, d.name COLLATE NOCASE`,
  ).all(coderId === null ? {} : { coder: coderId }) as Omit<DocumentSummary, 'caseIds'>[];
  return rows.map((r) => ({ ...r, caseIds: cases.get(r.id) ?? [] }));
}

export function getDocument(db: Db, id: number): DocumentFull {
  const row = stmt(
    db,
    `SELECT d.id, d.guid, d.name, d.plain_text AS text, d.formatting, d.char_count AS characters, d.content_hash AS contentHash,
            d.source_name AS sourceName, d.source_type AS sourceType, d.created_at AS createdAt,
            (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments
       FROM documents d WHERE d.id = ?`,
  ).get(id) as (Omit<DocumentFull, 'paragraphs' | 'caseIds' | 'formatting'> & { formatting: string | null }) | undefined;
  if (!row) throw new DataError('not-found', `There is no document with id ${id}.`);
  const paragraphs = stmt(
    db,
    `SELECT n, start, end, body_start AS bodyStart, speaker, time_ms AS timeMs
       FROM paragraphs WHERE document_id = ? ORDER BY n`,
  ).all(id) as Paragraph[];
  const formatting = row.formatting ? (JSON.parse(row.formatting) as Formatting) : null;
  // This document's cases only: reading every link here made a loop over all documents quadratic.
  const caseIds = stmt(db, 'SELECT case_id FROM case_documents WHERE document_id = ? ORDER BY case_id').pluck().all(id) as number[];
  return { ...row, formatting, paragraphs, caseIds };
}

/** The document of this name (names are unique), if any. */
export function findDocumentByName(db: Db, name: string): number | undefined {
  const row = stmt(db, 'SELECT id FROM documents WHERE name = ?').get(name.trim()) as { id: number } | undefined;
  return row?.id;
}

/** The document whose canonical text is this one, if any: same SHA-256 content hash (indexed). */
export function findDocumentByText(db: Db, text: string): { id: number; name: string } | undefined {
  return stmt(db, 'SELECT id, name FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1').get(sha256(text)) as
    { id: number; name: string } | undefined;
}

/** `base`, or "base (2)", "base (3)", … — the first name no document has (compared as the unique index does). */
export function uniqueDocumentName(db: Db, base: string): string {
  const taken = stmt(db, 'SELECT 1 FROM documents WHERE name = ?');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base.trim() : `${base.trim()} (${n})`;
    if (!taken.get(candidate)) return candidate;
  }
}

export interface DocumentOutline {
  name: string;
  case: string | null;
  attributes: { name: string; type: string; value: string }[];
  characters: number;
  paragraphs: { n: number; start: number; end: number; speaker: string | null; timeMs: number | null }[];
}

/** Every document (or the one named), with its first case, that case's attribute values and its paragraphs. */
export function documentOutlines(db: Db, name?: string): DocumentOutline[] {
  const docs = stmt(
    db,
    `SELECT d.id, d.name, d.char_count AS characters,
            (SELECT c.id FROM case_documents cd JOIN cases c ON c.id = cd.case_id
              WHERE cd.document_id = d.id ORDER BY c.sort, c.name LIMIT 1) AS caseId
       FROM documents d WHERE @name IS NULL OR d.name = @name ORDER BY d.sort, d.name COLLATE NOCASE`,
  ).all({ name: name?.trim() ?? null }) as { id: number; name: string; characters: number; caseId: number | null }[];
  const caseName = stmt(db, 'SELECT name FROM cases WHERE id = ?');
  const values = stmt(
    db,
    `SELECT a.name, a.type, v.value FROM case_attribute_values v JOIN attributes a ON a.id = v.attribute_id
      WHERE v.case_id = ? ORDER BY a.sort, a.name`,
  );
  const paragraphs = stmt(db, 'SELECT n, start, end, speaker, time_ms AS timeMs FROM paragraphs WHERE document_id = ? ORDER BY n');
  return docs.map((d) => ({
    name: d.name,
    case: d.caseId === null ? null : (caseName.get(d.caseId) as { name: string }).name,
    attributes: d.caseId === null ? [] : (values.all(d.caseId) as DocumentOutline['attributes']),
    characters: d.characters,
    paragraphs: paragraphs.all(d.id) as DocumentOutline['paragraphs'],
  }));
}

/** The document's name, or a clear not-found error. */
function documentName(db: Db, id: number): string {
  const row = stmt(db, 'SELECT name FROM documents WHERE id = ?').get(id) as { name: string } | undefined;
  if (!row) throw new DataError('not-found', `There is no document with id ${id}.`);
  return row.name;
}

export function renameDocument(db: Db, id: number, name: string): { from: string; to: string } {
  const from = documentName(db, id);
  const to = name.trim();
  const taken = stmt(db, 'SELECT 1 FROM documents WHERE name = ? AND id <> ?').get(to, id);
  if (taken) throw new DataError('conflict', `There is already a document named "${to}".`);
  stmt(db, 'UPDATE documents SET name = ?, modified_at = ? WHERE id = ?').run(to, nowIso(), id);
  return { from, to };
}

export interface DocumentImpact {
  document: string;
  segments: number;
  codings: number;
  memos: number;
}

/** What deleting a document takes with it: its segments, their codings, and its memo and coding memos. */
export function documentImpact(db: Db, id: number): DocumentImpact {
  const document = documentName(db, id);
  const counts = stmt(
    db,
    `SELECT (SELECT count(*) FROM segments WHERE document_id = @id) AS segments,
            (SELECT count(*) FROM segment_codes c JOIN segments s ON s.id = c.segment_id WHERE s.document_id = @id) AS codings,
            (SELECT count(*) FROM memos WHERE document_id = @id)
              + (SELECT count(*) FROM segments WHERE document_id = @id AND memo <> '') AS memos`,
  ).get({ id }) as Omit<DocumentImpact, 'document'>;
  return { document, ...counts };
}

/** Deletes a document; its paragraphs, segments, codings and memos go with it (kept counts follow by trigger). */
export function deleteDocument(db: Db, id: number): DocumentImpact {
  const impact = documentImpact(db, id);
  stmt(db, 'DELETE FROM documents WHERE id = ?').run(id);
  return impact;
}

/** Puts a document at a position (0-based) in the project's document order. */
export function moveDocument(db: Db, id: number, index: number): void {
  documentName(db, id);
  const order = (stmt(db, 'SELECT id FROM documents ORDER BY sort, name COLLATE NOCASE').all() as { id: number }[])
    .map((r) => r.id)
    .filter((d) => d !== id);
  order.splice(Math.min(index, order.length), 0, id);
  const place = stmt(db, 'UPDATE documents SET sort = ? WHERE id = ? AND sort <> ?');
  order.forEach((d, i) => place.run(i + 1, d, i + 1));
}
