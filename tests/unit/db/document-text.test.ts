import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { documentText, textBetween, type DocumentText } from '../../../db/document-text';
import { openProjectFile, type Db } from '../../../db/project-file';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { getDocument, insertDocument } from '../../../db/queries/documents';
import { getSegment, insertSegment, listSegments, updateSegment } from '../../../db/queries/segments';
import { sha256 } from '../../../db/ids';
import { recordStep, redoNext, undoLast } from '../../../db/undo';
import { applyTextChanges, type TextChange } from '../../../electron/services/text-edit';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

/** Long turns with astral characters (emoji, a flag, a mathematical letter) among them. */
function emojiTranscript(turns: number): string {
  const lines: string[] = [];
  for (let t = 0; t < turns; t++) {
    const words = Array.from({ length: 40 }, (_, w) => ['café', '😀', 'naïve', 'budget', '🇬🇧', 'plan', '𝒳'][(t * 7 + w) % 7]);
    lines.push(`${t % 2 ? 'DCS' : 'Interviewer'}: ${words.join(' ')}.`);
  }
  return lines.join('\n');
}

function project(text: string) {
  const { db, file } = emptyProject();
  const documentId = insertDocument(db, { name: 'Doc', ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
  const coderId = ensureCoder(db, 'A').id;
  const codeId = createCode(db, { parentId: null, name: 'Code' });
  return { db, file, documentId, coderId, codeId };
}

/** SQLite's own cut, the reference: what segments stored before the cache. */
const substr = (db: ReturnType<typeof project>['db'], documentId: number, start: number, end: number) =>
  (db.prepare('SELECT substr(plain_text, ?, ?) AS t FROM documents WHERE id = ?').get(start + 1, end - start, documentId) as { t: string })
    .t;

describe('document text cache', () => {
  it('cuts exactly what SQLite substr() cuts, with emoji', () => {
    const text = emojiTranscript(200);
    const { db, documentId } = project(text);
    const doc = documentText(db, documentId);
    expect(doc.length).toBe([...text].length);
    expect(doc.astral).not.toBeNull();
    const points = [...text].length;
    // Ranges that start and end at assorted places, and at both ends.
    const edges = [0, 1, 1023, 1024, 1025, 2047, 2048, 5000, points - 1025, points - 1, points];
    for (const start of edges)
      for (const end of edges) if (end > start) expect(textBetween(doc, start, end)).toBe(substr(db, documentId, start, end));
    for (let i = 0; i < 300; i++) {
      const start = (i * 7919) % (points - 300);
      const end = start + 1 + ((i * 104_729) % 300);
      expect(textBetween(doc, start, end)).toBe(substr(db, documentId, start, end));
    }
  });

  it('needs no index for a text of one UTF-16 unit per code point, and still cuts the same', () => {
    const text = 'Interviewer: café naïve – budgets.\nDCS: pooled, early intervention.';
    const { db, documentId } = project(text);
    const doc = documentText(db, documentId);
    expect(doc.astral).toBeNull();
    expect(textBetween(doc, 13, 30)).toBe(substr(db, documentId, 13, 30));
  });

  it('stores the hash and reads back the text SQLite would, near the start and the end', () => {
    const text = emojiTranscript(200);
    const { db, documentId, coderId, codeId } = project(text);
    const points = [...text].length;
    for (const start of [3, 1020, points - 900]) {
      const id = insertSegment(db, { documentId, coderId, start, end: start + 700, codeIds: [codeId] });
      const expected = substr(db, documentId, start, start + 700);
      expect(getSegment(db, id).text).toBe(expected);
      const { text_hash } = db.prepare('SELECT text_hash FROM segments WHERE id = ?').get(id) as { text_hash: string };
      expect(text_hash).toBe(sha256(expected));
      updateSegment(db, id, { start: start + 1 });
      const moved = db.prepare('SELECT text_hash FROM segments WHERE id = ?').get(id) as { text_hash: string };
      expect(moved.text_hash).toBe(sha256(substr(db, documentId, start + 1, start + 700)));
    }
    expect(listSegments(db, { documentId }).map((s) => s.text)).toEqual(
      listSegments(db, { documentId }).map((s) => substr(db, documentId, s.start, s.end)),
    );
  });

  it('notices another connection replacing the document under the same id', () => {
    const { db, file, documentId, coderId, codeId } = project('Interviewer: the first text 😀 here.');
    insertSegment(db, { documentId, coderId, start: 13, end: 22, codeIds: [codeId] });
    expect(textBetween(documentText(db, documentId), 13, 22)).toBe('the first');
    const other = openProjectFile(file);
    try {
      other.transaction(() => {
        other.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
        insertDocument(other, {
          name: 'Doc',
          ...parsePlainTranscript('DCS: a second, different text.'),
          sourceName: null,
          sourceType: 'txt',
        });
      })();
    } finally {
      other.close();
    }
    // The new document took the freed id (the largest): the cached copy of the first must not answer for it.
    const id = insertSegment(db, { documentId, coderId, start: 5, end: 13, codeIds: [codeId] });
    expect(getSegment(db, id).text).toBe('a second');
  });

  it('refuses a document that does not exist', () => {
    const { db } = project('Interviewer: hello.');
    expect(() => documentText(db, 999)).toThrow(/no document with id 999/);
  });
});

/** A connection to the file that counts its statements reading a document's whole text. */
function countingReads(file: string) {
  const db = openProjectFile(file);
  let reads = 0;
  const prepare = db.prepare.bind(db);
  vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
    const statement = prepare(sql);
    if (!sql.includes('plain_text')) return statement;
    const get = statement.get.bind(statement);
    return Object.assign(statement, {
      get: (...args: unknown[]) => {
        reads++;
        return get(...args);
      },
    });
  });
  return { db, reads: () => reads };
}

