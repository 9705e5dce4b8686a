import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import { sha256 } from '../../../db/ids';
import { ensureAttribute, ensureCase, linkCaseDocument, listCases, setCaseAttribute } from '../../../db/queries/cases';
import { resolveCodeRef } from '../../../db/queries/code-refs';
import { ensureCoder, findCoder, getCoder, listCoders } from '../../../db/queries/coders';
import { codeTree, createCode, findCodeByPath } from '../../../db/queries/codes';
import { getDocument, insertDocument, listDocuments } from '../../../db/queries/documents';
import { createFramework, listFrameworks } from '../../../db/queries/frameworks';
import { projectCounts } from '../../../db/queries/info';
import { getSegment, insertSegment, listSegments } from '../../../db/queries/segments';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { seedDefaultFramework } from '../../../electron/services/default-framework';
import { emptyProject } from '../helpers';

const TEXT = 'Interviewer: Ready?\nDCS: Café first 😀, then naïve budgets – pooled.';

function withDocument() {
  const { db } = emptyProject();
  const documentId = insertDocument(db, { name: 'Doc', ...parsePlainTranscript(TEXT), sourceName: 'doc.txt', sourceType: 'txt' });
  return { db, documentId };
}

const dataProblem = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).problem;
  }
  throw new Error('expected a DataError');
};

describe('documents', () => {
  it('stores the text, its code-point length, hash and paragraphs', () => {
    const { db, documentId } = withDocument();
    const doc = getDocument(db, documentId);
    expect(doc.text).toBe(TEXT);
    expect(doc.characters).toBe([...TEXT].length);
    expect(doc.contentHash).toBe(sha256(TEXT));
    expect(doc.paragraphs.map((p) => [p.n, p.speaker])).toEqual([
      [1, 'Interviewer'],
      [2, 'DCS'],
    ]);
    expect(listDocuments(db)).toMatchObject([{ id: documentId, name: 'Doc', paragraphs: 2, segments: 0 }]);
  });

  it('refuses a duplicate name (case-insensitively) and paragraphs outside the text', () => {
    const { db } = withDocument();
    expect(dataProblem(() => insertDocument(db, { name: 'doc', text: 'x', paragraphs: [], sourceName: null, sourceType: 'txt' }))).toBe(
      'conflict',
    );
    expect(
      dataProblem(() =>
        insertDocument(db, {
          name: 'Other',
          text: 'abc',
          paragraphs: [{ start: 0, end: 9, bodyStart: 0, speaker: null, timeMs: null }],
          sourceName: null,
          sourceType: 'txt',
        }),
      ),
    ).toBe('invalid');
    expect(listDocuments(db)).toHaveLength(1);
  });
});

describe('segments', () => {
  it('stores code-point offsets and reads back exactly the coded text, emoji included', () => {
    const { db, documentId } = withDocument();
    const coder = ensureCoder(db, 'A');
    const code = createCode(db, { parentId: null, name: 'Pooled budgets' });
    const from = [...TEXT].indexOf('😀');
    const id = insertSegment(db, { documentId, coderId: coder.id, start: from, end: from + 12, codeIds: [code, code], memo: 'why' });
    const [segment] = listSegments(db, { documentId });
    expect(segment).toMatchObject({
      id,
      start: from,
      end: from + 12,
      text: [...TEXT].slice(from, from + 12).join(''),
      memo: 'why',
      codeIds: [code],
    });
    expect(segment!.text.startsWith('😀, then naï')).toBe(true);
    const stored = db.prepare('SELECT text_hash FROM segments WHERE id = ?').get(id) as { text_hash: string };
    expect(stored.text_hash).toBe(sha256(segment!.text));
  });

  it('reads one segment (SQLite slicing) exactly as the list does (JavaScript slicing), and by each filter', () => {
    const { db, documentId } = withDocument();
    const [a, b] = [ensureCoder(db, 'A').id, ensureCoder(db, 'B').id];
    const code = createCode(db, { parentId: null, name: 'Café' });
    const points = [...TEXT];
    const spans = [points.indexOf('😀') - 6, points.indexOf('😀'), points.indexOf('–')].map((start) => ({ start, end: start + 9 }));
    const ids = spans.map((span, i) => insertSegment(db, { documentId, coderId: i ? b : a, ...span, codeIds: [code] }));
    const listed = listSegments(db);
    expect(ids.map((id) => getSegment(db, id))).toEqual(ids.map((id) => listed.find((s) => s.id === id)));
    expect(listed.map((s) => s.text)).toEqual(spans.map((s) => points.slice(s.start, s.end).join('')));
    expect(listSegments(db, { coderId: b }).map((s) => s.id)).toEqual(ids.slice(1));
    expect(listSegments(db, { documentId, coderId: a, withText: false })).toMatchObject([{ id: ids[0], text: '' }]);
    expect(listSegments(db, { documentId: documentId + 1 })).toEqual([]);
    expect(dataProblem(() => getSegment(db, 999))).toBe('not-found');
  });

  it('refuses ranges outside the text, empty ranges, missing or grouping codes, and writes nothing', () => {
    const { db, documentId } = withDocument();
    const coderId = ensureCoder(db, 'A').id;
    const group = createCode(db, { parentId: null, name: 'Group', codable: false });
    const leaf = createCode(db, { parentId: group, name: 'Leaf' });
    const length = [...TEXT].length;
    expect(dataProblem(() => insertSegment(db, { documentId, coderId, start: 0, end: length + 1, codeIds: [leaf] }))).toBe('invalid');
    expect(dataProblem(() => insertSegment(db, { documentId, coderId, start: 5, end: 5, codeIds: [leaf] }))).toBe('invalid');
    expect(dataProblem(() => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [] }))).toBe('invalid');
    expect(dataProblem(() => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [999] }))).toBe('not-found');
    expect(dataProblem(() => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [group] }))).toBe('invalid');
    expect(dataProblem(() => insertSegment(db, { documentId: 77, coderId, start: 0, end: 3, codeIds: [leaf] }))).toBe('not-found');
    expect(listSegments(db)).toHaveLength(0);
    expect(insertSegment(db, { documentId, coderId, start: 0, end: length, codeIds: [leaf] })).toBeGreaterThan(0);
  });
});

