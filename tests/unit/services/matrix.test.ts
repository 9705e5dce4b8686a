import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import { codeCatalog, createCode } from '../../../db/queries/codes';
import { insertSegment } from '../../../db/queries/segments';
import { cellExcerpts, computeMatrix, excerptPreviews, matrixSpec, type Matrix } from '../../../electron/services/matrix';
import { exportMatrix } from '../../../electron/services/matrix-export';
import { levelsOf, rollUp } from '../../../electron/services/theme-levels';
import { matrixFixture as fixture, type MatrixFixture as Fixture } from '../matrix-fixture';

const matrix = (f: Fixture, spec: unknown) => computeMatrix(f.db, matrixSpec.parse(spec));

/** Cells as "Row × Column" → [segments, documents, cases, "T1 3, T2 2"], only the non-empty ones. */
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

describe('the framework matrix', () => {
  it('has every cell of the active framework, empty ones with zeros, and themes ranked by count then name', () => {
    const f = fixture();
    const m = matrix(f, {});
    expect(m.framework).toBe('MGF');
    expect(m.rows.map((r) => r.name)).toEqual(['System', 'Organizational', 'Individual']);
    expect(m.columns.map((c) => c.name)).toEqual(['Constitutive', 'Directive', 'Operational']);
    expect(m.cells).toHaveLength(9);
    expect(m.cells.find((c) => c.codeId === f.SC)).toMatchObject({
      ...f.key('System', 'Constitutive'),
      segments: 4,
      documents: 2,
      cases: 2,
    });
    expect(m.cells.filter((c) => c.segments === 0).every((c) => c.documents === 0 && c.themes.length === 0)).toBe(true);
    expect(summary(m)).toEqual({
      // T1: s1 carries it, s3 overlaps s4 (B), s8 overlaps s6 (A); T2: s1 overlaps s2, s8 carries it; T3: s3.
      'System × Constitutive': [4, 2, 2, 'T1 3, T2 2, T3 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
    expect(m.themes.map((t) => t.path)).toEqual(['Themes', 'Themes/T1', 'Themes/T2', 'Themes/T3', 'Themes/T4']);
    expect(m.documents).toBe(2);
    expect(m.columns.every((c) => c.documents === 2)).toBe(true);
  });

  it('counts only same-segment themes in that mode', () => {
    const f = fixture();
    expect(summary(matrix(f, { mode: 'same-segment' }))).toEqual({
      'System × Constitutive': [4, 2, 2, 'T1 1, T2 1, T3 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1'],
    });
  });

  it('restricts a slice to segments that also carry the slice value', () => {
    const f = fixture();
    const local = matrix(f, { layout: { kind: 'framework', sliceId: f.slice('Local').id } });
    expect(local.slice).toEqual({ id: f.slice('Local').id, name: 'Local' });
    expect(local.title).toBe('MGF: Locus × Level (Layer: Local)');
    expect(summary(local)).toEqual({ 'System × Constitutive': [1, 1, 1, 'T1 1, T2 1'] });
    expect(summary(matrix(f, { layout: { kind: 'framework', sliceId: f.slice('National').id } }))).toEqual({
      'System × Constitutive': [1, 1, 1, ''],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
  });

  it('filters by coder: overlaps count only within one coder', () => {
    const f = fixture();
    expect(summary(matrix(f, { filters: { coderIds: [f.A] } }))).toEqual({
      'System × Constitutive': [2, 2, 2, 'T1 2, T2 2'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
    expect(summary(matrix(f, { filters: { coderIds: [f.B] } }))).toEqual({ 'System × Constitutive': [2, 2, 2, 'T1 1, T3 1'] });
    expect(summary(matrix(f, { filters: { coderIds: [f.A, f.B] } }))).toEqual(summary(matrix(f, {})));
  });

  it('filters by case attribute (values of one attribute: any), by document, and by theme subset; filters combine', () => {
    const f = fixture();
    const metropolitan = { attributeId: f.type.id, value: 'Metropolitan district' };
    const m = matrix(f, { filters: { caseAttributes: [metropolitan] } });
    expect(summary(m)).toEqual({
      'System × Constitutive': [2, 1, 1, 'T1 1, T2 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
    expect(m.documents).toBe(1);
    expect(
      summary(matrix(f, { filters: { caseAttributes: [metropolitan, { attributeId: f.type.id, value: 'London borough' }] } })),
    ).toEqual(summary(matrix(f, {})));
    expect(summary(matrix(f, { filters: { documentIds: [f.d1.id] } }))).toEqual({ 'System × Constitutive': [2, 1, 1, 'T1 2, T2 1, T3 1'] });
    expect(summary(matrix(f, { filters: { themeIds: [f.T2, f.T3] } }))).toEqual({
      'System × Constitutive': [4, 2, 2, 'T2 2, T3 1'],
      'Organizational × Operational': [1, 1, 1, 'T2 1'],
    });
    expect(summary(matrix(f, { filters: { documentIds: [f.d1.id], caseAttributes: [metropolitan] } }))).toEqual({});
    expect(summary(matrix(f, { filters: { coderIds: [f.A], caseAttributes: [metropolitan] } }))).toEqual({
      'System × Constitutive': [1, 1, 1, 'T1 1, T2 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
  });

  it('refuses unknown frameworks, slices, coders, attributes and cells with a message naming them', () => {
    const f = fixture();
    const problem = (spec: unknown) => {
      try {
        matrix(f, spec);
      } catch (error) {
        expect(error).toBeInstanceOf(DataError);
        return (error as Error).message;
      }
      throw new Error('expected a DataError');
    };
    expect(problem({ layout: { kind: 'framework', frameworkId: 99 } })).toBe('There is no framework with id 99.');
    expect(problem({ layout: { kind: 'framework', sliceId: 99 } })).toBe('The framework MGF has no Layer value with id 99.');
    expect(problem({ filters: { coderIds: [99] } })).toBe('There is no coder with id 99.');
    expect(problem({ filters: { caseAttributes: [{ attributeId: 99, value: 'x' }] } })).toBe('There is no case attribute with id 99.');
    expect(problem({ layout: { kind: 'codes', rows: { parentId: 999 }, columns: { kind: 'coders' } } })).toBe(
      'There is no code with id 999.',
    );
    expect(() => cellExcerpts(f.db, matrixSpec.parse({}), { row: 'row:1', column: 'nope', limit: 5, offset: 0 })).toThrow(
      'This matrix has no cell row:1 × nope.',
    );
    expect(() =>
      cellExcerpts(f.db, matrixSpec.parse({}), { ...f.key('System', 'Constitutive'), themeId: f.SC, limit: 5, offset: 0 }),
    ).toThrow(`Code ${f.SC} is not one of this matrix's themes.`);
  });
});

/**
 * The fixture with a deeper theme tree: T1 gets two codable children C1 and C2; T2 gets a grouping code
 * "Kinds" (not codable) holding K1. More passages in document 1, paragraph 1 (offsets in code points):
 *   s9  A [30,40) System×Constitutive + C1 + C2   two children of T1 on one segment
 *   s10 B [30,38) System×Constitutive              overlaps s11, touches s12
 *   s11 B [36,44) C2                               (no cell)
 *   s12 B [38,50) K1                               (no cell) starts where s10 ends: no overlap
 */
function nested() {
  const f = fixture();
  const child = (parentId: number, name: string, codable = true) => createCode(f.db, { parentId, name, codable });
  const C1 = child(f.T1, 'C1');
  const C2 = child(f.T1, 'C2');
  const kinds = child(f.T2, 'Kinds', false);
  const K1 = child(kinds, 'K1');
  const seg = (coderId: number, start: number, end: number, codeIds: number[]) =>
    insertSegment(f.db, { documentId: f.d1.id, coderId, start, end, codeIds });
  const s = [seg(f.A, 30, 40, [f.SC, C1, C2]), seg(f.B, 30, 38, [f.SC]), seg(f.B, 36, 44, [C2]), seg(f.B, 38, 50, [K1])];
  return { ...f, C1, C2, kinds, K1, more: s };
}

describe('themes rolled up by level', () => {
  it('numbers levels from the top, skipping grouping codes that cannot be coded', () => {
    const f = nested();
    const m = matrix(f, {});
    const level = Object.fromEntries(m.themes.map((t) => [t.path, t.level]));
    expect(level).toEqual({
      Themes: 0,
      'Themes/T1': 1,
      'Themes/T1/C1': 2,
      'Themes/T1/C2': 2,
      'Themes/T2': 1,
      'Themes/T2/Kinds': 1,
      'Themes/T2/Kinds/K1': 2,
      'Themes/T3': 1,
      'Themes/T4': 1,
    });
    expect(m.themeLevel).toBeNull();
    // Level 1 gathers each top-level theme with everything under it; deeper levels keep shallower themes as they are.
    const catalog = new Map(codeCatalog(f.db).map((c) => [c.id, c]));
    expect(levelsOf(catalog).get(f.K1)).toBe(2);
    const ids = [f.T1, f.C1, f.C2, f.T2, f.kinds, f.K1, f.T3];
    expect([...rollUp(catalog, ids, 1)]).toEqual([
      [f.T1, [f.T1, f.C1, f.C2]],
      [f.T2, [f.T2, f.kinds, f.K1]],
      [f.T3, [f.T3]],
    ]);
    expect([...rollUp(catalog, ids, 2)]).toEqual([
      [f.T1, [f.T1]],
      [f.C1, [f.C1]],
      [f.C2, [f.C2]],
      [f.T2, [f.T2, f.kinds]],
      [f.K1, [f.K1]],
      [f.T3, [f.T3]],
    ]);
  });

  it('counts a segment once for a theme when it meets two of its children; the overlap rule is unchanged', () => {
    const f = nested();
    // Every theme as itself: C1 on s9; C2 on s9 and, overlapping, on s10 (B's s11); T1 as before (s1, s3, s8).
    expect(summary(matrix(f, {}))['System × Constitutive']).toEqual([6, 2, 2, 'T1 3, C2 2, T2 2, C1 1, T3 1']);
    const top = matrix(f, { themeLevel: 1 });
    expect(top.themeLevel).toBe(1);
    // T1 with C1 and C2: s1, s3, s8 as before, s9 once (not twice), s10 through the overlapping s11 = 5, not 3 + 2 + 1.
    // T2 with K1: s1 and s8 as before; s10 only touches s12, so K1 does not reach it.
    expect(summary(top)).toEqual({
      'System × Constitutive': [6, 2, 2, 'T1 5, T2 2, T3 1'],
      'Organizational × Operational': [1, 1, 1, 'T1 1, T2 1'],
    });
    // Same segment only: T1 on s1 itself and on s9 (C1 and C2, once); s10 carries no theme.
    expect(summary(matrix(f, { themeLevel: 1, mode: 'same-segment' }))['System × Constitutive']).toEqual([6, 2, 2, 'T1 2, T2 1, T3 1']);
    // Level 2: C1 and C2 count apart again; the grouping code Kinds rolls into T2 and K1 is its own.
    expect(summary(matrix(f, { themeLevel: 2 }))['System × Constitutive']).toEqual([6, 2, 2, 'T1 3, C2 2, T2 2, C1 1, T3 1']);
  });

  it('rolls up within slices, coder, document and theme filters, and lists a chip’s excerpts to match its count', () => {
    const f = nested();
    const sc = (spec: object) => summary(matrix(f, { themeLevel: 1, ...spec }))['System × Constitutive'];
    expect(sc({ layout: { kind: 'framework', sliceId: f.slice('Local').id } })).toEqual([1, 1, 1, 'T1 1, T2 1']);
    // B's cell segments: s3 (T1 from s4, T3), s7 (nothing), s10 (T1 from C2 on s11).
    expect(sc({ filters: { coderIds: [f.B] } })).toEqual([3, 2, 2, 'T1 2, T3 1']);
    expect(sc({ filters: { documentIds: [f.d2.id] } })).toEqual([2, 1, 1, 'T1 1, T2 1']);
    // A theme subset counts only the chosen codes, under their top-level theme: C2 on s9 and s10.
    expect(sc({ filters: { themeIds: [f.C2] } })).toEqual([6, 2, 2, 'T1 2']);
    const spec = matrixSpec.parse({ themeLevel: 1 });
    const { total, excerpts } = cellExcerpts(f.db, spec, { ...f.key('System', 'Constitutive'), themeId: f.T1, limit: 10, offset: 0 });
    expect(total).toBe(5);
    expect(excerpts.map((e) => e.segmentId).sort((a, b) => a - b)).toEqual([f.s[0], f.s[2], f.s[7], f.more[0], f.more[1]]);
    expect(() => cellExcerpts(f.db, spec, { ...f.key('System', 'Constitutive'), themeId: f.C1, limit: 5, offset: 0 })).toThrow(
      `Code ${f.C1} is not one of this matrix's themes.`,
    );
  });

  it('rolls up the themes of a code matrix too, and says the level in every export', async () => {
    const f = nested();
    const byCoder = matrix(f, { themeLevel: 1, layout: { kind: 'codes', rows: { codeIds: [f.SC] }, columns: { kind: 'coders' } } });
    // A's System×Constitutive segments s1, s8, s9 all meet T1 or a child of it; B's s3 and s10 do.
    expect(summary(byCoder)).toMatchObject({
      'System × Constitutive × A': [3, 2, 2, 'T1 3, T2 2'],
      'System × Constitutive × B': [3, 2, 2, 'T1 2, T3 1'],
    });
    const m = matrix(f, { themeLevel: 1 });
    const csv = (await exportMatrix(m, 'csv', { themeLimit: 1 })).data.toString('utf8');
    expect(csv).toContain('Top-level themes (segments)');
    expect(csv).toContain('Themes/T1 (5)');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportMatrix(m, 'xlsx', { themeLimit: 1 })).data as unknown as ArrayBuffer);
    expect(book.getWorksheet('Matrix')!.getCell('A1').value).toBe('MGF: Locus × Level — top-level themes');
    // The fixture's System×Constitutive cell has three top-level themes (T1 5, T2 2, T3 1): the grid shows one.
    expect(book.getWorksheet('Matrix')!.getCell('B4').value).toBe('T1 (5)\n+ 2 more themes');
    const xml = strFromU8(unzipSync(new Uint8Array((await exportMatrix(m, 'docx', { themeLimit: 1 })).data))['word/document.xml']!);
    expect(xml).toContain('Table: MGF: Locus × Level — top-level themes');
    expect(xml).toContain('Top-level themes: a theme counts a segment when the rule holds for it or for any code under it');
  });
});

describe('excerpts behind a cell', () => {
  it('lists a theme chip’s segments in document order with document, case, speaker, paragraph, coder, codes and exact text', () => {
    const f = fixture();
    const { total, excerpts } = cellExcerpts(f.db, matrixSpec.parse({}), {
      ...f.key('System', 'Constitutive'),
      themeId: f.T1,
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(3);
    expect(excerpts.map((e) => [e.segmentId, e.document, e.case, e.speaker, e.paragraphStart, e.paragraphEnd, e.coder, e.text])).toEqual([
      [f.s[2], 'One', 'Borough', 'DCS', 1, 1, 'B', 'DCS: Ça va'],
      [f.s[0], 'One', 'Borough', 'DCS', 1, 1, 'A', 'DCS: Ça va 😀'],
      [f.s[7], 'Two', 'District', 'DCS', 2, 2, 'A', ': Boar'],
    ]);
    expect(excerpts[1]!.codes.map((c) => c.path)).toEqual(['MGF/System × Constitutive', 'MGF/Local', 'Themes/T1']);
    expect(excerpts[1]).toMatchObject({ documentId: f.d1.id, start: 0, end: 12 });
    const page = cellExcerpts(f.db, matrixSpec.parse({}), { ...f.key('System', 'Constitutive'), themeId: f.T1, limit: 1, offset: 2 });
    expect(page).toMatchObject({ total: 3, excerpts: [{ segmentId: f.s[7] }] });
    const same = cellExcerpts(f.db, matrixSpec.parse({ mode: 'same-segment' }), {
      ...f.key('System', 'Constitutive'),
      themeId: f.T1,
      limit: 10,
      offset: 0,
    });
    expect(same.excerpts.map((e) => e.segmentId)).toEqual([f.s[0]]);
  });

  it('previews the first excerpts of every cell', () => {
    const f = fixture();
    const previews = excerptPreviews(f.db, matrixSpec.parse({ filters: { coderIds: [f.B] } }), 1);
    expect(previews).toHaveLength(9);
    expect(
      previews.find((p) => p.row === f.key('System', 'Constitutive').row && p.column === f.key('System', 'Constitutive').column),
    ).toMatchObject({
      total: 2,
      excerpts: [{ segmentId: f.s[2] }],
    });
  });
});

describe('code matrices (the same query)', () => {
  const themeName = (m: Matrix, key: string) => m.rows.find((r) => r.key === key)!.name;
  const grid = (m: Matrix, field: 'segments' | 'documents') =>
    Object.fromEntries(m.rows.map((r) => [themeName(m, r.key), m.cells.filter((c) => c.row === r.key).map((c) => c[field])]));

  it('codes × coders: a theme’s segments per coder, with the other themes co-occurring', () => {
    const f = fixture();
    const m = matrix(f, { layout: { kind: 'codes', rows: { parentId: f.themesRoot }, columns: { kind: 'coders' } } });
    expect(m.columns.map((c) => c.name)).toEqual(['A', 'B']);
    expect(grid(m, 'segments')).toEqual({ T1: [2, 1], T2: [2, 0], T3: [0, 1], T4: [1, 0] });
    expect(summary(m)).toEqual({
      'T1 × A': [2, 2, 2, 'T2 2'],
      'T1 × B': [1, 1, 1, 'T3 1'],
      'T2 × A': [2, 2, 2, 'T1 2'],
      'T3 × B': [1, 1, 1, 'T1 1'],
      'T4 × A': [1, 1, 1, ''],
    });
    const { excerpts } = cellExcerpts(
      f.db,
      matrixSpec.parse({ layout: { kind: 'codes', rows: { parentId: f.themesRoot }, columns: { kind: 'coders' } } }),
      {
        row: `code:${f.T1}`,
        column: `coder:${f.B}`,
        limit: 10,
        offset: 0,
      },
    );
    expect(excerpts.map((e) => e.segmentId)).toEqual([f.s[3]]);
  });

  it('code set × code set: segments of the row code with the column code co-occurring', () => {
    const f = fixture();
    const spec = {
      layout: { kind: 'codes', rows: { codeIds: [f.T1, f.T2, f.T3, f.T4] }, columns: { kind: 'codes', codes: { codeIds: [f.SC, f.OO] } } },
    };
    const m = matrix(f, spec);
    expect(m.showsThemes).toBe(false);
    expect(grid(m, 'segments')).toEqual({ T1: [3, 1], T2: [2, 1], T3: [1, 0], T4: [0, 0] });
    expect(grid(m, 'documents')).toEqual({ T1: [2, 1], T2: [2, 1], T3: [1, 0], T4: [0, 0] });
    const same = matrix(f, { ...spec, mode: 'same-segment' });
    expect(grid(same, 'segments')).toEqual({ T1: [1, 1], T2: [1, 0], T3: [1, 0], T4: [0, 0] });
    expect(grid(same, 'documents')).toEqual({ T1: [1, 1], T2: [1, 0], T3: [1, 0], T4: [0, 0] });
    const { excerpts } = cellExcerpts(f.db, matrixSpec.parse(spec), { row: `code:${f.T1}`, column: `code:${f.SC}`, limit: 10, offset: 0 });
    expect(excerpts.map((e) => e.segmentId)).toEqual([f.s[0], f.s[3], f.s[5]]);
  });

  it('codes × cases and codes × attribute values', () => {
    const f = fixture();
    const byCase = matrix(f, { layout: { kind: 'codes', rows: { parentId: f.themesRoot }, columns: { kind: 'cases' } } });
    expect(byCase.columns.map((c) => [c.name, c.documents])).toEqual([
      ['Borough', 1],
      ['District', 1],
    ]);
    expect(grid(byCase, 'segments')).toEqual({ T1: [2, 1], T2: [1, 1], T3: [1, 0], T4: [1, 0] });
    const { excerpts } = cellExcerpts(
      f.db,
      matrixSpec.parse({ layout: { kind: 'codes', rows: { parentId: f.themesRoot }, columns: { kind: 'cases' } } }),
      {
        row: `code:${f.T1}`,
        column: `case:${f.d2.caseId}`,
        limit: 10,
        offset: 0,
      },
    );
    expect(excerpts.map((e) => e.segmentId)).toEqual([f.s[5]]);
    const byValue = matrix(f, {
      layout: { kind: 'codes', rows: { parentId: f.themesRoot }, columns: { kind: 'attribute', attributeId: f.type.id } },
    });
    expect(byValue.columns.map((c) => [c.name, c.documents])).toEqual([
      ['London borough', 1],
      ['Metropolitan district', 1],
      ['Two-tier county', 0],
    ]);
    expect(grid(byValue, 'segments')).toEqual({ T1: [2, 1, 0], T2: [1, 1, 0], T3: [1, 0, 0], T4: [1, 0, 0] });
    expect(summary(byValue)['T1 × Metropolitan district']).toEqual([1, 1, 1, 'T2 1']);
  });
});

describe('matrix exports', () => {
  it('writes CSV with one line per cell, XLSX with the grid and the lines, and a DOCX table with themes in the cells', async () => {
    const f = fixture();
    const m = matrix(f, {});
    const csv = await exportMatrix(m, 'csv', { themeLimit: 0 });
    expect(csv.fileName).toBe('MGF Locus Level.csv');
    const lines = Papa.parse<string[]>(
      csv.data
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim(),
    ).data;
    expect(lines[0]).toEqual(['Locus', 'Level', 'Segments', 'Documents', 'Cases', 'Themes (segments)']);
    expect(lines).toHaveLength(10);
    expect(lines[1]).toEqual(['System', 'Constitutive', '4', '2', '2', 'Themes/T1 (3); Themes/T2 (2); Themes/T3 (1)']);
    expect(lines[2]).toEqual(['System', 'Directive', '0', '0', '0', '']);

    const xlsx = await exportMatrix(m, 'xlsx', { themeLimit: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const grid = book.getWorksheet('Matrix')!;
    expect(grid.getCell('A1').value).toBe('MGF: Locus × Level');
    expect(grid.getRow(3).values).toEqual([undefined, 'Locus \\ Level', 'Constitutive', 'Directive', 'Operational']);
    // Top 2 in the grid, and the third theme (T3, 1 segment; see the CSV line above) counted as left out.
    expect(grid.getCell('B4').value).toBe('T1 (3)\nT2 (2)\n+ 1 more theme');
    expect(grid.getCell('D5').value).toBe('T1 (1)\nT2 (1)');
    // The lines are data: every theme, whatever the view.
    expect(book.getWorksheet('Cells')!.getCell('F2').value).toBe('Themes/T1 (3); Themes/T2 (2); Themes/T3 (1)');
    expect(grid.getCell('A8').value).toContain('Summary view: each cell shows its 2 most frequent themes');

    const docx = await exportMatrix(m, 'docx', { themeLimit: 0 });
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(new Uint8Array(docx.data))['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]);
    expect(texts.slice(0, 8)).toEqual([
      'Table: MGF: Locus × Level',
      '',
      'Constitutive',
      'Directive',
      'Operational',
      'System',
      'T1 (3)',
      'T2 (2)',
    ]);
    // After the themes, the cell's own figures (System × Constitutive: 4 segments in 2 documents, as in the CSV).
    expect(texts.slice(8, 10)).toEqual(['T3 (1)', '4 segments · 2 documents']);
    expect(xml).not.toContain('Summary view');
    expect((xml.match(/<w:tr>/g) ?? []).length + (xml.match(/<w:tr /g) ?? []).length).toBe(4);
    expect(texts.at(-1)).toContain('overlaps a segment by the same coder in the same document');
  });
});
