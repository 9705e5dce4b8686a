// Cited excerpts as files: DOCX (a Word heading per group, each excerpt in the Quote style with its
// citation, an optional table of contents and page numbers), Markdown and a self-contained HTML page
// (blockquotes with the citation), CSV and XLSX (one row per excerpt, the columns below).
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from 'docx';
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { renderCitation } from '../../shared/citation';
import { groupRuns } from '../../shared/excerpt-groups';
import { exportFileBase } from '../../shared/matrix-rule';
import type { Excerpt } from './excerpts';
import type { ExportedFile } from './exported-file';
import type { JobProgress } from './jobs/registry';
import { sheetRow } from './sheet-cells';

export const EXCERPT_FORMATS = ['docx', 'md', 'html', 'csv', 'xlsx'] as const;
export type ExcerptFormat = (typeof EXCERPT_FORMATS)[number];

/** The CSV and XLSX columns, in order; one column per case attribute follows. */
export const EXCERPT_COLUMNS = [
  'document',
  'case',
  'start',
  'end',
  'paragraph_start',
  'paragraph_end',
  'speaker',
  'time',
  'coder',
  'codes',
  'memo',
  'text',
  'citation',
] as const;

export interface ExcerptReport {
  title: string;
  /** What was selected, in words, under the title. */
  description: string;
  /** In order; grouped ones carry their group, and an excerpt in two groups comes twice. */
  excerpts: Excerpt[];
  /** Every case attribute's name, in the project's order. */
  attributes: string[];
  template: string;
  toc: boolean;
  pageNumbers: boolean;
  /** Longest excerpt text in code points; longer ones are cut at a word boundary with an ellipsis. */
  maxLength: number | null;
}

const MIME: Record<ExcerptFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  html: 'text/html',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The text exactly as coded, or cut on a word boundary to at most `max` code points and an ellipsis. */
export function clipText(text: string, max: number | null): string {
  const points = [...text];
  if (max === null || points.length <= max) return text;
  const cut = points.slice(0, max).join('');
  const atWordEnd = /\s/.test(points[max]!);
  const lastSpace = cut.search(/\s\S*$/);
  return `${(atWordEnd || lastSpace <= 0 ? cut : cut.slice(0, lastSpace)).trimEnd()}…`;
}

/** One record per excerpt (its first group when it is listed under several): the CSV, XLSX and --json contract. */
export function excerptRecords(report: Pick<ExcerptReport, 'excerpts' | 'template' | 'maxLength'>) {
  const seen = new Set<number>();
  return report.excerpts
    .filter((x) => !seen.has(x.segmentId) && seen.add(x.segmentId))
    .map((x) => ({
      document: x.document,
      case: x.case,
      start: x.start,
      end: x.end,
      paragraph_start: x.paragraphStart,
      paragraph_end: x.paragraphEnd,
      speaker: x.speaker,
      time: x.time,
      coder: x.coder,
      codes: x.codes.map((c) => c.ref),
      memo: x.memo,
      text: clipText(x.text, report.maxLength),
      citation: renderCitation(report.template, x),
      attributes: x.attributes,
    }));
}

/** Counts the excerpts written, for a progress report. */
type Tick = () => void;

function tableRows(report: ExcerptReport, tick: Tick): (string | number | null)[][] {
  return [
    [...EXCERPT_COLUMNS, ...report.attributes],
    ...excerptRecords(report).map((r) => {
      tick();
      return [
        ...EXCERPT_COLUMNS.map((c) => (c === 'codes' ? r.codes.join('; ') : r[c])),
        ...report.attributes.map((a) => r.attributes[a] ?? null),
      ];
    }),
  ].map(sheetRow);
}

async function docx(report: ExcerptReport, tick: Tick, packing: () => void): Promise<Buffer> {
  const parts = groupRuns(report.excerpts);
  const headed = parts.some((g) => g.label !== null);
  const children: ISectionOptions['children'][number][] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ style: 'Description', children: [new TextRun(report.description)] }),
  ];
  if (report.toc && headed) children.push(new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }));
  for (const g of parts) {
    if (g.label !== null) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(g.label)] }));
    for (const x of g.items) {
      // A passage over several paragraphs keeps them: one Quote paragraph per line.
      for (const line of clipText(x.text, report.maxLength).split('\n')) {
        children.push(new Paragraph({ style: 'Quote', children: [new TextRun(line)] }));
      }
      children.push(new Paragraph({ style: 'QuoteCitation', children: [new TextRun(renderCitation(report.template, x))] }));
      // The coding's memo goes with its excerpt, under the citation.
      memoLines(x.memo).forEach((line, i) =>
        children.push(
          new Paragraph({ style: 'QuoteMemo', children: [...(i ? [] : [new TextRun({ text: 'Memo: ', bold: true })]), new TextRun(line)] }),
        ),
      );
      tick();
    }
  }
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })],
  });
  const document = new Document({
    creator: 'Trellis',
    title: report.title,
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 0, after: 60 } },
        },
        {
          id: 'QuoteCitation',
          name: 'Quote Citation',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 18, color: '555555' },
          paragraph: { indent: { left: 720, right: 720 }, alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 240 } },
        },
        {
          id: 'QuoteMemo',
          name: 'Quote Memo',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20 },
          paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 0, after: 200 } },
        },
        {
          id: 'Description',
          name: 'Description',
          basedOn: 'Normal',
          run: { size: 18, color: '555555' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    sections: [{ ...(report.pageNumbers ? { footers: { default: footer } } : {}), children }],
  });
  packing();
  return Packer.toBuffer(document);
}