describe('codebook', () => {
  it('builds a tree with paths, own counts and distinct counts including children, per coder', () => {
    const { db, documentId } = withDocument();
    const a = ensureCoder(db, 'A').id;
    const b = ensureCoder(db, 'B').id;
    const themes = createCode(db, { parentId: null, name: 'Themes', codable: false });
    const duty = createCode(db, { parentId: themes, name: 'Duty to cooperate' });
    const cafe = createCode(db, { parentId: themes, name: 'CAF' });
    insertSegment(db, { documentId, coderId: a, start: 0, end: 5, codeIds: [duty, cafe] });
    insertSegment(db, { documentId, coderId: b, start: 3, end: 9, codeIds: [duty] });
    const [root] = codeTree(db);
    expect(root).toMatchObject({ name: 'Themes', path: 'Themes', segments: 0, segmentsWithChildren: 2, codable: false });
    expect(root!.children.map((c) => [c.path, c.segments, c.documents])).toEqual([
      ['Themes/Duty to cooperate', 2, 1],
      ['Themes/CAF', 1, 1],
    ]);
    const [forB] = codeTree(db, b);
    expect(forB!.segmentsWithChildren).toBe(1);
    expect(findCodeByPath(db, 'themes/duty TO cooperate')).toBe(duty);
  });

  it('refuses sibling duplicates and slashes in names, and picks distinct colours', () => {
    const { db } = emptyProject();
    const first = createCode(db, { parentId: null, name: 'Leadership' });
    expect(dataProblem(() => createCode(db, { parentId: null, name: 'leadership' }))).toBe('conflict');
    expect(dataProblem(() => createCode(db, { parentId: null, name: 'Health/Social care' }))).toBe('invalid');
    expect(dataProblem(() => createCode(db, { parentId: null, name: 'X', color: 'red' }))).toBe('invalid');
    const second = createCode(db, { parentId: first, name: 'Leadership' });
    const colors = codeTree(db).flatMap((n) => [n.color, ...n.children.map((c) => c.color)]);
    expect(second).toBeGreaterThan(first);
    expect(new Set(colors).size).toBe(2);
  });
});

describe('frameworks', () => {
  it('seeds the MGF: 3 × 3 cells and two layers, each a code reachable by reference', () => {
    const { db } = emptyProject();
    seedDefaultFramework(db);
    const [mgf] = listFrameworks(db);
    expect(mgf).toMatchObject({ name: 'MGF', rowLabel: 'Locus', columnLabel: 'Level', sliceLabel: 'Layer' });
    expect(mgf!.rows.map((r) => r.name)).toEqual(['System', 'Organizational', 'Individual']);
    expect(mgf!.columns.map((c) => c.name)).toEqual(['Constitutive', 'Directive', 'Operational']);
    expect(mgf!.slices.map((s) => s.name)).toEqual(['National', 'Local']);
    expect(mgf!.cells).toHaveLength(9);
    const cell = mgf!.cells.find((c) => c.rowId === mgf!.rows[1]!.id && c.columnId === mgf!.columns[2]!.id)!;
    expect(resolveCodeRef(db, 'MGF:Organizational/Operational')).toBe(cell.codeId);
    expect(resolveCodeRef(db, 'MGF:National')).toBe(mgf!.slices[0]!.codeId);
    expect(resolveCodeRef(db, 'MGF:Nowhere/Operational')).toBeUndefined();
    expect(findCodeByPath(db, 'MGF/System × Constitutive')).toBeDefined();
  });

  it('works the same for any researcher-defined rows × columns', () => {
    const { db } = emptyProject();
    createFramework(db, {
      name: 'Care',
      rowLabel: 'Actor',
      columnLabel: 'Phase',
      rows: [{ name: 'Family' }, { name: 'School' }],
      columns: [{ name: 'Before' }, { name: 'After' }],
    });
    const [care] = listFrameworks(db);
    expect(care!.cells).toHaveLength(4);
    expect(care!.slices).toEqual([]);
    expect(resolveCodeRef(db, 'Care:School/After')).toBeDefined();
    expect(
      dataProblem(() =>
        createFramework(db, { name: 'care', rowLabel: 'a', columnLabel: 'b', rows: [{ name: 'x' }], columns: [{ name: 'y' }] }),
      ),
    ).toBe('conflict');
    expect(
      dataProblem(() => createFramework(db, { name: 'Empty', rowLabel: 'a', columnLabel: 'b', rows: [], columns: [{ name: 'y' }] })),
    ).toBe('invalid');
  });
});

