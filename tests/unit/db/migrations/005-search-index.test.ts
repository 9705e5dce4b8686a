import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../../../db/queries/documents';
import type { Db } from '../../../../db/project-file';
import { documentsMatching, matchingParagraphs } from '../../../../db/queries/search';
import { editText } from '../../../../electron/services/text-edit';
import { parsePlainTranscript } from '../../../../electron/services/transcript';
import { projectAt, seedRows, TEXT_1, TEXT_2, upgrade } from './old-projects';

/** Every paragraph matching an FTS5 query, in every document. */
const matchParagraphs = (db: Db, query: string, stem: boolean) =>
  documentsMatching(db, query, stem, null).flatMap((d) => [...matchingParagraphs(db, query, stem, d, null)]);

describe('schema step 5 (search index)', () => {
  it("indexes an old project's paragraph speech, and keeps the index in step with later imports", () => {
    const { file, db: old } = projectAt(4);
    seedRows(old);
    old.close();

    const db = upgrade(file, 4);
    // seedRows writes one paragraph per interview, its speech after "DCS: " / "Head: ".
    const body = (text: string) => text.slice(text.indexOf(':') + 2);
    const rows = (table: string) => db.prepare(`SELECT rowid, text FROM ${table} ORDER BY rowid`).all();
    // Each row under its paragraph's search key (since step 12), in the document's range of 2^32 ids.
    const key = (documentId: number) => db.prepare('SELECT search_key FROM paragraphs WHERE document_id = ?').pluck().get(documentId);
    const expected = [
      { rowid: key(1), text: body(TEXT_1) },
      { rowid: key(2), text: body(TEXT_2) },
    ];
    expect(expected.map((r) => Math.floor(Number(r.rowid) / 2 ** 32))).toEqual([1, 2]);
    expect(rows('search_stemmed')).toEqual(expected);
    expect(rows('search_exact')).toEqual(expected);
    // Stemmed: "budget" finds "budgets"; as written it does not.
    expect(matchParagraphs(db, 'budget', true).map((p) => p.document)).toEqual(['Interview 1']);
    expect(matchParagraphs(db, 'budget', false)).toEqual([]);

    const added = db.transaction(() =>
      insertDocument(db, {
        name: 'Later',
        ...parsePlainTranscript('DCS: Budget talk 😀.\nHead: No budget.'),
        sourceName: null,
        sourceType: 'txt',
      }),
    )();
    expect(matchParagraphs(db, 'budget', false).map((p) => [p.document, p.n])).toEqual([
      ['Later', 1],
      ['Later', 2],
    ]);
    // A document's text edited (since step 9, through a text edit): the paragraph is indexed again from the new text.
    db.transaction(() => editText(db, added, { start: 5, end: 11, text: 'Monies' }))();
    expect(matchParagraphs(db, 'budget', false).map((p) => p.n)).toEqual([2]);
    db.prepare('DELETE FROM paragraphs WHERE document_id = ?').run(added);
    expect(rows('search_exact')).toEqual(expected);
    db.close();
  });
});