/** A coding memo's lines, blank ones left out (none for no memo). */
const memoLines = (memo: string) => memo.split('\n').filter((l) => l.trim());

/** Backslash-escapes what Markdown would read as syntax, so a reader shows the text as written. */
export function markdownText(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~#&!]/g, '\\$&')
    .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

function markdown(report: ExcerptReport, tick: Tick): string {
  const out = [`# ${markdownText(report.title)}`, '', markdownText(report.description), ''];
  for (const g of groupRuns(report.excerpts)) {
    if (g.label !== null) out.push(`## ${markdownText(g.label)}`, '');
    for (const x of g.items) {
      const lines = clipText(x.text, report.maxLength).split('\n');
      // A blank quoted line between lines keeps them apart as paragraphs.
      out.push(...lines.flatMap((l, i) => (i ? ['>', `> ${markdownText(l)}`] : [`> ${markdownText(l)}`])));
      out.push('>', `> — ${markdownText(renderCitation(report.template, x))}`, '');
      memoLines(x.memo).forEach((line, i) => out.push(`${i ? '' : '**Memo:** '}${markdownText(line)}`, ''));
      tick();
    }
  }
  return out.join('\n');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const HTML_STYLE = `body{font:16px/1.55 Georgia,'Times New Roman',serif;max-width:46em;margin:2.5em auto;padding:0 1.2em;color:#1f2328}
h1{font-size:1.7em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.description{color:#57606a;font-size:.9em}nav ol{padding-left:1.2em}
blockquote{margin:1.1em 0 1.1em 1.5em;padding-left:1em;border-left:3px solid #8c959f}
blockquote .text{white-space:pre-wrap;font-style:italic;margin:0}
blockquote footer{text-align:right;color:#57606a;font-size:.85em;margin-top:.3em}
blockquote .memo{white-space:pre-wrap;font-size:.9em;margin:.4em 0 0}`;

function html(report: ExcerptReport, tick: Tick): string {
  const parts = groupRuns(report.excerpts);
  const headed = parts.filter((g) => g.label !== null);
  const body = parts.map((g, i) => {
    const quotes = g.items.map((x) => {
      tick();
      return (
        `<blockquote><p class="text">${escapeHtml(clipText(x.text, report.maxLength))}</p>` +
        `<footer><cite>${escapeHtml(renderCitation(report.template, x))}</cite></footer>` +
        (x.memo.trim() ? `<p class="memo"><b>Memo:</b> ${escapeHtml(x.memo.trim())}</p>` : '') +
        '</blockquote>'
      );
    });
    return g.label === null
      ? quotes.join('\n')
      : `<section><h2 id="group-${i + 1}">${escapeHtml(g.label)}</h2>\n${quotes.join('\n')}</section>`;
  });
  const toc =
    report.toc && headed.length
      ? `<nav><h2>Contents</h2><ol>${parts
          .map((g, i) => (g.label === null ? '' : `<li><a href="#group-${i + 1}">${escapeHtml(g.label)}</a></li>`))
          .join('')}</ol></nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><meta name="generator" content="Trellis"/><title>${escapeHtml(report.title)}</title>
<style>${HTML_STYLE}</style></head>
<body><h1>${escapeHtml(report.title)}</h1><p class="description">${escapeHtml(report.description)}</p>
${toc}
${body.join('\n')}
</body></html>
`;
}

/** Written row by row with ExcelJS's streaming writer and inline strings: 10,000 rows in well under the 3 s a workbook in memory took. */
async function xlsx(report: ExcerptReport, tick: Tick): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  book.creator = 'Trellis';
  const wide: Record<string, number> = { document: 24, case: 18, codes: 36, memo: 30, text: 80, citation: 36 };
  const sheet = book.addWorksheet('Excerpts', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...EXCERPT_COLUMNS, ...report.attributes].map((c) => ({
    width: wide[c] ?? 12,
    ...(c === 'text' ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}),
  }));
  const [header, ...rows] = tableRows(report, tick);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** Writes the report; `progress` hears each excerpt written (DOCX: then "packing" the document, one step). */
export async function exportExcerpts(
  report: ExcerptReport,
  format: ExcerptFormat,
  progress: (p: JobProgress) => void = () => {},
): Promise<ExportedFile> {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  // The table formats write each passage once, however many groups list it.
  const total = format === 'csv' || format === 'xlsx' ? new Set(report.excerpts.map((x) => x.segmentId)).size : report.excerpts.length;
  let done = 0;
  const tick = () => progress({ done: ++done, total, phase: 'writing' });
  const data =
    format === 'docx'
      ? await docx(report, tick, () => progress({ done, total, phase: 'packing' }))
      : format === 'xlsx'
        ? await xlsx(report, tick)
        : format === 'csv'
          ? utf8(`\uFEFF${Papa.unparse(tableRows(report, tick))}\r\n`)
          : utf8(format === 'md' ? markdown(report, tick) : html(report, tick));
  return { fileName: `${exportFileBase(report.title)}.${format}`, mimeType: MIME[format], data };
}