/** One undo step of a coder changing the text. */
const edit = (db: Db, coderId: number, documentId: number, changes: TextChange[]) =>
  db.transaction(() => recordStep(db, 'Edit text', coderId, () => applyTextChanges(db, documentId, changes))).immediate();

/** The copy equals what another connection reads afresh from SQLite (the text, its length, its index). */
function sameAsStored(doc: DocumentText, reader: Db, documentId: number): void {
  const stored = reader.prepare('SELECT plain_text AS text, char_count AS length FROM documents WHERE id = ?').get(documentId);
  expect({ text: doc.text, length: doc.length }).toEqual(stored);
  // The reader's copy, if any, is of an older version: this one is read and indexed from scratch.
  expect(doc).toEqual(documentText(reader, documentId));
}

/**
 * Lookups in the index agree with counting code points from the start: the index is where the astral
 * characters are, and every single code point, and ranges across the ends, cut as counting cuts them.
 */
function agreesWithCounting(doc: DocumentText): void {
  const points = [...doc.text];
  expect(doc.length).toBe(points.length);
  const astral = points.flatMap((p, n) => (p.length === 2 ? [n] : []));
  expect(doc.astral ? [...doc.astral] : []).toEqual(astral);
  points.forEach((p, n) => expect(textBetween(doc, n, n + 1)).toBe(p));
  expect(textBetween(doc, 0, points.length)).toBe(doc.text);
  expect(textBetween(doc, points.length, points.length)).toBe('');
}

const pieces = ['😀', 'é', 'a', '🇬🇧', '𝒳', ' ', 'word'];

/** Random changes inside turns' speech, as the reader sees the text: in order, not overlapping, each changing something. */
function changesIn(reader: Db, documentId: number, wanted: { turn: number; at: number; span: number; text: string[] }[]): TextChange[] {
  const doc = documentText(reader, documentId);
  const { paragraphs } = getDocument(reader, documentId);
  let from = 0;
  return [...wanted]
    .sort((x, y) => x.turn - y.turn)
    .flatMap((c) => {
      const p = paragraphs[c.turn % paragraphs.length]!;
      const start = Math.max(from, p.bodyStart + Math.floor(c.at * (p.end - p.bodyStart)));
      const end = Math.min(p.end, start + c.span);
      const text = c.text.join('');
      if (start > p.end || textBetween(doc, start, end) === text) return [];
      from = end + 1;
      return [{ start, end, text }];
    });
}

const plannedChange = fc.record({
  turn: fc.nat(39),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.nat(6),
  text: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }),
});

