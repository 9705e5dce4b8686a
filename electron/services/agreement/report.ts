// The agreement report as a file a methods reviewer can check: the settings used, the counts and every
// coefficient per code × document, per code, overall and per group, and what each statistic is (formula,
// unit, caveats, reference, from shared/agreement-explain). DOCX for reading (figures to three decimals),
// CSV for re-analysis (unrounded), in blocks separated by an empty line.
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import Papa from 'papaparse';
import { MISSING_DATA, STATISTICS, type Statistic, type StatisticKey, UNDEFINED, UNITS } from '../../../shared/agreement-explain';
import { exportFileBase } from '../../../shared/matrix-rule';
import type { ExportedFile } from '../exported-file';
import { sheetRow } from '../sheet-cells';
import type { Agreement, AgreementRow, AgreementSpec } from './compute';

export const REPORT_FORMATS = ['docx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MIME: Record<ReportFormat, string> = {
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const UNIT_NAMES = { character: 'Characters (code points)', paragraph: 'Speaker turns (paragraphs)', document: 'Whole documents' };

type Cell = string | number | null;

interface Column {
  header: string;
  value: (row: AgreementRow) => Cell;
  /** A coefficient: rounded in the DOCX, "undefined" when null. */
  coefficient: boolean;
}

/** The row columns this result has: the counts and kappa only for two coders, Fleiss and |uα where computed. */
function rowColumns(a: Agreement): Column[] {
  const [first, second] = a.coders;
  const o = a.overall;
  const count = (header: string, value: (r: AgreementRow) => number | undefined): Column => ({
    header,
    value: (r) => value(r) ?? null,
    coefficient: false,
  });
  const coefficient = (key: StatisticKey, header: string): Column => ({
    header,
    value: (r) => (r[key as keyof AgreementRow] as number | null | undefined) ?? null,
    coefficient: true,
  });
  return [
    count('Units', (r) => r.units),
    ...(o.both === undefined
      ? []
      : [
          count('Both', (r) => r.both),
          count(`Only ${first}`, (r) => r.onlyA),
          count(`Only ${second}`, (r) => r.onlyB),
          count('Neither', (r) => r.neither),
        ]),
    coefficient('percent', 'Percent agreement'),
    ...(o.kappa === undefined ? [] : [coefficient('kappa', "Cohen's kappa")]),
    coefficient('alpha', "Krippendorff's alpha"),
    ...(o.fleiss === undefined ? [] : [coefficient('fleiss', "Fleiss' kappa")]),
    ...(o.uAlphaBinary === undefined ? [] : [coefficient('uAlphaBinary', '|uα')]),
  ];
}

/** The statistics this report shows, in the order of shared/agreement-explain. */
function statisticsOf(a: Agreement): Statistic[] {
  const shown = new Set<StatisticKey>(['percent', 'alpha']);
  if (a.overall.kappa !== undefined) shown.add('kappa');
  if (a.overall.fleiss !== undefined) shown.add('fleiss');
  if (a.overall.uAlphaBinary !== undefined || a.groups.length) shown.add('uAlphaBinary');
  if (a.groups.length) (['uAlpha', 'cuAlpha'] as const).forEach((k) => shown.add(k));
  return STATISTICS.filter((s) => shown.has(s.key));
}

export interface ReportInput {
  spec: AgreementSpec;
  result: Agreement;
  /** When the report was made. */
  date: Date;
}

/** The settings used, as label and value: what was asked for, and what that came to. */
function settings({ spec, result, date }: ReportInput): [string, string][] {
  const compared = [...new Set(result.rows.map((r) => r.document!))];
  return [
    ['Coders', result.coders.join(', ')],
    ['Unit', `${UNIT_NAMES[result.unit]}. ${UNITS[result.unit]}`],
    ['Codes', spec.codes ? spec.codes.join('; ') : `Every code the chosen coders applied (${result.codes.length})`],
    ['Documents', spec.documents ? spec.documents.join('; ') : 'Every document'],
    ['Documents compared', compared.length ? compared.join('; ') : 'none'],
    ['Date', date.toISOString()],
  ];
}

const GROUP_COLUMNS = ['Group', 'uα', '|uα', 'cuα (experimental)'] as const;

// —— CSV ——

function csv(input: ReportInput): Buffer {
  const { result } = input;
  const columns = rowColumns(result);
  const row = (level: string, r: AgreementRow): Cell[] => [
    level,
    r.code ?? '',
    r.document ?? '',
    ...columns.map((c) => c.value(r)),
    r.reason ?? '',
  ];
  const lines: Cell[][] = [
    ['Setting', 'Value'],
    ...settings(input),
    [],
    ['Level', 'Code', 'Document', ...columns.map((c) => c.header), 'Why undefined'],
    ...result.rows.map((r) => row('code × document', r)),
    ...result.codes.map((r) => row('code', r)),
    row('overall', result.overall),
    ...(result.groups.length
      ? [
          [],
          [...GROUP_COLUMNS, 'Why undefined'],
          ...result.groups.map((g) => [g.group, g.uAlpha, g.uAlphaBinary, g.cuAlpha, g.reason ?? '']),
        ]
      : []),
    [],
    ['Statistic', 'Formula', 'Caveats', 'Reference'],
    ...statisticsOf(result).map((s) => [s.experimental ? `${s.name} (experimental)` : s.name, s.formula, s.caveats, s.reference]),
    [],
    ['Note', 'Text'],
    ['Missing data', MISSING_DATA],
    ['Undefined coefficients', UNDEFINED],
  ];
  return Buffer.from(`\uFEFF${Papa.unparse(lines.map(sheetRow), { newline: '\r\n' })}\r\n`, 'utf8');
}

// —— DOCX ——

const figure = (value: Cell, coefficient: boolean): string =>
  value === null ? (coefficient ? 'undefined' : '') : typeof value === 'number' && coefficient ? value.toFixed(3) : String(value);

function table(header: string[], body: string[][]): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      borders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...body.map((cells) => new TableRow({ children: cells.map((c) => cell(c, false)) })),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(text)] });
const text = (t: string) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun(t)] });

