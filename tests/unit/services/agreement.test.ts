import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { listFrameworks } from '../../../db/queries/frameworks';
import { insertSegment } from '../../../db/queries/segments';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, ResultOf } from '../../../electron/api/methods';
import { Session } from '../../../electron/api/session';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { tempDir } from '../helpers';

// Paragraph ranges (code points, end exclusive) are stated beside each text; the emoji is one code point.
const D1 = 'DCS: 😀 We trust the board.\nInterviewer: And funding?\nDCS: Tight 😀 always.'; // [0,26) [27,52) [53,73)
const D2 = 'Interviewer: Conflict?\nDCS: Some, with health.'; // [0,22) [23,46)
const D3 = 'DCS: Only A and C 😀 coded this.';
const points = (text: string) => [...text].length;

/**
 * Three documents, three themes, two MGF cells, coders A and B (and C, in D3 only):
 *   D1  Trust     A [0,12) + [8,20) (merged: [0,20))   B [5,30)
 *       Funding   A [27,52)                            B [40,60)
 *       MGF       A System × Constitutive [0,26)        B System × Directive [0,26)
 *   D2  Conflict  A [13,22)                            B [13,21)
 *   D3  Trust     A [0,5)   C [0,5)                    (B never coded D3)
 */
async function project() {
  const home = tempDir();
  const session = new Session({ projects: join(home, 'p'), config: join(home, 'c') }, { rememberRecent: false });
  const created = await dispatch(session, 'project.create', { file: 'study' });
  if (!created.ok) throw new Error(created.error.message);
  const db = session.db;
  db.transaction(() => {
    const mgf = listFrameworks(db)[0]!;
    const cell = (row: string, column: string) =>
      mgf.cells.find(
        (c) => c.rowId === mgf.rows.find((r) => r.name === row)!.id && c.columnId === mgf.columns.find((k) => k.name === column)!.id,
      )!.codeId;
    const themes = createCode(db, { parentId: null, name: 'Themes', codable: false });
    const [trust, conflict, funding] = ['Trust', 'Conflict', 'Funding'].map((name) => createCode(db, { parentId: themes, name })) as [
      number,
      number,
      number,
    ];
    const [A, B, C] = ['A', 'B', 'C'].map((name) => ensureCoder(db, name).id) as [number, number, number];
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
    seg(d1, A, 0, 26, cell('System', 'Constitutive'));
    seg(d1, B, 0, 26, cell('System', 'Directive'));
    seg(d2, A, 13, 22, conflict);
    seg(d2, B, 13, 21, conflict);
    seg(d3, A, 0, 5, trust);
    seg(d3, C, 0, 5, trust);
  })();
  return session;
}