describe('cases, attributes, coders and counts', () => {
  it('links cases to documents with typed attribute values', () => {
    const { db, documentId } = withDocument();
    const caseId = ensureCase(db, 'County 1');
    expect(ensureCase(db, 'county 1')).toBe(caseId);
    linkCaseDocument(db, caseId, documentId);
    const type = ensureAttribute(db, 'Authority type', 'choice', ['London borough', 'Two-tier county']);
    const minutes = ensureAttribute(db, 'Minutes', 'number');
    const date = ensureAttribute(db, 'Date', 'date');
    setCaseAttribute(db, caseId, type, 'Two-tier county');
    setCaseAttribute(db, caseId, minutes, '45');
    expect(dataProblem(() => setCaseAttribute(db, caseId, type, 'Parish'))).toBe('invalid');
    expect(dataProblem(() => setCaseAttribute(db, caseId, minutes, 'forty'))).toBe('invalid');
    expect(dataProblem(() => setCaseAttribute(db, caseId, date, '21/06/2010'))).toBe('invalid');
    expect(listCases(db)).toEqual([
      expect.objectContaining({
        name: 'County 1',
        documentIds: [documentId],
        attributes: { 'Authority type': 'Two-tier county', Minutes: '45' },
      }),
    ]);
  });

  it('creates coders once with distinct colours, and counts everything', () => {
    const { db } = withDocument();
    const a = ensureCoder(db, 'A');
    expect(ensureCoder(db, ' a ').id).toBe(a.id);
    const b = ensureCoder(db, 'B');
    expect(b.color).not.toBe(a.color);
    expect(dataProblem(() => ensureCoder(db, '   '))).toBe('invalid');
    expect(listCoders(db).map((c) => c.name)).toEqual(['A', 'B']);
    seedDefaultFramework(db);
    expect(projectCounts(db)).toEqual({
      schemaVersion: LATEST_SCHEMA_VERSION,
      documents: 1,
      cases: 0,
      codes: 12,
      coders: 2,
      segments: 0,
      frameworks: ['MGF'],
    });
  });

  it('finds a coder by name case-insensitively beyond ASCII, and one coder with its own count', () => {
    const { db, documentId } = withDocument();
    const other = ensureCoder(db, 'A');
    const accented = ensureCoder(db, 'Élodie');
    expect(findCoder(db, ' éLODIE ')?.id).toBe(accented.id);
    expect(findCoder(db, 'Elodie')).toBeUndefined();
    const code = createCode(db, { parentId: null, name: 'Any' });
    insertSegment(db, { documentId, coderId: accented.id, start: 0, end: 5, codeIds: [code] });
    insertSegment(db, { documentId, coderId: other.id, start: 0, end: 5, codeIds: [code] });
    insertSegment(db, { documentId, coderId: other.id, start: 2, end: 9, codeIds: [code] });
    expect(listCoders(db).map((c) => getCoder(db, c.id))).toEqual(listCoders(db));
    expect(getCoder(db, accented.id).segments).toBe(1);
    expect(dataProblem(() => getCoder(db, 999))).toBe('not-found');
  });
});

describe('segment identity', () => {
  it('never moves a segment to another document or coder', () => {
    const { db, documentId } = withDocument();
    const a = ensureCoder(db, 'A').id;
    const b = ensureCoder(db, 'B').id;
    const code = createCode(db, { parentId: null, name: 'X' });
    const other = createCode(db, { parentId: null, name: 'Y' });
    const id = insertSegment(db, { documentId, coderId: a, start: 0, end: 4, codeIds: [code] });
    expect(() => db.prepare('UPDATE segments SET coder_id = ? WHERE id = ?').run(b, id)).toThrow(/keeps its document and coder/);
    expect(() =>
      db
        .prepare('INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)')
        .run(id, other, documentId, b),
    ).toThrow(/copy the document and coder/);
    db.prepare('UPDATE segments SET coder_id = coder_id, memo = ? WHERE id = ?').run('fine', id);
  });
});
