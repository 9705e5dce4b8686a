import { sha256 } from '../../../db/ids';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { insertSegment, insertSegments, listSegments } from '../../../db/queries/segments';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

const TEXT = 'Interviewer: the café 😀 plan?\nDCS: naïve 🎉 but it worked, mostly.';

function fixture() {
  const { db } = emptyProject();
  const parsed = parsePlainTranscript(TEXT);
  const documentId = insertDocument(db, { name: 'Emoji', ...parsed, sourceName: null, sourceType: 'txt' });
  const A = ensureCoder(db, 'A').id;
  const B = ensureCoder(db, 'B').id;
  const group = createCode(db, { parentId: null, name: 'Group', codable: false });
  const code = createCode(db, { parentId: group, name: 'Code' });
  return { db, text: parsed.text, documentId, A, B, group, code };
}

describe('insertSegments (the bulk path of an import)', () => {
  it('stores what insertSegment stores, the covered text counted in code points across emoji', () => {
    const { db, text, documentId, A, B, code } = fixture();
    const ranges = [
      [0, 5],
      [17, 22],
      [20, 40],
      [[...text].length - 6, [...text].length],
    ] as const;
    for (const [start, end] of ranges) insertSegment(db, { documentId, coderId: A, start, end, codeIds: [code] });
    insertSegments(
      db,
      documentId,
      ranges.map(([start, end]) => ({ coderId: B, start, end, codeIds: [code, code], memo: 'm' })),
    );
    const hashes = db.prepare('SELECT coder_id, start, end, text_hash FROM segments ORDER BY start, end, coder_id').all() as {
      coder_id: number;
      text_hash: string;
    }[];
    // Each range twice, A's then B's: both the sha256 of the code points the range covers, cut here independently.
    const expected = [...ranges]
      .sort((x, y) => x[0] - y[0] || x[1] - y[1])
      .map(([start, end]) => sha256([...text].slice(start, end).join('')));
    for (let i = 0; i < hashes.length; i += 2) {
      expect(hashes[i]!.text_hash).toBe(expected[i / 2]);
      expect(hashes[i + 1]!.text_hash).toBe(expected[i / 2]);
    }
    const b = listSegments(db, { coderId: B });
    expect(b.map((s) => s.text)).toEqual(ranges.map(([start, end]) => [...text].slice(start, end).join('')));
    expect(b.every((s) => s.memo === 'm' && s.codeIds.length === 1)).toBe(true);
  });

  it('refuses a range outside the document, a grouping code and an unknown coder, as insertSegment does', () => {
    const { db, text, documentId, A, group, code } = fixture();
    const length = [...text].length;
    expect(() => insertSegments(db, documentId, [{ coderId: A, start: 3, end: length + 1, codeIds: [code] }])).toThrow(
      /is not inside "Emoji"/,
    );
    expect(() => insertSegments(db, documentId, [{ coderId: A, start: 3, end: 9, codeIds: [group] }])).toThrow(/groups other codes/);
    expect(() => insertSegments(db, documentId, [{ coderId: 999, start: 3, end: 9, codeIds: [code] }])).toThrow(/no coder/);
    expect(() => insertSegments(db, 999, [])).toThrow(/no document with id 999/);
  });
});