async function agreement(session: Session, args: ArgsOf<'agreement.compute'>): Promise<ResultOf<'agreement.compute'>> {
  const envelope = await dispatch(session, 'agreement.compute', args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<'agreement.compute'>;
}

/** The textbook two-coder figures from the four counts: percent, Cohen (1960) and Krippendorff (2011, binary). */
function expected(both: number, onlyA: number, onlyB: number, neither: number) {
  const n = both + onlyA + onlyB + neither;
  const pA = (both + onlyA) / n;
  const pB = (both + onlyB) / n;
  const po = (both + neither) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  const n1 = 2 * both + onlyA + onlyB;
  const n0 = 2 * neither + onlyA + onlyB;
  return { percent: po, kappa: (po - pe) / (1 - pe), alpha: 1 - ((2 * n - 1) * (onlyA + onlyB)) / (n0 * n1) };
}

describe('agreement.compute', () => {
  it('counts code points (not UTF-16 units) per code × document, with the hand-computed figures', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B'], unit: 'character', codes: ['Themes/Trust', 'Themes/Funding'] });
    expect(result.unit).toBe('character');
    expect(result.coders).toEqual(['A', 'B']);
    // D3 is not in common (B never coded it): only D1 and D2 are units.
    expect(result.rows.map((r) => [r.code, r.document, r.units])).toEqual([
      ['Themes/Trust', 'D1', points(D1)],
      ['Themes/Trust', 'D2', points(D2)],
      ['Themes/Funding', 'D1', points(D1)],
      ['Themes/Funding', 'D2', points(D2)],
    ]);
    expect(points(D1)).toBe(73);
    // Trust in D1: A's overlapping passages merge to [0,20); B [5,30): both [5,20), only A [0,5), only B [20,30).
    const trust = result.rows[0]!;
    expect(trust).toMatchObject({ both: 15, onlyA: 5, onlyB: 10, neither: 73 - 30 });
    const e = expected(15, 5, 10, 43);
    expect(trust.percent).toBeCloseTo(e.percent, 12);
    expect(trust.kappa).toBeCloseTo(e.kappa, 12);
    expect(trust.alpha).toBeCloseTo(e.alpha, 12);
    expect(trust.uAlphaBinary).toEqual(expect.any(Number));
    expect(trust.fleiss).toBeUndefined();
    // Neither coder applied Trust in D2: no variation, so kappa and alpha are undefined; percent is 1.
    expect(result.rows[1]).toMatchObject({ both: 0, onlyA: 0, onlyB: 0, neither: 46, percent: 1, kappa: null, alpha: null });
    expect(result.rows[1]!.reason).toMatch(/kappa.*alpha.*no variation/);
  });

  it('pools per code and overall from summed counts, never by averaging', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B'], unit: 'character', codes: ['Themes/Trust', 'Themes/Funding'] });
    const [trust, funding] = result.codes;
    // Trust pooled over D1 and D2: the D1 counts plus 46 more "neither".
    expect(trust).toMatchObject({ code: 'Themes/Trust', document: null, units: 73 + 46, both: 15, onlyA: 5, onlyB: 10, neither: 43 + 46 });
    expect(trust!.kappa).toBeCloseTo(expected(15, 5, 10, 89).kappa, 12);
    // Funding in D1: A [27,52), B [40,60): both 12, only A 13, only B 8.
    expect(funding).toMatchObject({ both: 12, onlyA: 13, onlyB: 8, neither: 40 + 46 });
    const overall = expected(27, 18, 18, 89 + 86);
    expect(result.overall).toMatchObject({ code: null, document: null, units: 2 * 119, both: 27, onlyA: 18, onlyB: 18, neither: 175 });
    expect(result.overall.kappa).toBeCloseTo(overall.kappa, 12);
    expect(result.overall.alpha).toBeCloseTo(overall.alpha, 12);
    const mean = (trust!.kappa! + funding!.kappa!) / 2;
    expect(result.overall.kappa).not.toBeCloseTo(mean, 6);
  });

  it('counts speaker turns: a code is present in a paragraph when a passage touches any of its code points', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B'], unit: 'paragraph', codes: ['Themes/Trust', 'Themes/Funding'] });
    // Trust: A [0,20) → turn 1; B [5,30) → turns 1 and 2. Funding: A [27,52) → turn 2; B [40,60) → turns 2 and 3.
    expect(result.rows[0]).toMatchObject({ document: 'D1', units: 3, both: 1, onlyA: 0, onlyB: 1, neither: 1 });
    expect(result.rows[2]).toMatchObject({ document: 'D1', units: 3, both: 1, onlyA: 0, onlyB: 1, neither: 1 });
    expect(result.rows[0]!.uAlphaBinary).toBeUndefined();
    expect(result.groups).toEqual([]);
    expect(result.codes[0]).toMatchObject({ units: 5, both: 1, onlyB: 1, neither: 3 });
  });

  it('counts documents as units', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B'], unit: 'document' });
    const conflict = result.codes.find((r) => r.code === 'Themes/Conflict')!;
    expect(conflict).toMatchObject({ units: 2, both: 1, onlyA: 0, onlyB: 0, neither: 1, percent: 1, kappa: 1 });
    // By default: every code either coder used in the documents in common, in codebook order.
    expect(result.codes.map((r) => r.code)).toEqual([
      'MGF/System × Constitutive',
      'MGF/System × Directive',
      'Themes/Trust',
      'Themes/Conflict',
      'Themes/Funding',
    ]);
  });

  it('treats a coder absent from a document as missing data, and leaves Fleiss undefined without a document all coded', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B', 'C'], unit: 'document', codes: ['Themes/Trust'] });
    // D1, D2 (A and B present) and D3 (A and C present) all have two coders; no counts or kappa for three coders.
    expect(result.rows.map((r) => r.document)).toEqual(['D1', 'D2', 'D3']);
    expect(result.rows[0]).not.toHaveProperty('kappa');
    expect(result.rows[0]).not.toHaveProperty('both');
    // Trust by document: D1 both coded it (1,1), D2 neither (0,0), D3 A and C (1,1): alpha by Krippendorff (2011):
    // coincidences o_11 = 2·2 = 4, o_00 = 2, n = 6, no disagreement: α = 1. Percent: every pair agrees.
    expect(result.codes[0]).toMatchObject({ units: 3, percent: 1, alpha: 1, fleiss: null });
    expect(result.codes[0]!.reason).toMatch(/fleiss: there are no units rated by every coder/);
  });

  it('computes the unitizing alphas of framework axes and of a code’s sub-codes', async () => {
    const session = await project();
    const result = await agreement(session, { coders: ['A', 'B'], unit: 'character' });
    expect(result.groups.map((g) => g.group)).toEqual(['Themes', 'MGF:Locus', 'MGF:Level']);
    const locus = result.groups.find((g) => g.group === 'MGF:Locus')!;
    const level = result.groups.find((g) => g.group === 'MGF:Level')!;
    // Locus: both coders put [0,26) of D1 in System: identical unitizations, uα = |uα = 1.
    expect(locus.uAlpha).toBe(1);
    expect(locus.uAlphaBinary).toBe(1);
    // Level: the same stretch, Constitutive for A and Directive for B. Coded-or-not agrees (|uα = 1); within the
    // shared matter the codes always differ: l*_CD = l*_DC = 26, D_o = 52; S* = 26² + 26², so
    // ε*_CC = ε*_DD = 52 (26² − 26²) / (52² − 1352) = 0, D_e = 52 and cuα = 1 − 52/52 = 0.
    expect(level.uAlphaBinary).toBe(1);
    expect(level.cuAlpha).toBeCloseTo(0, 12);
    expect(level.uAlpha).toBeLessThan(1);
  });

  it('refuses one coder, unknown coders, codes and documents, grouping codes, and coders with no document in common', async () => {
    const session = await project();
    const failure = async (args: unknown) => {
      const envelope = await dispatch(session, 'agreement.compute', args);
      if (envelope.ok) throw new Error('expected a failure');
      return envelope.error;
    };
    expect(await failure({ coders: ['A'], unit: 'character' })).toMatchObject({
      code: 'invalid-args',
      message: expect.stringContaining('at least two coders'),
    });
    expect(await failure({ coders: ['A', 'Zed'], unit: 'character' })).toEqual({ code: 'not-found', message: 'There is no coder "Zed".' });
    expect(await failure({ coders: ['A', 'a'], unit: 'character' })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('twice'),
    });
    expect(await failure({ coders: ['A', 'B'], unit: 'character', codes: ['Themes/Nope'] })).toEqual({
      code: 'not-found',
      message: 'There is no code "Themes/Nope".',
    });
    expect(await failure({ coders: ['A', 'B'], unit: 'character', codes: ['Themes'] })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('groups other codes'),
    });
    expect(await failure({ coders: ['A', 'B'], unit: 'character', documents: ['D9'] })).toEqual({
      code: 'not-found',
      message: 'There is no document "D9".',
    });
    expect(await failure({ coders: ['A', 'B'], unit: 'character', documents: ['D3'] })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('A and B have no document in common in the chosen documents'),
    });
    expect(await failure({ coders: ['B', 'C'], unit: 'paragraph' })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('B and C have no document in common'),
    });
    expect(await failure({ coders: ['A', 'B'], unit: 'word' })).toMatchObject({ code: 'invalid-args' });
  });

  it('accepts framework references and limits the documents', async () => {
    const session = await project();
    const result = await agreement(session, {
      coders: ['a', 'b'],
      unit: 'character',
      codes: ['MGF:System/Constitutive'],
      documents: ['d1'],
    });
    expect(result.coders).toEqual(['A', 'B']);
    expect(result.rows).toEqual([
      expect.objectContaining({ code: 'MGF/System × Constitutive', document: 'D1', both: 0, onlyA: 26, onlyB: 0 }),
    ]);
  });
});
