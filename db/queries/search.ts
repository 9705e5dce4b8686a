// Reads for search: matching paragraphs from the FTS5 index (schema steps 5 and 12), the paragraphs a regex
// runs over, the scopes' documents and the codings a hit may need to lie in.
import { DataError } from '../errors';
import type { Db } from '../project-file';
import { codePointCursor } from '../../shared/offsets';
import { documentKeysFrom, documentOfKey } from '../search-keys';
import { stmt } from '../statements';

/** Marks FTS5's highlight() puts around matched words; import removes control characters from texts. */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

export interface ScopedParagraph {
  documentId: number;
  document: string;
  n: number;
  start: number;
  bodyStart: number;
  end: number;
  speaker: string | null;
  /** The speech (body_start to end); from matchingParagraphs, with matches between MARK_OPEN and MARK_CLOSE. */
  text: string;
}

export interface ParagraphScope {
  /** null: every document. */
  documentIds: number[] | null;
  /** null: every speaker. */
  speakers: string[] | null;
}

const scopeWhere = `(@docs IS NULL OR p.document_id IN (SELECT value FROM json_each(@docs)))
   AND (@speakers IS NULL OR p.speaker IN (SELECT value FROM json_each(@speakers)))`;
const scopeParams = (scope: ParagraphScope) => ({
  docs: scope.documentIds && JSON.stringify(scope.documentIds),
  speakers: scope.speakers && JSON.stringify(scope.speakers),
});

/** FTS5's own wording of a query it cannot read, for the message that names the problem. */
function explainFtsError(query: string, error: Error): DataError {
  const reason = error.message.replace(/^fts5: /, '');
  const column = /^no such column: (.*)$/.exec(reason);
  const detail = column
    ? `"${column[1]}:" reads as a column filter; put the words in double quotes to search for a colon`
    : reason === 'unterminated string'
      ? 'a double quote is not closed'
      : reason;
  return new DataError('invalid', `The search "${query}" cannot be read: ${detail}.`);
}

const ftsTable = (stem: boolean) => (stem ? 'search_stemmed' : 'search_exact');

/** Runs a statement that reads an FTS5 query, turning FTS5's complaint about the query into a message. */
function readingQuery<T>(query: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && /^(fts5|no such column|unterminated string)/.test(error.message)) throw explainFtsError(query, error);
    throw error;
  }
}

/**
 * The documents in scope with a paragraph matching an FTS5 query, in document order. Reads only the
 * index's row ids (no text), so that a page of hits can start at the first document without matching all.
 */
export function documentsMatching(db: Db, query: string, stem: boolean, documentIds: number[] | null): { id: number; name: string }[] {
  return readingQuery(
    query,
    () =>
      stmt(
        db,
        `SELECT d.id, d.name FROM documents d
          WHERE d.id IN (SELECT DISTINCT rowid >> 32 FROM ${ftsTable(stem)} WHERE ${ftsTable(stem)} MATCH @query)
            AND (@docs IS NULL OR d.id IN (SELECT value FROM json_each(@docs)))
          ORDER BY d.sort, d.name COLLATE NOCASE`,
      ).all({ query, docs: documentIds && JSON.stringify(documentIds) }) as { id: number; name: string }[],
  );
}

/**
 * One document's paragraphs whose speech matches an FTS5 query, in order, as a generator: highlight() runs
 * only for the rows read, so a caller that stops after a page never tokenizes the rest. The query was read
 * by documentsMatching first, which explains a query FTS5 cannot read.
 */
