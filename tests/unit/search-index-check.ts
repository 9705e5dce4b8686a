// The search index checked against the paragraphs it derives from (schema steps 5 and 12): after any
// edit, undo or upgrade it must equal an index built afresh.
import { expect } from 'vitest';
import type { Db } from '../../db/project-file';
import { documentsMatching, matchingParagraphs } from '../../db/queries/search';

/** Each query's hits, stemmed and as written: document, turn and the speech with its matches marked. */
export const searchResults = (db: Db, queries: readonly string[]) =>
  queries.flatMap((query) =>
    [true, false].map((stem) =>
      documentsMatching(db, query, stem, null).flatMap((d) =>
        [...matchingParagraphs(db, query, stem, d, null)].map((p) => [p.document, p.n, p.text]),
      ),
    ),
  );

const ROLLBACK = new Error('rolled back');

/** What `read` gives inside a transaction that `change` opens and that is then rolled back. */
function rolledBack<T>(db: Db, change: () => void, read: () => T): T {
  let result: T | undefined;
  try {
    db.transaction(() => {
      change();
      result = read();
      throw ROLLBACK;
    })();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!;
}

/**
 * Both indexes hold exactly each paragraph's speech as its document's text reads now, under the paragraph's
 * search key, the keys in the order of the documents and their turns (each in its document's range); FTS5
 * finds them consistent, and each query finds exactly what it finds in indexes built afresh.
 */
export function expectSearchIndexExact(db: Db, queries: readonly string[]): void {
  const paragraphs = db
    .prepare(
      `SELECT p.document_id AS documentId, p.search_key AS key, p.body_start AS bodyStart, p.end, d.plain_text AS text
         FROM paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY p.document_id, p.n`,
    )
    .all() as { documentId: number; key: number; bodyStart: number; end: number; text: string }[];
  const keys = paragraphs.map((p) => p.key);
  expect(keys).toEqual([...keys].sort((x, y) => x - y));
  expect(paragraphs.filter((p) => Math.floor(p.key / 2 ** 32) !== p.documentId)).toEqual([]);
  const expected = paragraphs.map((p) => [p.key, [...p.text].slice(p.bodyStart, p.end).join('')]);
  for (const table of ['search_exact', 'search_stemmed']) {
    expect(db.prepare(`SELECT rowid, text FROM ${table} ORDER BY rowid`).raw().all(), table).toEqual(expected);
    db.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
  }
  const found = searchResults(db, queries);
  expect(found.flat().length).toBeGreaterThan(0);
  const afresh = rolledBack(
    db,
    () =>
      db.exec(`DELETE FROM search_stemmed; DELETE FROM search_exact;
               INSERT INTO search_stemmed (rowid, text) SELECT p.search_key, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
                 FROM paragraphs p JOIN documents d ON d.id = p.document_id;
               INSERT INTO search_exact (rowid, text) SELECT rowid, text FROM search_stemmed;`),
    () => searchResults(db, queries),
  );
  expect(afresh).toEqual(found);
}
