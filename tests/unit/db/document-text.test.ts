import { describe, expect, it } from 'vitest';
import { documentText, textBetween } from '../../../db/document-text';
import { openProjectFile } from '../../../db/project-file';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { getSegment, insertSegment, listSegments, updateSegment } from '../../../db/queries/segments';
import { sha256 } from '../../../db/ids';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

/** Turns long enough to cross many marks of the index, with astral characters (emoji, a flag) among them. */
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
  it('cuts exactly what SQLite substr() cuts, across the index marks, with emoji', () => {
    const text = emojiTranscript(200);
    const { db, documentId } = project(text);
    const doc = documentText(db, documentId);
    expect(doc.length).toBe([...text].length);
    expect(doc.marks).not.toBeNull();
    const points = [...text].length;
    // Ranges that start and end on and around the marks (every 1,024 code points), and at both ends.
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
    expect(doc.marks).toBeNull();
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
