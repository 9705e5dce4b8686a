// Ranges of number and date case attributes, as the matrix and the excerpts filter by them. Expected cells
// and segments are counted by hand from the fixtures' tables (tests/unit/matrix-fixture.ts and
// tests/unit/excerpts-fixture.ts): One's case Borough lasted 52 minutes, Two's District 9, Drei's Город 1 40.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import { ensureAttribute, setCaseAttribute } from '../../../db/queries/cases';
import { describeSelection, excerptSelection, selectExcerpts } from '../../../electron/services/excerpts';
import { computeMatrix, matrixSpec, type Matrix } from '../../../electron/services/matrix';
import { excerptsFixture, type ExcerptsFixture } from '../excerpts-fixture';

const matrix = (f: ExcerptsFixture, caseAttributes: unknown[]) => computeMatrix(f.db, matrixSpec.parse({ filters: { caseAttributes } }));
const ids = (f: ExcerptsFixture, caseAttributes: unknown[]) =>
  selectExcerpts(f.db, excerptSelection.parse({ caseAttributes }), { limit: 100, offset: 0 }).excerpts.map(
    (x) => f.s.indexOf(x.segmentId) + 1,
  );

/** Non-empty cells as "Row × Column" → [segments, documents, cases, themes]. */
function summary(m: Matrix) {
  const name = (items: { key: string; name: string }[], key: string) => items.find((i) => i.key === key)!.name;
  const theme = new Map(m.themes.map((t) => [t.id, t.name]));
  return Object.fromEntries(
    m.cells
      .filter((c) => c.segments > 0)
      .map((c) => [
        `${name(m.rows, c.row)} × ${name(m.columns, c.column)}`,
        [c.segments, c.documents, c.cases, c.themes.map((t) => `${theme.get(t.codeId)} ${t.segments}`).join(', ')],
      ]),
  );
}

/** The fixture with a date attribute: Borough interviewed 2009-03-02, District 2010-11-30, Город 1 2010-01-15. */
function withDates() {
  const f = excerptsFixture();
  const interviewed = ensureAttribute(f.db, 'Interviewed', 'date');
  setCaseAttribute(f.db, f.d1.caseId, interviewed, '2009-03-02');
  setCaseAttribute(f.db, f.d2.caseId, interviewed, '2010-11-30');
  setCaseAttribute(f.db, f.d3.caseId, interviewed, '2010-01-15');
  return { ...f, interviewed };
}