async function docx(input: ReportInput): Promise<Buffer> {
  const { result } = input;
  const columns = rowColumns(result);
  const rowTable = (rows: AgreementRow[], withCode: boolean, withDocument: boolean) =>
    table(
      [...(withCode ? ['Code'] : []), ...(withDocument ? ['Document'] : []), ...columns.map((c) => c.header), 'Why undefined'],
      rows.map((r) => [
        ...(withCode ? [r.code ?? ''] : []),
        ...(withDocument ? [r.document ?? ''] : []),
        ...columns.map((c) => figure(c.value(r), c.coefficient)),
        r.reason ?? '',
      ]),
    );
  const statistics = statisticsOf(result);
  const document = new Document({
    creator: 'Trellis',
    title: `Inter-coder agreement: ${result.coders.join(', ')}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Inter-coder agreement: ${result.coders.join(', ')}`)] }),
          heading('Settings'),
          table(['Setting', 'Value'], settings(input)),
          text('Coefficients are rounded to three decimals here; the CSV report has them unrounded.'),
          heading('Overall'),
          rowTable([result.overall], false, false),
          heading('Per code, pooled over documents'),
          rowTable(result.codes, true, false),
          heading('Per code × document'),
          rowTable(result.rows, true, true),
          ...(result.groups.length
            ? [
                heading('Groups of mutually exclusive codes (unitizing)'),
                table(
                  [...GROUP_COLUMNS, 'Why undefined'],
                  result.groups.map((g) => [
                    g.group,
                    figure(g.uAlpha, true),
                    figure(g.uAlphaBinary, true),
                    figure(g.cuAlpha, true),
                    g.reason ?? '',
                  ]),
                ),
              ]
            : []),
          heading('The statistics'),
          ...statistics.flatMap((s) => [
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              children: [new TextRun(s.experimental ? `${s.name} (experimental)` : s.name)],
            }),
            text(`Formula: ${s.formula}`),
            text(`Caveats: ${s.caveats}`),
          ]),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Missing data and undefined coefficients')] }),
          text(MISSING_DATA),
          text(UNDEFINED),
          heading('References'),
          ...[...new Set(statistics.map((s) => s.reference))].sort().map(text),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function exportAgreementReport(input: ReportInput, format: ReportFormat): Promise<ExportedFile> {
  const base = exportFileBase(`Agreement ${input.result.coders.join(' ')} by ${input.result.unit}`, 'agreement');
  return { fileName: `${base}.${format}`, mimeType: MIME[format], data: format === 'csv' ? csv(input) : await docx(input) };
}