export function* matchingParagraphs(
  db: Db,
  query: string,
  stem: boolean,
  document: { id: number; name: string },
  speakers: string[] | null,
): Generator<ScopedParagraph> {
  const table = ftsTable(stem);
  // A row's id is its paragraph's search key (schema step 12): the document's id * 2^32 plus a number in
  // the order of its turns. FTS5 seeks to a lower bound on the row id at once, but given BETWEEN (or a join
  // on the row id) it walks the query's whole match list per call: a phrase took 1.5 ms a document. So:
  // seek, and stop at the next document.
  const matched = stmt(
    db,
    `SELECT rowid AS key, highlight(${table}, 0, char(1), char(2)) AS text
       FROM ${table} WHERE ${table} MATCH @query AND rowid >= @first ORDER BY rowid`,
  ).iterate({ query, first: documentKeysFrom(document.id) }) as IterableIterator<{ key: number; text: string }>;
  const paragraph = stmt(db, `SELECT n, start, body_start AS bodyStart, end, speaker FROM paragraphs WHERE search_key = ?`);
  for (const { key, text } of matched) {
    if (documentOfKey(key) !== document.id) return;
    const p = paragraph.get(key) as Pick<ScopedParagraph, 'n' | 'start' | 'bodyStart' | 'end' | 'speaker'>;
    if (speakers === null || (p.speaker !== null && speakers.includes(p.speaker))) {
      yield { documentId: document.id, document: document.name, ...p, text };
    }
  }
}

/** Every paragraph in scope with its speech, for a regex or for auto-coding speaker turns. */
export function scopedParagraphs(db: Db, scope: ParagraphScope): ScopedParagraph[] {
  const rows = stmt(
    db,
    `SELECT p.document_id AS documentId, d.name AS document, p.n, p.start, p.body_start AS bodyStart, p.end, p.speaker, '' AS text
       FROM paragraphs p JOIN documents d ON d.id = p.document_id
      WHERE ${scopeWhere}
      ORDER BY d.sort, d.name COLLATE NOCASE, p.n`,
  ).all(scopeParams(scope)) as ScopedParagraph[];
  let cached = -1;
  let text = '';
  let unitAt = codePointCursor('');
  for (const r of rows) {
    if (r.documentId !== cached) {
      cached = r.documentId;
      text = stmt(db, 'SELECT plain_text FROM documents WHERE id = ?').pluck().get(cached) as string;
      unitAt = codePointCursor(text);
    }
    r.text = text.slice(unitAt(r.bodyStart), unitAt(r.end));
  }
  return rows;
}

/** Documents of the cases whose attribute has this value (compared as text, without case). */
export function documentsWithAttribute(db: Db, attribute: string, value: string): number[] {
  if (!stmt(db, "SELECT 1 FROM attributes WHERE scope = 'case' AND name = ? COLLATE NOCASE").get(attribute)) {
    throw new DataError('not-found', `There is no case attribute named "${attribute}".`);
  }
  return (
    stmt(
      db,
      `SELECT DISTINCT cd.document_id AS id FROM case_documents cd
         JOIN case_attribute_values v ON v.case_id = cd.case_id
         JOIN attributes a ON a.id = v.attribute_id
        WHERE a.scope = 'case' AND a.name = ? COLLATE NOCASE AND v.value = ? COLLATE NOCASE`,
    ).all(attribute, value) as { id: number }[]
  ).map((r) => r.id);
}

export interface CodedRange {
  documentId: number;
  start: number;
  end: number;
  coderId: number;
  codeId: number;
}

/** Each coded range of these documents with each of its codes (all codes when codeIds is null). */
export function codedRanges(db: Db, documentIds: number[], codeIds: number[] | null): CodedRange[] {
  return stmt(
    db,
    `SELECT s.document_id AS documentId, s.start, s.end, s.coder_id AS coderId, sc.code_id AS codeId
       FROM segments s JOIN segment_codes sc ON sc.segment_id = s.id
      WHERE s.document_id IN (SELECT value FROM json_each(@docs))
        AND (@codes IS NULL OR sc.code_id IN (SELECT value FROM json_each(@codes)))
      ORDER BY s.document_id, s.start`,
  ).all({ docs: JSON.stringify(documentIds), codes: codeIds && JSON.stringify(codeIds) }) as CodedRange[];
}

/** Every speaker of a paragraph, by name. */
export function listSpeakers(db: Db): string[] {
  return stmt(db, 'SELECT DISTINCT speaker FROM paragraphs WHERE speaker IS NOT NULL ORDER BY speaker COLLATE NOCASE')
    .pluck()
    .all() as string[];
}