describe('a number range', () => {
  it('keeps the cases inside it, both ends included, compared as numbers', () => {
    const f = excerptsFixture();
    const minutes = (range: { min?: number | string; max?: number | string }) => ({ attributeId: f.duration.id, ...range });
    // 10–45: only Город 1 (40), so only Drei: s9 is its one System × Constitutive segment, carrying T1.
    expect(summary(matrix(f, [minutes({ min: 10, max: 45 })]))).toEqual({ 'System × Constitutive': [1, 1, 1, 'T1 1'] });
    // From 40: Borough (52) and Город 1 (40, the end included): One's cell [2, 1, 1, 'T1 2, T2 1, T3 1'] (matrix
    // test "filters by … document") plus Drei's s9 with T1.
    expect(summary(matrix(f, [minutes({ min: 40 })]))).toEqual({ 'System × Constitutive': [3, 2, 2, 'T1 3, T2 1, T3 1'] });
    // Up to 9: District alone, the same matrix as filtering by its value "Metropolitan district".
    const district = [{ attributeId: f.type.id, value: 'Metropolitan district' }];
    expect(summary(matrix(f, [minutes({ max: '9' })]))).toEqual(summary(matrix(f, district)));
    expect(summary(matrix(f, [minutes({ max: 9 })]))).toEqual({
      'System × Constitutive': [2, 1, 1, 'T1 1, T2 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
    // 5–10 holds 9 as a number (as text, "9" sorts after "10" and would fall outside).
    expect(matrix(f, [minutes({ min: 5, max: 10 })]).documents).toBe(1);
    expect(matrix(f, [minutes({ min: 100 })]).documents).toBe(0);
  });

  it('is one alternative among the values of its attribute, and must hold with other attributes', () => {
    const f = excerptsFixture();
    // Up to 9 (District) or exactly 40 (Город 1): Two's s6–s8 and Drei's s9–s11.
    expect(
      ids(f, [
        { attributeId: f.duration.id, max: 9 },
        { attributeId: f.duration.id, value: '40' },
      ]),
    ).toEqual([6, 7, 8, 9, 10, 11]);
    // From 30 and a London borough: Borough (52) and Город 1 (40): every segment of One and Drei.
    expect(
      ids(f, [
        { attributeId: f.duration.id, min: 30 },
        { attributeId: f.type.id, value: 'London borough' },
      ]),
    ).toEqual([3, 1, 2, 4, 5, 9, 10, 11]);
    // From 30 and a metropolitan district: District lasted 9 minutes, so nothing.
    expect(
      ids(f, [
        { attributeId: f.duration.id, min: 30 },
        { attributeId: f.type.id, value: 'Metropolitan district' },
      ]),
    ).toEqual([]);
  });
});

describe('a date range', () => {
  it('keeps the cases interviewed inside it, in the matrix and the excerpts alike', () => {
    const f = withDates();
    const interviewed = (range: { min?: string; max?: string }) => ({ attributeId: f.interviewed.id, ...range });
    // From 2010-01-01: District (2010-11-30) and Город 1 (2010-01-15): Two's and Drei's segments.
    expect(ids(f, [interviewed({ min: '2010-01-01' })])).toEqual([6, 7, 8, 9, 10, 11]);
    // Up to 2010-01-15, the day included: Borough and Город 1.
    expect(ids(f, [interviewed({ max: '2010-01-15' })])).toEqual([3, 1, 2, 4, 5, 9, 10, 11]);
    // 2010: District and Город 1; System × Constitutive has Two's s7, s8 and Drei's s9: T2 on s8, T1 on s9 and (overlap
    // mode) on s8, which overlaps coder A's s6 carrying T1.
    expect(summary(matrix(f, [interviewed({ min: '2010-01-01', max: '2010-12-31' })]))['System × Constitutive']).toEqual([
      3,
      2,
      2,
      'T1 2, T2 1',
    ]);
  });
});

describe('describing and refusing ranges', () => {
  it('names a range in the export description', () => {
    const f = excerptsFixture();
    const selection = excerptSelection.parse({ caseAttributes: [{ attributeId: f.duration.id, min: 10, max: 45 }] });
    expect(describeSelection(f.db, selection, 3).description).toContain('cases with Duration (minutes): 10–45');
  });

  it('refuses a range of a choice attribute, bounds of the wrong kind and an empty range, with a message', () => {
    const f = withDates();
    const problem = (caseAttributes: unknown[]) => {
      try {
        matrix(f, caseAttributes);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(problem([{ attributeId: f.type.id, min: 'a' }])).toBe(
      'Authority type holds choice values: ranges are for number and date attributes.',
    );
    expect(problem([{ attributeId: f.duration.id, min: 'ten' }])).toBe('A range of Duration (minutes) needs numbers (got ten).');
    expect(problem([{ attributeId: f.interviewed.id, max: '15/01/2010' }])).toBe(
      'A range of Interviewed needs dates like 2010-06-21 (got 15/01/2010).',
    );
    expect(() => matrix(f, [{ attributeId: f.duration.id }])).toThrow();
    expect(() =>
      selectExcerpts(f.db, excerptSelection.parse({ caseAttributes: [{ attributeId: f.type.id, max: 'x' }] }), { limit: 1, offset: 0 }),
    ).toThrow(DataError);
  });
});
