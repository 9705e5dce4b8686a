import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { insertSegment } from '../../../db/queries/segments';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import { Session } from '../../../electron/api/session';
import { subtractIntervals } from '../../../electron/services/agreement/disagreements';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { tempDir } from '../helpers';

// The emoji are one code point each: "😀 We" is [5,9) in D1.
const D1 = 'DCS: 😀 We trust the board.\nInterviewer: And funding?\nDCS: Tight 😀 always.';
const D2 = 'Interviewer: Conflict?\nDCS: Some, with health.';
const D3 = 'DCS: Only A coded this.';

/**
 *   D1  Trust    A [0,12) + [8,20) (merged [0,20))   B [5,30)
 *       Funding  A [27,52)                           B [40,60)
 *   D2  Conflict A [13,22)                           B [13,22)   (agree)
 *   D3  Trust    A [0,5)                             (B never coded D3: missing, not a disagreement)
 */
async function project() {
  const home = tempDir();
  const session = new Session({ projects: join(home, 'p'), config: join(home, 'c') }, { rememberRecent: false });
  const created = await dispatch(session, 'project.create', { file: 'study' });
  if (!created.ok) throw new Error(created.error.message);
  const db = session.db;
  db.transaction(() => {
    const themes = createCode(db, { parentId: null, name: 'Themes', codable: false });
    const [trust, conflict, funding] = ['Trust', 'Conflict', 'Funding'].map((name) => createCode(db, { parentId: themes, name })) as [
      number,
      number,
      number,
    ];
    const [A, B] = ['A', 'B'].map((name) => ensureCoder(db, name).id) as [number, number];
    const doc = (name: string, text: string) =>
      insertDocument(db, { name, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
    const [d1, d2, d3] = [doc('D1', D1), doc('D2', D2), doc('D3', D3)];
    const seg = (documentId: number, coderId: number, start: number, end: number, codeId: number) =>
      insertSegment(db, { documentId, coderId, start, end, codeIds: [codeId] });
    seg(d1, A, 0, 12, trust);
    seg(d1, A, 8, 20, trust);
    seg(d1, B, 5, 30, trust);
    seg(d1, A, 27, 52, funding);
    seg(d1, B, 40, 60, funding);
    seg(d2, A, 13, 22, conflict);
    seg(d2, B, 13, 22, conflict);
    seg(d3, A, 0, 5, trust);
  })();
  return session;
}

async function disagreements(session: Session, args: { coders: string[]; codes?: string[]; documents?: string[] }) {
  const envelope = await dispatch(session, 'agreement.disagreements', args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<'agreement.disagreements'>;
}

describe('subtractIntervals', () => {
  it('keeps the parts of the first list the second does not cover', () => {
    // By hand: [0,10) minus [2,4) and [6,8) leaves [0,2) [4,6) [8,10); [12,15) minus [14,20) leaves [12,14).
    expect(
      subtractIntervals(
        [
          [0, 10],
          [12, 15],
        ],
        [
          [2, 4],
          [6, 8],
          [14, 20],
        ],
      ),
    ).toEqual([
      [0, 2],
      [4, 6],
      [8, 10],
      [12, 14],
    ]);
    expect(subtractIntervals([[0, 5]], [[0, 5]])).toEqual([]);
    expect(subtractIntervals([[3, 5]], [])).toEqual([[3, 5]]);
  });
});

describe('agreement.disagreements', () => {
  it('lists only-A and only-B stretches per code in document order, in code points', async () => {
    const session = await project();
    const result = await disagreements(session, { coders: ['A', 'B'] });
    expect(result.coders).toEqual(['A', 'B']);
    // Hand-computed from the fixture: Trust A [0,20) vs B [5,30); Funding A [27,52) vs B [40,60); D2 agrees; D3 has no B.
    expect(result.disagreements.map((d) => [d.document, d.code, d.side, d.start, d.end])).toEqual([
      ['D1', 'Themes/Trust', 'A', 0, 5],
      ['D1', 'Themes/Trust', 'B', 20, 30],
      ['D1', 'Themes/Funding', 'A', 27, 40],
      ['D1', 'Themes/Funding', 'B', 52, 60],
    ]);
    // Quotes are cut by code points: the emoji at 5 is one unit, so [0,5) is "DCS: " and [5,9) starts with it.
    expect(result.disagreements[0]!.text).toBe('DCS: ');
    expect([...D1].slice(20, 30).join('')).toBe(result.disagreements[1]!.text);
    session.close();
  });

  it('swaps sides with the coders, and narrows to the codes and documents asked for', async () => {
    const session = await project();
    const swapped = await disagreements(session, { coders: ['B', 'A'], codes: ['Themes/Funding'], documents: ['D1'] });
    expect(swapped.disagreements.map((d) => [d.code, d.side, d.start, d.end])).toEqual([
      ['Themes/Funding', 'B', 27, 40],
      ['Themes/Funding', 'A', 52, 60],
    ]);
    expect((await disagreements(session, { coders: ['A', 'B'], documents: ['D2'] })).disagreements).toEqual([]);
    session.close();
  });

  it('refuses anything but two known coders', async () => {
    const session = await project();
    await expect(disagreements(session, { coders: ['A'] })).rejects.toThrow(/exactly two coders/);
    await expect(disagreements(session, { coders: ['A', 'Zed'] })).rejects.toThrow(/no coder "Zed"/);
    await expect(disagreements(session, { coders: ['A', 'A'] })).rejects.toThrow(/listed twice/);
    session.close();
  });
});
