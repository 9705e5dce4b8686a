import { ensureAttribute, ensureCase, linkCaseDocument, setCaseAttribute } from '../../db/queries/cases';
import { createCode } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { insertSegment } from '../../db/queries/segments';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { matrixFixture } from './matrix-fixture';

/** The third document: timed turns in Greek, Cyrillic and Arabic with an emoji, and passages that look like formulas. */
export const TEXT_3 = [
  '[00:12:31] DCS: Επιθεώρηση 😀 σημαντική',
  'Продолжение, مرحبا',
  '[00:13:05] Interviewer: =SUM(A1) and - dashes',
  'DCS: @home *not* bold',
].join('\n');

/** Code point offset of `part` in TEXT_3 (the offsets segments use). */
const at = (part: string) => [...TEXT_3.slice(0, TEXT_3.indexOf(part))].length;

/**
 * The matrix fixture (tests/unit/matrix-fixture.ts: documents One and Two, s1–s8) and:
 *   a sub-code T1a under T1; a number attribute "Duration (minutes)": Borough 52, District 9;
 *   doc 3 ("Drei", case "Город 1", London borough, 40 minutes), four paragraphs (¶1 at 00:12:31, ¶3 at 00:13:05):
 *     s9  A  "Επιθεώρηση 😀 σημαντική\nПродолжение"  ¶1–2  System×Constitutive + T1, memo "Σημείωση 📝"
 *     s10 A  "=SUM(A1) and - dashes"                 ¶3    T2 + T1a
 *     s11 A  "@home *not* bold"                      ¶4    T1a
 */
export function excerptsFixture() {
  const f = matrixFixture();
  const { db } = f;
  const T1a = createCode(db, { parentId: f.T1, name: 'T1a' });
  const duration = ensureAttribute(db, 'Duration (minutes)', 'number');
  setCaseAttribute(db, f.d1.caseId, duration, '52');
  setCaseAttribute(db, f.d2.caseId, duration, '9');
  const d3 = insertDocument(db, { name: 'Drei', ...parsePlainTranscript(TEXT_3), sourceName: null, sourceType: 'txt' });
  const c3 = ensureCase(db, 'Город 1');
  linkCaseDocument(db, c3, d3);
  setCaseAttribute(db, c3, f.type, 'London borough');
  setCaseAttribute(db, c3, duration, '40');
  const seg = (start: number, end: number, codeIds: number[], memo = '') =>
    insertSegment(db, { documentId: d3, coderId: f.A, start, end, codeIds, memo });
  const s = [
    ...f.s,
    seg(at('Επιθεώρηση'), at('Продолжение') + 'Продолжение'.length, [f.SC, f.T1], 'Σημείωση 📝'),
    seg(at('=SUM'), at('=SUM') + '=SUM(A1) and - dashes'.length, [f.T2, T1a]),
    seg(at('@home'), at('@home') + '@home *not* bold'.length, [T1a]),
  ];
  return { ...f, s, T1a, duration, d3: { id: d3, caseId: c3 } };
}

export type ExcerptsFixture = ReturnType<typeof excerptsFixture>;
