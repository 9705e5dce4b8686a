import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../../db/ids';
import { CODE, projectAt, seedRows, TEXT_1 } from './old-projects';

describe('schema step 1 (initial)', () => {
  it("holds the offset basis and a segment's copies: code-point lengths, segment_codes copying its segment, restricted deletes", () => {
    const { db } = projectAt(1);
    seedRows(db);
    const insertDocument = (chars: number) =>
      db
        .prepare(
          `INSERT INTO documents (guid, name, plain_text, char_count, content_hash, source_type, created_at, modified_at)
           VALUES ('D9', 'Emoji', ?, ?, ?, 'txt', '', '')`,
        )
        .run(TEXT_1, chars, sha256(TEXT_1));
    // UTF-16 counts the emoji twice (three surrogate pairs in TEXT_1); the stored length is code points.
    expect(() => insertDocument(TEXT_1.length)).toThrow(/CHECK constraint failed/);
    expect(TEXT_1.length - [...TEXT_1].length).toBe(3);
    insertDocument([...TEXT_1].length);
    expect(() =>
      db.prepare('INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (1, ?, 1, 2)').run(CODE.budgets),
    ).toThrow('segment_codes must copy the document and coder of its segment');
    expect(() => db.prepare('UPDATE segments SET coder_id = 2 WHERE id = 1').run()).toThrow('a segment keeps its document and coder');
    expect(() => db.prepare('DELETE FROM codes WHERE id = ?').run(CODE.pooled)).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });
});
