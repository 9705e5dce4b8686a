import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  attributeValueCount,
  createAttribute,
  createCase,
  deleteAttribute,
  deleteCase,
  listAttributes,
  listCases,
  renameCase,
  setCaseDocuments,
  setCaseValue,
  updateAttribute,
} from '../../../db/queries/cases';
import { setMemo } from '../../../db/queries/memos';
import { recordStep, undoLast } from '../../../db/undo';
import { exportCaseSheet } from '../../../electron/services/case-sheet-export';
import { applyCaseSheet } from '../../../electron/services/import/commit';
import { planCaseSheet, readSheetRows } from '../../../electron/services/import/case-sheet';
import { emptyProject } from '../helpers';
import { matrixFixture, type MatrixFixture } from '../matrix-fixture';

const step = <T>(f: MatrixFixture, change: () => T): T => f.db.transaction(() => recordStep(f.db, 'Cases', null, change))();
const undo = (f: MatrixFixture) => f.db.transaction(() => undoLast(f.db, null))();
/** Case name → attributes, and the attribute definitions: what the table shows. */
const table = (db: MatrixFixture['db']) => ({
  attributes: listAttributes(db).map(({ name, type, choices }) => ({ name, type, choices })),
  cases: Object.fromEntries(listCases(db).map((c) => [c.name, { ...c.attributes }])),
});

describe('the cases and attributes table', () => {
  it('checks each value against its attribute type, clears a blank one, and undoes an edit', () => {
    const f = matrixFixture();
    const minutes = step(f, () => createAttribute(f.db, 'Minutes', 'number', null));
    const date = step(f, () => createAttribute(f.db, 'Interview date', 'date', null));
    const borough = f.d1.caseId;
    step(f, () => setCaseValue(f.db, borough, minutes.id, ' 52.5 '));
    expect(listCases(f.db).find((c) => c.id === borough)!.attributes.Minutes).toBe('52.5');
    expect(() => setCaseValue(f.db, borough, minutes.id, 'about an hour')).toThrow(/expected a number/);
    expect(() => setCaseValue(f.db, borough, date.id, '21/06/2010')).toThrow(/expected a date/);
    expect(() => setCaseValue(f.db, borough, f.type.id, 'Unitary 😀')).toThrow(/expected one of London borough/);
    expect(() => setCaseValue(f.db, 9999, f.type.id, 'London borough')).toThrow(/no case with id 9999/);
    const before = table(f.db);
    step(f, () => setCaseValue(f.db, borough, f.type.id, 'Two-tier county'));
    step(f, () => setCaseValue(f.db, borough, minutes.id, '  '));
    expect(table(f.db).cases.Borough).toEqual({ 'Authority type': 'Two-tier county' });
    undo(f);
    undo(f);
    expect(table(f.db)).toEqual(before);
  });

  it('renames and retypes an attribute only where every value fits, saying how many do not', () => {
    const f = matrixFixture();
    const area = createAttribute(f.db, 'Area', 'text', null);
    setCaseValue(f.db, f.d1.caseId, area.id, '12');
    setCaseValue(f.db, f.d2.caseId, area.id, 'North 😀');
    expect(() => updateAttribute(f.db, area.id, { type: 'number' })).toThrow(/1 value does not fit \(such as "North 😀"\)/);
    expect(() => updateAttribute(f.db, area.id, { name: 'AUTHORITY TYPE' })).toThrow(/already a case attribute/);
    // Made a choice without a list: the values in use become the choices.
    step(f, () => updateAttribute(f.db, area.id, { name: 'Region', type: 'choice' }));
    expect(listAttributes(f.db).find((a) => a.id === area.id)).toMatchObject({
      name: 'Region',
      type: 'choice',
      choices: ['12', 'North 😀'],
    });
    expect(() => updateAttribute(f.db, area.id, { choices: ['12'] })).toThrow(/1 value does not fit/);
    undo(f);
    expect(listAttributes(f.db).find((a) => a.id === area.id)).toMatchObject({ name: 'Area', type: 'text', choices: null });
    setCaseValue(f.db, f.d2.caseId, area.id, '7');
    updateAttribute(f.db, area.id, { type: 'number' });
    expect(listAttributes(f.db).find((a) => a.id === area.id)!.type).toBe('number');
  });

  it('deletes an attribute with the count of values lost, and undo brings every value back', () => {
    const f = matrixFixture();
    const before = table(f.db);
    // The fixture gives both cases an Authority type.
    expect(attributeValueCount(f.db, f.type.id)).toBe(2);
    step(f, () => deleteAttribute(f.db, f.type.id));
    expect(table(f.db)).toEqual({ attributes: [], cases: { Borough: {}, District: {} } });
    undo(f);
    expect(table(f.db)).toEqual(before);
  });

  it('adds, renames, links and deletes cases, each undoable (a deleted case takes its memo and links)', () => {
    const f = matrixFixture();
    const id = step(f, () => createCase(f.db, 'Shire 😀'));
    expect(() => createCase(f.db, 'shire 😀')).toThrow(/already a case/);
    step(f, () => setCaseDocuments(f.db, id, [f.d2.id, f.d1.id]));
    expect(
      listCases(f.db)
        .find((c) => c.id === id)!
        .documentIds.sort(),
    ).toEqual([f.d1.id, f.d2.id].sort());
    expect(() => renameCase(f.db, id, 'BOROUGH')).toThrow(/already a case/);
    step(f, () => renameCase(f.db, id, 'Shire'));
    step(f, () => setMemo(f.db, { kind: 'case', id }, 'Two documents, one county.', null));
    const linked = listCases(f.db);
    step(f, () => deleteCase(f.db, id));
    expect(listCases(f.db).map((c) => c.name)).toEqual(['Borough', 'District']);
    undo(f);
    expect(listCases(f.db)).toEqual(linked);
    step(f, () => setCaseDocuments(f.db, id, []));
    expect(listCases(f.db).find((c) => c.id === id)!.documentIds).toEqual([]);
    undo(f);
    expect(listCases(f.db)).toEqual(linked);
  });
});

