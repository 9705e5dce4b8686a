// The excerpt query through its selection: which segments, in which groups and order, with which fields.
// Expected segments come from the fixtures' tables (tests/unit/matrix-fixture.ts, tests/unit/excerpts-fixture.ts).
import { describe, expect, it } from 'vitest';
import { cellExcerpts, matrixSpec } from '../../../electron/services/matrix';
import { excerptSelection, selectExcerpts } from '../../../electron/services/excerpts';
import { excerptsFixture, type ExcerptsFixture } from '../excerpts-fixture';

const select = (f: ExcerptsFixture, selection: unknown, page = { limit: 100, offset: 0 }) =>
  selectExcerpts(f.db, excerptSelection.parse(selection), page);
const ids = (f: ExcerptsFixture, selection: unknown) => select(f, selection).excerpts.map((x) => f.s.indexOf(x.segmentId) + 1);

describe('choosing excerpts by code', () => {
  it('lists every segment in document order without a selection', () => {
    const f = excerptsFixture();
    // One: s3 [0,10) before s1 [0,12) (same start, earlier end), then s2 [5,15), s4 [8,20), s5 [15,25); Two: s6, s7 [18,23), s8; Drei.
    expect(ids(f, {})).toEqual([3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('matches any of the codes, a code standing for its sub-codes unless told otherwise', () => {
    const f = excerptsFixture();
    // T1 on s1, s4, s6, s9; its sub-code T1a on s10, s11.
    expect(ids(f, { codeIds: [f.T1] })).toEqual([1, 4, 6, 9, 10, 11]);
    expect(ids(f, { codeIds: [f.T1], subcodes: false })).toEqual([1, 4, 6, 9]);
    expect(ids(f, { codeIds: [f.T3, f.T4] })).toEqual([3, 5]);
  });

  it('matches all of the codes: each code or one of its sub-codes on the same segment', () => {
    const f = excerptsFixture();
    // s10 carries T2 and T1a (a sub-code of T1); no segment carries T1 itself with T2.
    expect(ids(f, { codeIds: [f.T1, f.T2], match: 'all' })).toEqual([10]);
    expect(ids(f, { codeIds: [f.T1, f.T2], match: 'all', subcodes: false })).toEqual([]);
  });

  it('takes a framework cell’s codes as its themes by the matrix’s rule, and lists exactly the matrix chip’s excerpts', () => {
    const f = excerptsFixture();
    // The cell's segments s1, s3, s7, s8, s9; with T1: s1 and s9 carry it, s3 (B) overlaps s4 (B, T1), s8 (A) overlaps s6 (A, T1).
    expect(ids(f, { cellCodeId: f.SC, codeIds: [f.T1] })).toEqual([3, 1, 8, 9]);
    expect(ids(f, { cellCodeId: f.SC, codeIds: [f.T1], mode: 'same-segment' })).toEqual([1, 9]);
    const chip = cellExcerpts(f.db, matrixSpec.parse({}), { ...f.key('System', 'Constitutive'), themeId: f.T1, limit: 100, offset: 0 });
    expect(chip.excerpts).toEqual(select(f, { cellCodeId: f.SC, codeIds: [f.T1], subcodes: false }).excerpts);
    expect(ids(f, { cellCodeId: f.SC })).toEqual([3, 1, 7, 8, 9]);
    expect(ids(f, { sliceCodeId: f.slice('National').codeId })).toEqual([6, 7]);
    expect(ids(f, { cellCodeId: f.SC, sliceCodeId: f.slice('National').codeId })).toEqual([7]);
  });

  it('filters by coder, document and cases: values of one attribute are alternatives, different attributes must all hold', () => {
    const f = excerptsFixture();
    expect(ids(f, { codeIds: [f.T1], coderIds: [f.B] })).toEqual([4]);
    expect(ids(f, { documentIds: [f.d2.id] })).toEqual([6, 7, 8]);
    const type = (value: string) => ({ attributeId: f.type.id, value });
    const minutes = (value: string) => ({ attributeId: f.duration.id, value });
    // London borough: One (Borough) and Drei (Город 1); Metropolitan district: Two (District).
    expect(ids(f, { caseAttributes: [type('Metropolitan district')] })).toEqual([6, 7, 8]);
    expect(ids(f, { caseAttributes: [type('Metropolitan district'), type('London borough')] })).toEqual([
      3, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(ids(f, { caseAttributes: [type('London borough'), minutes('40')] })).toEqual([9, 10, 11]);
    expect(ids(f, { caseAttributes: [type('Metropolitan district'), minutes('40')] })).toEqual([]);
  });

  it('refuses ids that name nothing, or a code that is no cell or slice', () => {
    const f = excerptsFixture();
    expect(() => select(f, { codeIds: [999] })).toThrow('There is no code with id 999.');
    expect(() => select(f, { cellCodeId: f.T1 })).toThrow(`Code ${f.T1} is not a framework cell.`);
    expect(() => select(f, { sliceCodeId: f.SC })).toThrow(`Code ${f.SC} is not a framework slice value.`);
    expect(() => select(f, { coderIds: [999] })).toThrow('There is no coder with id 999.');
    expect(() => select(f, { orderByAttributeId: 999 })).toThrow('There is no case attribute with id 999.');
  });
});

describe('grouping, order and pages', () => {
  it('lists an excerpt under each code group it carries, counting excerpts and listed entries apart', () => {
    const f = excerptsFixture();
    const list = select(f, { codeIds: [f.T2, f.T1], groupBy: 'code' });
    // Groups in codebook order (T1 before T2); s10 carries both (T1 through T1a).
    expect(list.excerpts.map((x) => [x.group, f.s.indexOf(x.segmentId) + 1])).toEqual([
      ['Themes/T1', 1],
      ['Themes/T1', 4],
      ['Themes/T1', 6],
      ['Themes/T1', 9],
      ['Themes/T1', 10],
      ['Themes/T1', 11],
      ['Themes/T2', 2],
      ['Themes/T2', 8],
      ['Themes/T2', 10],
    ]);
    expect([list.total, list.entries]).toEqual([8, 9]);
  });

  it('groups by framework cell (the others last), by document and by case', () => {
    const f = excerptsFixture();
    const groups = (selection: unknown) => select(f, selection).excerpts.map((x) => `${x.group}:${f.s.indexOf(x.segmentId) + 1}`);
    expect(groups({ groupBy: 'cell' })).toEqual([
      ...['System × Constitutive:3', 'System × Constitutive:1', 'System × Constitutive:7', 'System × Constitutive:8'],
      ...['System × Constitutive:9', 'Organizational × Operational:6'],
      ...['Other excerpts:2', 'Other excerpts:4', 'Other excerpts:5', 'Other excerpts:10', 'Other excerpts:11'],
    ]);
    expect(groups({ groupBy: 'document', codeIds: [f.T2] })).toEqual(['One:2', 'Two:8', 'Drei:10']);
    expect(groups({ groupBy: 'case', codeIds: [f.T2] })).toEqual(['Borough:2', 'District:8', 'Город 1:10']);
  });

  it('orders by a case attribute, numbers as numbers, then by position', () => {
    const f = excerptsFixture();
    // Durations: District 9 < Город 1 40 < Borough 52 (as text, "40" < "52" < "9").
    expect(ids(f, { codeIds: [f.T2], orderByAttributeId: f.duration.id })).toEqual([8, 10, 2]);
    // Authority type: London borough (One, Drei) before Metropolitan district (Two).
    expect(ids(f, { codeIds: [f.T2], orderByAttributeId: f.type.id })).toEqual([2, 10, 8]);
  });

  it('pages through the list with the total each time', () => {
    const f = excerptsFixture();
    const page = select(f, { codeIds: [f.T1] }, { limit: 2, offset: 2 });
    expect(page.excerpts.map((x) => f.s.indexOf(x.segmentId) + 1)).toEqual([6, 9]);
    expect([page.total, page.entries]).toEqual([6, 6]);
    expect(select(f, { codeIds: [f.T1] }, { limit: 2, offset: 6 }).excerpts).toEqual([]);
  });
});

describe('what an excerpt says', () => {
  it('has the exact coded text (code points, emoji and non-Latin scripts), paragraphs, speaker, time, case, attributes, codes and memo', () => {
    const f = excerptsFixture();
    const [x9, x10, x11] = select(f, { documentIds: [f.d3.id] }).excerpts;
    expect(x9).toEqual({
      segmentId: f.s[8],
      documentId: f.d3.id,
      document: 'Drei',
      case: 'Город 1',
      attributes: { 'Authority type': 'London borough', 'Duration (minutes)': '40' },
      // TEXT_3: "[00:12:31] DCS: " is 16 code points; the emoji counts one.
      start: 16,
      end: 16 + [...'Επιθεώρηση 😀 σημαντική\nПродолжение'].length,
      paragraphStart: 1,
      paragraphEnd: 2,
      speaker: 'DCS',
      time: '00:12:31',
      coder: 'A',
      memo: 'Σημείωση 📝',
      text: 'Επιθεώρηση 😀 σημαντική\nПродолжение',
      codes: [
        {
          id: f.SC,
          path: 'MGF/System × Constitutive',
          name: 'System × Constitutive',
          color: expect.any(String),
          ref: 'MGF:System/Constitutive',
        },
        { id: f.T1, path: 'Themes/T1', name: 'T1', color: expect.any(String), ref: 'Themes/T1' },
      ],
      group: null,
    });
    expect(x10).toMatchObject({
      text: '=SUM(A1) and - dashes',
      paragraphStart: 3,
      paragraphEnd: 3,
      speaker: 'Interviewer',
      time: '00:13:05',
    });
    // ¶4 has no time of its own: the turn before it gives one.
    expect(x11).toMatchObject({ text: '@home *not* bold', paragraphStart: 4, speaker: 'DCS', time: '00:13:05' });
    expect(x11!.codes.map((c) => c.ref)).toEqual(['Themes/T1/T1a']);
  });
});
