import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { insertSegment } from '../../../db/queries/segments';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import { Session } from '../../../electron/api/session';
import { paragraphDisagreements, subtractIntervals } from '../../../electron/services/agreement/disagreements';
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

async function disagreements(
  session: Session,
  args: { coders: string[]; unit?: 'character' | 'paragraph'; codes?: string[]; documents?: string[] },
) {
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

describe('paragraphDisagreements', () => {
  it('keeps the turns one side touches and the other does not, whole', () => {
    const turns: [number, number][] = [
      [0, 10],
      [11, 20],
      [21, 30],
    ];
    // By hand: mine [2,4) touches turn 0 and [18,22) turns 1 and 2; theirs [5,6) touches turn 0 only,
    // so turns 1 and 2 are mine alone. A range ending where a turn starts (theirs [9,11)) does not touch it.
    expect(
      paragraphDisagreements(
        [
          [2, 4],
          [18, 22],
        ],
        [
          [5, 6],
          [9, 11],
        ],
        turns,
      ),
    ).toEqual([
      [11, 20],
      [21, 30],
    ]);
    expect(paragraphDisagreements([[0, 1]], [[9, 10]], turns)).toEqual([]);
    expect(paragraphDisagreements([], [[0, 30]], turns)).toEqual([]);
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

  it('by paragraph, lists the speaker turns only one coder applied a code in, as agreement.compute counts them', async () => {
    const session = await project();
    // D1's turns are [0,26) [27,52) [53,73) (the 😀 count one each; the newlines fall between turns). Trust: A
    // [0,20) touches turn 1, B [5,30) turns 1 and 2, so turn 2 is only B's. Funding: A [27,52) touches turn 2,
    // B [40,60) turns 2 and 3, so turn 3 is only B's. D2 agrees; D3 has no B. The same counts as the paragraph
    // unit in agreement.test.ts: per code both 1, only A 0, only B 1 in D1.
    const result = await disagreements(session, { coders: ['A', 'B'], unit: 'paragraph' });
    expect(result.unit).toBe('paragraph');
    expect(result.disagreements.map((d) => [d.document, d.code, d.side, d.start, d.end, d.text])).toEqual([
      ['D1', 'Themes/Trust', 'B', 27, 52, 'Interviewer: And funding?'],
      ['D1', 'Themes/Funding', 'B', 53, 73, 'DCS: Tight 😀 always.'],
    ]);
    const computed = await dispatch(session, 'agreement.compute', { coders: ['A', 'B'], unit: 'paragraph', documents: ['D1'] });
    if (!computed.ok) throw new Error(computed.error.message);
    const onlyB = (computed.result as ResultOf<'agreement.compute'>).overall.onlyB;
    expect(result.disagreements.filter((d) => d.side === 'B')).toHaveLength(onlyB!);
    // Swapped coders swap the sides; the default unit is still the character.
    const swapped = await disagreements(session, { coders: ['B', 'A'], unit: 'paragraph', codes: ['Themes/Funding'] });
    expect(swapped.disagreements.map((d) => [d.side, d.start, d.end])).toEqual([['A', 53, 73]]);
    expect((await disagreements(session, { coders: ['A', 'B'] })).unit).toBe('character');
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

describe('agreement.reconcile', () => {
  async function call<T>(session: Session, method: string, args: unknown): Promise<T> {
    const envelope = await dispatch(session, method as 'agreement.reconcile', args as never);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as T;
  }

  it('writes the accepted spans for Consensus, logs every decision, and undoes each as one step', async () => {
    const session = await project();
    const [onlyA, onlyB, fundingA] = (await disagreements(session, { coders: ['A', 'B'] })).disagreements as [
      ResultOf<'agreement.disagreements'>['disagreements'][number],
      ResultOf<'agreement.disagreements'>['disagreements'][number],
      ResultOf<'agreement.disagreements'>['disagreements'][number],
    ];
    const settle = (d: typeof onlyA, decision: 'A' | 'B' | 'both' | 'neither', note: string) =>
      call<{ segmentId: number | null }>(session, 'agreement.reconcile', {
        coders: ['A', 'B'],
        documentId: d.documentId,
        codeId: d.codeId,
        start: d.start,
        end: d.end,
        side: d.side,
        decision,
        note,
      });
    // Accepting A on A's span codes it for Consensus; accepting A on B's span, or neither, does not.
    expect((await settle(onlyA, 'A', 'A is right: 😀 is trust')).segmentId).toEqual(expect.any(Number));
    expect((await settle(onlyB, 'A', 'B over-reached')).segmentId).toBeNull();
    expect((await settle(fundingA, 'neither', '')).segmentId).toBeNull();

    const consensus = session.db.prepare("SELECT id FROM coders WHERE name = 'Consensus'").get() as { id: number };
    const segments = await call<{ start: number; end: number; memo: string }[]>(session, 'segments.list', { documentId: onlyA.documentId });
    expect(
      segments.filter((s) => (s as unknown as { coderId: number }).coderId === consensus.id).map((s) => [s.start, s.end, s.memo]),
    ).toEqual([[0, 5, 'A is right: 😀 is trust']]);
    const log = session.db
      .prepare('SELECT side, decision, note, decided_by AS by, decided_at AS at FROM reconciliations ORDER BY id')
      .all() as {
      side: string;
      decision: string;
      note: string;
      by: number;
      at: string;
    }[];
    expect(log.map((r) => [r.side, r.decision, r.note])).toEqual([
      ['A', 'A', 'A is right: 😀 is trust'],
      ['B', 'A', 'B over-reached'],
      ['A', 'neither', ''],
    ]);
    // Decided by the current coder, at a real time.
    const current = session.db.prepare("SELECT value FROM meta WHERE key = 'current_coder_id'").get() as { value: string } | undefined;
    expect(log.every((r) => r.by === (current ? Number(current.value) : null) && !Number.isNaN(Date.parse(r.at)))).toBe(true);
    // The list shows the decisions beside the spans.
    const listed = (await disagreements(session, { coders: ['A', 'B'] })).disagreements.map((d) => d.decision?.decision ?? null);
    expect(listed).toEqual(['A', 'A', 'neither', null]);

    // Each reconcile is one undo step: undoing the first (last undone) removes its Consensus coding and its log row.
    for (let i = 0; i < 3; i++) await call(session, 'history.undo', {});
    expect(session.db.prepare('SELECT count(*) AS n FROM reconciliations').get()).toEqual({ n: 0 });
    expect(session.db.prepare('SELECT count(*) AS n FROM segments WHERE coder_id = ?').get(consensus.id)).toEqual({ n: 0 });
    session.close();
  });

  it("by paragraph, gives Consensus the accepted coder's passages inside the turn, not the whole turn", async () => {
    const session = await project();
    const db = session.db;
    const id = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
    // A second Trust passage of B's in turn 2: B's Trust there is then [27,30) (the end of [5,30)) and [45,48).
    db.transaction(() =>
      insertSegment(db, {
        documentId: id("SELECT id FROM documents WHERE name = 'D1'"),
        coderId: id("SELECT id FROM coders WHERE name = 'B'"),
        start: 45,
        end: 48,
        codeIds: [id("SELECT id FROM codes WHERE name = 'Trust'")],
      }),
    )();
    const [trust, funding] = (await disagreements(session, { coders: ['A', 'B'], unit: 'paragraph' })).disagreements as [
      ResultOf<'agreement.disagreements'>['disagreements'][number],
      ResultOf<'agreement.disagreements'>['disagreements'][number],
    ];
    const settle = (d: typeof trust, decision: 'A' | 'B' | 'both' | 'neither') =>
      call<{ segmentId: number | null }>(session, 'agreement.reconcile', {
        coders: ['A', 'B'],
        documentId: d.documentId,
        codeId: d.codeId,
        start: d.start,
        end: d.end,
        side: d.side,
        decision,
        note: 'turn',
      });
    expect((await settle(trust, 'B')).segmentId).toEqual(expect.any(Number));
    expect((await settle(funding, 'both')).segmentId).toEqual(expect.any(Number));
    // Funding: B's [40,60) clipped to turn 3 [53,73) is [53,60).
    const consensus = db
      .prepare(
        `SELECT s.start, s.end, c.name FROM segments s JOIN segment_codes sc ON sc.segment_id = s.id JOIN codes c ON c.id = sc.code_id
          WHERE s.coder_id = (SELECT id FROM coders WHERE name = 'Consensus') ORDER BY s.start`,
      )
      .all();
    expect(consensus).toEqual([
      { start: 27, end: 30, name: 'Trust' },
      { start: 45, end: 48, name: 'Trust' },
      { start: 53, end: 60, name: 'Funding' },
    ]);
    // The decisions are logged on the turns, and the paragraph list shows them.
    const listed = (await disagreements(session, { coders: ['A', 'B'], unit: 'paragraph' })).disagreements;
    expect(listed.map((d) => d.decision?.decision)).toEqual(['B', 'both']);
    session.close();
  });

  it('refuses a span that ends before it starts, and Consensus as a compared coder', async () => {
    const session = await project();
    const base = { coders: ['A', 'B'], documentId: 1, codeId: 2, side: 'A', decision: 'A' };
    await expect(call(session, 'agreement.reconcile', { ...base, start: 5, end: 5 })).rejects.toThrow(/ends after it starts/);
    await expect(call(session, 'agreement.reconcile', { ...base, coders: ['A', 'Consensus'], start: 0, end: 5 })).rejects.toThrow(
      /other than "Consensus"/,
    );
    session.close();
  });
});
