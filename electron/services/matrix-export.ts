// The matrix as a file: CSV (one line per cell), XLSX (the grid, and the same lines), DOCX (a table in the
// style of a study's "Table 2": themes in the cells). PNG is drawn by the renderer. The lines are data and
// always carry every theme; the grids follow the view on screen (the summary view's top themes per cell)
// and say so, with the count of themes left out in each cell.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  COOCCURRENCE_RULES,
  exportFileBase,
  MODE_LABELS,
  moreThemes,
  THEME_RULE,
  themeLevelLabel,
  themeLevelRule,
  themeLimitRule,
} from '../../shared/matrix-rule';
import type { ExportedFile } from './exported-file';
import type { Matrix, MatrixCell } from './matrix';
import { sheetRow } from './sheet-cells';

export type ExportFormat = 'csv' | 'xlsx' | 'docx';

export interface ExportOptions {
  /** Themes per cell in the grids (the lines carry all); 0 for all. */
  themeLimit: number;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function cellThemes(matrix: Matrix, cell: MatrixCell, themeLimit = 0) {
  const themes = new Map(matrix.themes.map((t) => [t.id, t]));
  const list = themeLimit > 0 ? cell.themes.slice(0, themeLimit) : cell.themes;
  return list.map((t) => ({ ...themes.get(t.codeId)!, segments: t.segments }));
}

/** Cells come row by row. */
const cellAt = (matrix: Matrix, row: number, column: number) => matrix.cells[row * matrix.columns.length + column]!;
const nameOf = (items: { key: string; name: string }[], key: string) => items.find((i) => i.key === key)!.name;

/** One line per cell: its row, column, counts and every theme ("path (n); …"); names that look like formulas neutralised. */
function lines(matrix: Matrix): (string | number | null)[][] {
  return [
    [
      matrix.rowLabel,
      matrix.columnLabel,
      'Segments',
      'Documents',
      'Cases',
      ...(matrix.showsThemes ? [`${matrix.themeLevel === null ? 'Themes' : themeLevelLabel(matrix.themeLevel)} (segments)`] : []),
    ],
    ...matrix.cells.map((c) => [
      nameOf(matrix.rows, c.row),
      nameOf(matrix.columns, c.column),
      c.segments,
      c.documents,
      c.cases,
      ...(matrix.showsThemes
        ? [
            cellThemes(matrix, c)
              .map((t) => `${t.path} (${t.segments})`)
              .join('; '),
          ]
        : []),
    ]),
  ].map(sheetRow);
}

/** What a cell says in a grid: its themes (those the view shows, then how many it leaves out), or (without themes) its counts. */
function cellText(matrix: Matrix, cell: MatrixCell, options: ExportOptions): string[] {
  if (!matrix.showsThemes) return cell.segments ? [`${cell.segments} segments`, `${cell.documents} documents`] : [];
  const shown = cellThemes(matrix, cell, options.themeLimit).map((t) => `${t.name} (${t.segments})`);
  const hidden = cell.themes.length - shown.length;
  return hidden > 0 ? [...shown, moreThemes(hidden)] : shown;
}

/** The title, with the theme level when themes are rolled up. */
const titleOf = (matrix: Matrix) =>
  matrix.showsThemes && matrix.themeLevel !== null ? `${matrix.title} — ${themeLevelLabel(matrix.themeLevel).toLowerCase()}` : matrix.title;

function describe(matrix: Matrix, options: ExportOptions): string {
  const scope = `${matrix.documents} documents in scope; numbers in brackets are segments.`;
  return matrix.showsThemes
    ? [COOCCURRENCE_RULES[matrix.mode], THEME_RULE, themeLevelRule(matrix.themeLevel), themeLimitRule(options.themeLimit), scope]
        .filter(Boolean)
        .join(' ')
    : `Co-occurrence: ${MODE_LABELS[matrix.mode]}. ${scope}`;
}

async function xlsx(matrix: Matrix, options: ExportOptions): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Trellis';
  const grid = book.addWorksheet('Matrix');
  grid.addRow(sheetRow([titleOf(matrix)])).font = { bold: true, size: 13 };
  grid.addRow([]);
  const header = grid.addRow(sheetRow([`${matrix.rowLabel} \\ ${matrix.columnLabel}`, ...matrix.columns.map((c) => c.name)]));
  header.font = { bold: true };
  const most = Math.max(1, ...matrix.cells.map((c) => c.segments));
  matrix.rows.forEach((row, r) => {
    const added = grid.addRow(
      sheetRow([row.name, ...matrix.columns.map((_, c) => cellText(matrix, cellAt(matrix, r, c), options).join('\n'))]),
    );
    added.getCell(1).font = { bold: true };
    matrix.columns.forEach((_, c) => {
      const cell = cellAt(matrix, r, c);
      const target = added.getCell(c + 2);
      target.alignment = { wrapText: true, vertical: 'top' };
      // A light heat fill by segments, as on screen.
      const shade = Math.round(255 - (cell.segments / most) * 90);
      if (cell.segments > 0)
        target.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${shade.toString(16).padStart(2, '0').repeat(2).toUpperCase()}FF` },
        };
      target.note = `${cell.segments} segments, ${cell.documents} documents, ${cell.cases} cases`;
    });
  });
  grid.columns.forEach((c, i) => (c.width = i === 0 ? 18 : 34));
  grid.addRow([]);
  grid.addRow([describe(matrix, options)]).font = { italic: true, size: 9 };
  const cells = book.addWorksheet('Cells');
  for (const line of lines(matrix)) cells.addRow(line);
  cells.getRow(1).font = { bold: true };
  cells.columns.forEach((c, i) => (c.width = i < 2 ? 18 : i < 5 ? 11 : 80));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A table cell in Word: its themes, then the cell's own figures (the sheet keeps them in a note). */
function docxCellText(matrix: Matrix, cell: MatrixCell, options: ExportOptions): string[] {
  const texts = cellText(matrix, cell, options);
  return matrix.showsThemes && cell.segments > 0 ? [...texts, `${cell.segments} segments · ${cell.documents} documents`] : texts;
}

async function docx(matrix: Matrix, options: ExportOptions): Promise<Buffer> {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const width = Math.floor(100 / (matrix.columns.length + 1));
  const cell = (texts: string[], bold = false) =>
    new TableCell({
      borders,
      width: { size: width, type: WidthType.PERCENTAGE },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: (texts.length ? texts : ['']).map(
        (t) => new Paragraph({ spacing: { before: 0, after: 40 }, children: [new TextRun({ text: t, bold, size: 20 })] }),
      ),
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell(['']), ...matrix.columns.map((c) => cell([c.name], true))] }),
      ...matrix.rows.map(
        (row, r) =>
          new TableRow({
            children: [cell([row.name], true), ...matrix.columns.map((_, c) => cell(docxCellText(matrix, cellAt(matrix, r, c), options)))],
          }),
      ),
    ],
  });
  const document = new Document({
    creator: 'Trellis',
    title: titleOf(matrix),
    sections: [
      {
        children: [
          new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `Table: ${titleOf(matrix)}`, italics: true })] }),
          table,
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 120 },
            children: [new TextRun({ text: describe(matrix, options), size: 16, color: '555555' })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function exportMatrix(matrix: Matrix, format: ExportFormat, options: ExportOptions): Promise<ExportedFile> {
  const data =
    format === 'csv'
      ? Buffer.from(`\uFEFF${Papa.unparse(lines(matrix))}\r\n`, 'utf8')
      : format === 'xlsx'
        ? await xlsx(matrix, options)
        : await docx(matrix, options);
  return { fileName: `${exportFileBase(matrix.title)}.${format}`, mimeType: MIME[format], data };
}