describe('the case sheet export', () => {
  /** The fixture with a number, a date and a text value that a spreadsheet would take for a formula. */
  function filled() {
    const f = matrixFixture();
    const minutes = createAttribute(f.db, 'Minutes', 'number', null);
    const date = createAttribute(f.db, 'Interview date', 'date', null);
    const note = createAttribute(f.db, 'Note', 'text', null);
    setCaseValue(f.db, f.d1.caseId, minutes.id, '-5.5');
    setCaseValue(f.db, f.d2.caseId, minutes.id, '61');
    setCaseValue(f.db, f.d1.caseId, date.id, '2010-06-21');
    setCaseValue(f.db, f.d2.caseId, note.id, 'Café, "quoted" 😀');
    return f;
  }
  const EXPECTED_ROWS = [
    ['Case', 'Authority type', 'Minutes', 'Interview date', 'Note'],
    ['Borough', 'London borough', '-5.5', '2010-06-21', ''],
    ['District', 'Metropolitan district', '61', '', 'Café, "quoted" 😀'],
  ];

  it.each(['csv', 'xlsx'] as const)('as %s is read back by the import into the same table, in a new project too', async (format) => {
    const f = filled();
    const file = await exportCaseSheet(f.db, format);
    expect(file.fileName).toBe(`Cases and attributes.${format}`);
    const rows = await readSheetRows(format, new Uint8Array(file.data));
    // A workbook's rows end at their last filled cell, with holes for empty ones; the import reads those as empty.
    expect(rows.map((r) => EXPECTED_ROWS[0]!.map((_, i) => r[i] ?? ''))).toEqual(EXPECTED_ROWS);
    // Into the same project: nothing changes.
    const before = table(f.db);
    applyCaseSheet(f.db, planCaseSheet(rows, listAttributes(f.db)));
    expect(table(f.db)).toEqual(before);
    // Into an empty project: the same cases and values (types are inferred there).
    const fresh = emptyProject().db;
    applyCaseSheet(fresh, planCaseSheet(rows, []));
    expect(table(fresh).cases).toEqual(before.cases);
    expect(table(fresh).attributes.find((a) => a.name === 'Minutes')!.type).toBe('number');
  });

  it('as CSV is read by papaparse, and as XLSX by ExcelJS with numbers as numbers', async () => {
    const f = filled();
    const csv = (await exportCaseSheet(f.db, 'csv')).data.toString('utf8');
    expect(Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data).toEqual(EXPECTED_ROWS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportCaseSheet(f.db, 'xlsx')).data.slice().buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPECTED_ROWS[0]!]);
    expect(sheet.getCell('C2').value).toBe(-5.5);
    expect(sheet.getCell('C3').value).toBe(61);
    expect(sheet.getCell('E3').value).toBe('Café, "quoted" 😀');
  });
});