describe('document text cache after edits', () => {
  it("takes this connection's edits as written: the text read from SQLite once, then always equal to a fresh read", () => {
    fc.assert(
      fc.property(fc.array(fc.array(plannedChange, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (plan) => {
        const { db, file, documentId, coderId } = project(emojiTranscript(40));
        const editor = countingReads(file);
        try {
          for (const wanted of plan) {
            const changes = changesIn(db, documentId, wanted);
            if (changes.length === 0) continue;
            const before = editor.reads();
            edit(editor.db, coderId, documentId, changes);
            // Once for the first edit on this connection (none had read the text), never again.
            expect(editor.reads() - before).toBe(before === 0 ? 1 : 0);
            const after = documentText(editor.db, documentId);
            expect(editor.reads()).toBe(1);
            sameAsStored(after, db, documentId);
            agreesWithCounting(after);
          }
        } finally {
          editor.db.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('agrees with a fresh read after undo, redo and edits on another connection', () => {
    const { db, file, documentId, coderId } = project(emojiTranscript(40));
    const editor = openProjectFile(file);
    try {
      const check = () => {
        const doc = documentText(editor, documentId);
        sameAsStored(doc, db, documentId);
        agreesWithCounting(doc);
      };
      const one = (turn: number, text: string) => changesIn(db, documentId, [{ turn, at: 0.5, span: 4, text: [text] }]);
      edit(editor, coderId, documentId, one(3, '😀 fixed 𝒳'));
      edit(editor, coderId, documentId, one(20, ''));
      check();
      editor.transaction(() => undoLast(editor, coderId)).immediate();
      check();
      editor.transaction(() => redoNext(editor, coderId)).immediate();
      check();
      // The reader writes: the editor's copy is of the version before.
      edit(db, coderId, documentId, one(10, 'naïve 🇬🇧'));
      check();
      edit(editor, coderId, documentId, one(30, 'é'));
      check();
    } finally {
      editor.close();
    }
  });

  it('gains and loses its index as an edit brings the first astral character in and takes the last out', () => {
    const { db, documentId, coderId } = project(
      Array.from({ length: 300 }, (_, i) => `DCS: turn ${i} about budgets, café and naïve plans.`).join('\n'),
    );
    expect(documentText(db, documentId).astral).toBeNull();
    const turn = (n: number) => getDocument(db, documentId).paragraphs[n]!;
    edit(db, coderId, documentId, [{ start: turn(100).bodyStart, end: turn(100).bodyStart + 4, text: '😀' }]);
    const gained = documentText(db, documentId);
    expect(gained.astral).not.toBeNull();
    agreesWithCounting(gained);
    edit(db, coderId, documentId, [{ start: turn(100).bodyStart, end: turn(100).bodyStart + 1, text: 'turn' }]);
    const lost = documentText(db, documentId);
    expect(lost.astral).toBeNull();
    agreesWithCounting(lost);
    expect(lost.text).toBe(db.prepare('SELECT plain_text FROM documents WHERE id = ?').pluck().get(documentId));
  });

  it('stores a lone surrogate as U+FFFD and counts it as SQLite does', () => {
    const { db, file, documentId, coderId } = project('DCS: a broken 😀 character here.');
    const editor = openProjectFile(file);
    try {
      edit(editor, coderId, documentId, [{ start: 7, end: 13, text: 'bro\ud800ken' }]);
      const doc = documentText(editor, documentId);
      expect(doc.text).toBe('DCS: a bro\ufffdken 😀 character here.');
      sameAsStored(doc, db, documentId);
      agreesWithCounting(doc);
    } finally {
      editor.close();
    }
  });

  it("forgets an edit rolled back, though the next change of the text bears that edit's version number", () => {
    const { db, documentId, coderId } = project('Interviewer: hello there 😀 friend.');
    edit(db, coderId, documentId, [{ start: 13, end: 18, text: 'Howdy' }]);
    expect(() =>
      db
        .transaction(() => {
          applyTextChanges(db, documentId, [{ start: 19, end: 24, text: 'THERE' }]);
          throw new Error('a later failure');
        })
        .immediate(),
    ).toThrow('a later failure');
    // Undo, without a read before it, bumps the version to the rolled-back edit's.
    db.transaction(() => undoLast(db, coderId)).immediate();
    expect(documentText(db, documentId).text).toBe('Interviewer: hello there 😀 friend.');
  });
});
