// Blind coding: with a coderId, the counting methods (documents list, code details and passages, codebook
// tree, matrix) see only that coder's work. Expected values are counted by hand from the matrix fixture's
// segment table (tests/unit/matrix-fixture.ts):
//   One: A s1 [0,12) SC+Local+T1, s2 [5,15) T2, s5 [15,25) T4;  B s3 [0,10) SC+T3, s4 [8,20) T1
//   Two: A s6 [18,23) OO+National+T1, s8 [21,27) SC+T2;          B s7 [18,23) SC+National
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import { matrixFixture } from '../matrix-fixture';
import { newSession, ok } from '../helpers';

async function opened() {
  const f = matrixFixture();
  f.db.close();
  const session = newSession();
  session.chosen.add(f.file);
  await ok(dispatch(session, 'project.open', { file: f.file }));
  return { session, f };
}

describe('blind coding filters', () => {
  it('documents.list counts only the given coder’s segments', async () => {
    const { session, f } = await opened();
    const counts = async (args: object) =>
      (await ok<ResultOf<'documents.list'>>(dispatch(session, 'documents.list', args))).map((d) => [d.name, d.segments]);
    expect(await counts({})).toEqual([
      ['One', 5],
      ['Two', 3],
    ]);
    expect(await counts({ coderId: f.A })).toEqual([
      ['One', 3],
      ['Two', 2],
    ]);
    expect(await counts({ coderId: f.B })).toEqual([
      ['One', 2],
      ['Two', 1],
    ]);
  });

  it('codes.details and codes.segments show only the given coder’s counts, passages and example', async () => {
    const { session, f } = await opened();
    const [, , , s4] = f.s;
    // The example quote of T1 is B's passage s4.
    await ok(dispatch(session, 'codes.update', { id: f.T1, exampleSegmentId: s4 }));
    type Details = ResultOf<'codes.details'>;
    const all = await ok<Details>(dispatch(session, 'codes.details', { id: f.T1 }));
    expect([all.code.segments, all.code.documents]).toEqual([3, 2]);
    expect(all.byCoder.map((c) => [c.coder, c.segments])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    expect(all.example).toMatchObject({ coder: 'B' });

    const a = await ok<Details>(dispatch(session, 'codes.details', { id: f.T1, coderId: f.A }));
    expect([a.code.segments, a.code.documents]).toEqual([2, 2]);
    expect(a.byCoder.map((c) => [c.coder, c.segments, c.documents])).toEqual([['A', 2, 2]]);
    // B's passage is not shown to A, even as the example.
    expect(a.example).toBeNull();
    const b = await ok<Details>(dispatch(session, 'codes.details', { id: f.T1, coderId: f.B }));
    expect([b.code.segments, b.code.documents]).toEqual([1, 1]);
    expect(b.example).toMatchObject({ coder: 'B', document: 'One' });

    type Passages = ResultOf<'codes.segments'>;
    const ids = async (args: object) => (await ok<Passages>(dispatch(session, 'codes.segments', { id: f.T1, ...args }))).map((s) => s.id);
    const [s1, , , , , s6] = f.s;
    expect(await ids({})).toEqual([s1, s4, s6]);
    expect(await ids({ coderId: f.A })).toEqual([s1, s6]);
    expect(await ids({ coderId: f.B })).toEqual([s4]);
  });

  it('the codebook tree and the matrix count only the given coder', async () => {
    const { session, f } = await opened();
    type Tree = ResultOf<'codebook.tree'>;
    const themes = async (args: object) =>
      (await ok<Tree>(dispatch(session, 'codebook.tree', args)))
        .find((c) => c.id === f.themesRoot)!
        .children.map((c) => [c.name, c.segments]);
    expect(await themes({ coderId: f.B })).toEqual([
      ['T1', 1],
      ['T2', 0],
      ['T3', 1],
      ['T4', 0],
    ]);
    const matrix = await ok<ResultOf<'matrix.get'>>(dispatch(session, 'matrix.get', { filters: { coderIds: [f.B] } }));
    // B coded System × Constitutive twice (s3, s7) and nothing else in the grid.
    expect(matrix.cells.reduce((n, c) => n + c.segments, 0)).toBe(2);
  });
});
