// The cases and their attributes as a sheet in the format "Case attributes…" imports (see
// import/case-sheet.ts): a header row (Case, then one column per attribute), then one row per case.
// Numbers go out as numbers, so a spreadsheet sums them; text passes through sheetText (no formulas).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { listAttributes, listCases } from '../../db/queries/cases';
import type { Db } from '../../db/project-file';
import type { ExportedFile } from './exported-file';
import { sheetRow } from './sheet-cells';

export type CaseSheetFormat = 'csv' | 'xlsx';

const MIME: Record<CaseSheetFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function caseRows(db: Db): (string | number | null)[][] {
  const attributes = listAttributes(db);
  const rows = listCases(db).map((c) => [
    c.name,
    ...attributes.map((a) => {
      const value = c.attributes[a.name];
      return value === undefined ? null : a.type === 'number' ? Number(value) : value;
    }),
  ]);
  return [['Case', ...attributes.map((a) => a.name)], ...rows].map(sheetRow);
}

export async function exportCaseSheet(db: Db, format: CaseSheetFormat): Promise<ExportedFile> {
  const rows = caseRows(db);
  let data: Buffer;
  if (format === 'csv') {
    data = Buffer.from(`\uFEFF${Papa.unparse(rows.map((r) => r.map((c) => c ?? '')))}\r\n`, 'utf8');
  } else {
    const book = new ExcelJS.Workbook();
    book.creator = 'Trellis';
    const sheet = book.addWorksheet('Cases');
    for (const row of rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 18));
    data = Buffer.from(await book.xlsx.writeBuffer());
  }
  return { fileName: `Cases and attributes.${format}`, mimeType: MIME[format], data };
}
