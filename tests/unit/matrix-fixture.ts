import { ensureAttribute, ensureCase, linkCaseDocument, setCaseAttribute } from '../../db/queries/cases';
import { ensureCoder } from '../../db/queries/coders';
import { createCode } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { insertSegment } from '../../db/queries/segments';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { emptyProject } from './helpers';

/**
 * Two documents in two cases, two coders, four themes. Offsets are code points; the emoji is one.
 *   doc 1 ("DCS: Ça va 😀 naïve …", case Borough, London borough), paragraph 1:
 *     s1 A [0,12)  System×Constitutive + Local + T1     ("DCS: Ça va 😀")
 *     s2 A [5,15)  T2                                   overlaps s1
 *     s3 B [0,10)  System×Constitutive + T3
 *     s4 B [8,20)  T1                                   overlaps s3
 *     s5 A [15,25) T4                                   touches s2 (no overlap), misses s1
 *   doc 2 ("Interviewer: Why?\nDCS: Boards met 😀 monthly.", case District, Metropolitan district), paragraph 2:
 *     s6 A [18,23) Organizational×Operational + National + T1
 *     s7 B [18,23) System×Constitutive + National
 *     s8 A [21,27) System×Constitutive + T2             overlaps s6
 */
export function matrixFixture() {
  const { db, file } = emptyProject();
  seedDefaultFramework(db);
  const mgf = listFrameworks(db)[0]!;
  const cell = (row: string, column: string) => {
    const r = mgf.rows.find((v) => v.name === row)!.id;
    const c = mgf.columns.find((v) => v.name === column)!.id;
    return mgf.cells.find((x) => x.rowId === r && x.columnId === c)!.codeId;
  };
  const SC = cell('System', 'Constitutive');
  const OO = cell('Organizational', 'Operational');
  const slice = (name: string) => mgf.slices.find((s) => s.name === name)!;
  const themesRoot = createCode(db, { parentId: null, name: 'Themes', codable: false });
  const [T1, T2, T3, T4] = ['T1', 'T2', 'T3', 'T4'].map((name) => createCode(db, { parentId: themesRoot, name })) as [
    number,
    number,
    number,
    number,
  ];
  const A = ensureCoder(db, 'A').id;
  const B = ensureCoder(db, 'B').id;
  const type = ensureAttribute(db, 'Authority type', 'choice', ['London borough', 'Metropolitan district', 'Two-tier county']);
  const doc = (name: string, text: string, caseName: string, value: string) => {
    const id = insertDocument(db, { name, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
    const caseId = ensureCase(db, caseName);
    linkCaseDocument(db, caseId, id);
    setCaseAttribute(db, caseId, type, value);
    return { id, caseId };
  };
  const d1 = doc('One', 'DCS: Ça va 😀 naïve partners cooperate well here\nInterviewer: And then?', 'Borough', 'London borough');
  const d2 = doc('Two', 'Interviewer: Why?\nDCS: Boards met 😀 monthly.', 'District', 'Metropolitan district');
  const seg = (documentId: number, coderId: number, start: number, end: number, codeIds: number[]) =>
    insertSegment(db, { documentId, coderId, start, end, codeIds });
  const s = [
    seg(d1.id, A, 0, 12, [SC, slice('Local').codeId, T1]),
    seg(d1.id, A, 5, 15, [T2]),
    seg(d1.id, B, 0, 10, [SC, T3]),
    seg(d1.id, B, 8, 20, [T1]),
    seg(d1.id, A, 15, 25, [T4]),
    seg(d2.id, A, 18, 23, [OO, slice('National').codeId, T1]),
    seg(d2.id, B, 18, 23, [SC, slice('National').codeId]),
    seg(d2.id, A, 21, 27, [SC, T2]),
  ];
  const key = (row: string, column: string) => ({
    row: `row:${mgf.rows.find((v) => v.name === row)!.id}`,
    column: `column:${mgf.columns.find((v) => v.name === column)!.id}`,
  });
  return { db, file, mgf, SC, OO, T1, T2, T3, T4, A, B, type, d1, d2, s, slice, key, themesRoot };
}

export type MatrixFixture = ReturnType<typeof matrixFixture>;

/** The fixture as a closed project file (for the CLI, which opens it itself). */
export function matrixFixtureFile(): string {
  const f = matrixFixture();
  f.db.close();
  return f.file;
}
