// A sheet of case attributes (CSV or XLSX): a header row, then one row per case; the first column names
// the case. New attributes get a type from their values; existing ones keep theirs and check each value.
import Papa from 'papaparse';
import type { Attribute, AttributeType } from '../../../db/queries/cases';
import { decodeText } from './decode';
import { FileProblem } from './file-problem';
import { readZip } from './zip';

export interface SheetColumn {
  name: string;
  type: AttributeType;
  choices: string[] | null;
}

export interface CaseSheet {
  columns: SheetColumn[];
  /** Case name → attribute values (by column name); empty cells are left out. */
  cases: { name: string; row: number; values: Record<string, string> }[];
}

const MAX_CHOICES = 12;
const isIsoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(v).toISOString().startsWith(v);

function csvRows(bytes: Uint8Array): string[][] {
  const parsed = Papa.parse<string[]>(decodeText(bytes).text, { skipEmptyLines: 'greedy' });
  const problem = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (problem) throw new FileProblem(`is not a readable CSV file: ${problem.message} (row ${(problem.row ?? 0) + 1})`);
  return parsed.data;
}

/** An Excel cell's value as text: dates as 2010-06-21, formulas as their result, rich text as its words. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return '';
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  readZip(bytes, [], 'Excel workbook (.xlsx)');
  // ExcelJS is large: load it only when a workbook arrives.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type (an ArrayBuffer); hand it exactly the file's bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new FileProblem(`could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map(cellText));
  });
  return rows;
}

export async function readSheetRows(format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length === 0) throw new FileProblem('is empty');
  const rows = format === 'csv' ? csvRows(bytes) : await xlsxRows(bytes);
  return rows.map((r) => r.map((cell) => cell.trim())).filter((r) => r.some((cell) => cell !== ''));
}

function inferColumn(name: string, values: string[]): SheetColumn {
  if (values.length > 0 && values.every((v) => Number.isFinite(Number(v)))) return { name, type: 'number', choices: null };
  if (values.length > 0 && values.every(isIsoDate)) return { name, type: 'date', choices: null };
  const distinct = [...new Set(values)];
  if (distinct.length > 0 && distinct.length <= MAX_CHOICES && distinct.length < values.length)
    return { name, type: 'choice', choices: distinct };
  return { name, type: 'text', choices: null };
}

function checkCell(column: SheetColumn, value: string, where: string): void {
  const bad = (expected: string) => new FileProblem(`has "${value}" in ${where}, where ${column.name} expects ${expected}`);
  if (column.type === 'number' && !Number.isFinite(Number(value))) throw bad('a number');
  if (column.type === 'date' && !isIsoDate(value)) throw bad('a date like 2010-06-21');
  if (column.type === 'boolean' && value !== 'true' && value !== 'false') throw bad('true or false');
}

/** More attribute columns than anyone keeps per case; past it a sheet is refused rather than planned. */
export const MAX_SHEET_COLUMNS = 1000;

/** Checks a sheet's rows against the project's attributes and works out the columns' types. */
export function planCaseSheet(rows: string[][], existing: Attribute[]): CaseSheet {
  const [header, ...body] = rows;
  if (!header || body.length === 0) throw new FileProblem('has no rows of cases under its header row');
  const names = header.slice(1);
  if (names.length > MAX_SHEET_COLUMNS)
    throw new FileProblem(
      `has ${names.length.toLocaleString('en')} attribute columns; Trellis takes at most ${MAX_SHEET_COLUMNS.toLocaleString('en')}`,
    );
  // Lower-cased lookups keep the checks linear in the number of columns (a sheet may be very wide).
  const firstColumn = new Map<string, number>();
  names.forEach((name, i) => {
    if (!name) throw new FileProblem(`has no name for column ${i + 2} in its header row`);
    if (firstColumn.has(name.toLowerCase())) throw new FileProblem(`has two columns named "${name}"`);
    firstColumn.set(name.toLowerCase(), i);
  });
  if (names.length === 0) throw new FileProblem('has no attribute columns: the first column names the case, the others are attributes');
  const seen = new Map<string, number>();
  const rowsOfCases = body.map((cells, i) => {
    const row = i + 2;
    const name = cells[0] ?? '';
    if (!name) throw new FileProblem(`has no case name in row ${row}`);
    const earlier = seen.get(name.toLowerCase());
    if (earlier) throw new FileProblem(`names the case "${name}" twice (rows ${earlier} and ${row})`);
    seen.set(name.toLowerCase(), row);
    return { name, row, cells: names.map((_, c) => cells[c + 1] ?? '') };
  });
  const known = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
  const columns = names.map((name, c) => {
    const attribute = known.get(name.toLowerCase());
    const values = rowsOfCases.map((r) => r.cells[c]!).filter((v) => v !== '');
    return attribute ? { name: attribute.name, type: attribute.type, choices: attribute.choices } : inferColumn(name, values);
  });
  const cases = rowsOfCases.map(({ name, row, cells }) => {
    const values: [string, string][] = [];
    cells.forEach((value, c) => {
      if (value === '') return;
      checkCell(columns[c]!, value, `row ${row}`);
      values.push([columns[c]!.name, value]);
    });
    return { name, row, values: Object.fromEntries(values) };
  });
  return { columns, cases };
}
