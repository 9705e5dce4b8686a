// Every written memo leaves the project as a DOCX or Markdown document for the write-up: grouped by kind,
// each under its object (the document, the code's path, the case, the coded passage with its citation),
// with its author and date.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { excerptDetails } from '../../db/queries/excerpts';
import { listMemos, type MemoEntry, type MemoFilter } from '../../db/queries/memos';
import { getMeta } from '../../db/queries/meta';
import type { Db } from '../../db/project-file';
import { renderCitation } from '../../shared/citation';
import { exportFileBase } from '../../shared/matrix-rule';
import { markdownText } from './excerpt-export';
import { citationTemplate, codeIndex, describeExcerpts } from './excerpts';
import type { ExportedFile } from './exported-file';

export type MemoFormat = 'docx' | 'md';

/** One memo as the export writes it. */
export interface MemoRecord {
  kind: MemoEntry['kind'];
  /** The heading it goes under: the document's or case's name, the code's path, the coded document and paragraphs. */
  object: string;
  /** For a coding memo: the coded passage, its citation and codes. */
  passage: { text: string; citation: string; codes: string[] } | null;
  author: string | null;
  /** `2026-11-01 10:00 UTC`: when the memo was last written. */
  date: string;
  body: string;
}

const KINDS: MemoEntry['kind'][] = ['project', 'document', 'case', 'code', 'coding'];
const KIND_HEADING = {
  project: 'Project memo',
  document: 'Document memos',
  case: 'Case memos',
  code: 'Code memos',
  coding: 'Coding memos',
};
/** Passages longer than this are cut at a word in the export: the memo is what is exported, the passage its anchor. */
const PASSAGE_MAX = 600;

const date = (iso: string) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');

function clip(text: string): string {
  const points = [...text];
  if (points.length <= PASSAGE_MAX) return text;
  const cut = points.slice(0, PASSAGE_MAX).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()} …`;
}

/** The memos the filter selects, ordered by kind, then object, then date. */
export function memoRecords(db: Db, filter: Omit<MemoFilter, 'text'> = {}): MemoRecord[] {
  const memos = listMemos(db, filter);
  const codes = codeIndex(db);
  const template = citationTemplate(db);
  const codings = memos.filter((m) => m.kind === 'coding').map((m) => m.objectId!);
  const excerpts = new Map(
    describeExcerpts(
      excerptDetails(db, codings).map((r) => ({ ...r, group: null })),
      codes,
    ).map((x) => [x.segmentId, x]),
  );
  const records = memos.map((m): MemoRecord => {
    const x = m.kind === 'coding' ? excerpts.get(m.objectId!) : undefined;
    const paragraphs = x ? ` ¶${x.paragraphStart}${x.paragraphEnd !== x.paragraphStart ? `–${x.paragraphEnd}` : ''}` : '';
    return {
      kind: m.kind,
      object: m.kind === 'code' ? codes.byId.get(m.objectId!)!.path : m.kind === 'coding' ? `${m.objectName}${paragraphs}` : m.objectName,
      passage: x ? { text: clip(x.text), citation: renderCitation(template, x), codes: x.codes.map((c) => c.ref) } : null,
      author: m.author,
      date: date(m.modifiedAt),
      body: m.body,
    };
  });
  const order = (r: MemoRecord) => KINDS.indexOf(r.kind);
  return records.sort((a, b) => order(a) - order(b) || a.object.localeCompare(b.object) || a.date.localeCompare(b.date));
}

const byline = (r: MemoRecord) => [r.author ?? 'No author', r.date].filter(Boolean).join(' · ');

function markdown(title: string, records: MemoRecord[]): string {
  const out = [`# ${markdownText(title)}`, ''];
  let kind: string | null = null;
  for (const r of records) {
    if (r.kind !== kind) out.push(`## ${KIND_HEADING[r.kind]}`, '');
    kind = r.kind;
    if (r.kind !== 'project') out.push(`### ${markdownText(r.object)}`, '');
    out.push(`*${markdownText(byline(r))}*`, '');
    if (r.passage) {
      out.push(...r.passage.text.split('\n').flatMap((l, i) => (i ? ['>', `> ${markdownText(l)}`] : [`> ${markdownText(l)}`])));
      out.push('>', `> — ${markdownText(r.passage.citation)}`, '');
      if (r.passage.codes.length) out.push(`Codes: ${markdownText(r.passage.codes.join('; '))}`, '');
    }
    // Each line of the memo is a paragraph of its own.
    for (const line of r.body.split('\n').filter((l) => l.trim())) out.push(markdownText(line), '');
  }
  return out.join('\n');
}

async function docx(title: string, records: MemoRecord[]): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  let kind: string | null = null;
  for (const r of records) {
    if (r.kind !== kind) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(KIND_HEADING[r.kind])] }));
    kind = r.kind;
    if (r.kind !== 'project') children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(r.object)] }));
    children.push(new Paragraph({ children: [new TextRun({ text: byline(r), italics: true, color: '555555' })] }));
    if (r.passage) {
      for (const line of r.passage.text.split('\n')) children.push(new Paragraph({ style: 'Quote', children: [new TextRun(line)] }));
      children.push(new Paragraph({ style: 'Quote', children: [new TextRun({ text: `— ${r.passage.citation}`, italics: false })] }));
      if (r.passage.codes.length) children.push(new Paragraph({ children: [new TextRun(`Codes: ${r.passage.codes.join('; ')}`)] }));
    }
    for (const line of r.body.split('\n').filter((l) => l.trim())) children.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  const document = new Document({
    creator: 'Trellis',
    title,
    styles: {
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 720 } } },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** The memos as a file to save. */
export async function exportMemos(
  db: Db,
  format: MemoFormat,
  filter: Omit<MemoFilter, 'text'> = {},
): Promise<ExportedFile & { memos: number }> {
  const project = getMeta(db, 'project_name') ?? 'Trellis project';
  const title = `Memos: ${project}`;
  const records = memoRecords(db, filter);
  const fileName = `${exportFileBase(`${project} memos`, 'memos')}.${format}`;
  return format === 'md'
    ? { fileName, mimeType: 'text/markdown; charset=utf-8', data: Buffer.from(markdown(title, records), 'utf8'), memos: records.length }
    : {
        fileName,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        data: await docx(title, records),
        memos: records.length,
      };
}
