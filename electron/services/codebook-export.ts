// The codebook leaves the project as a REFI-QDA .qdc file or as an appendix (Markdown, DOCX): names,
// definitions, criteria, example quotes and counts.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { listCodeSets } from '../../db/queries/code-sets';
import { codeTree, exampleQuotes, type CodeNode, type Quote } from '../../db/queries/codes';
import { projectCounts } from '../../db/queries/info';
import { getMeta } from '../../db/queries/meta';
import { exportFileBase } from '../../shared/matrix-rule';
import type { ExportedFile } from './exported-file';
import { joinDescription, writeQdc, type QdcCode, type QdcCodebook } from './qdc';

export type ExportFormat = 'qdc' | 'md' | 'docx';

export function projectQdc(db: Db): QdcCodebook {
  const tree = codeTree(db);
  if (tree.length === 0) throw new DataError('invalid', 'The codebook has no codes yet, so there is nothing to export.');
  const guids = new Map<number, string>();
  const toQdc = (node: CodeNode): QdcCode => {
    guids.set(node.id, node.guid);
    return {
      guid: node.guid,
      name: node.name,
      codable: node.codable,
      color: node.color,
      description: joinDescription(node),
      children: node.children.map(toQdc),
    };
  };
  const codes = tree.map(toQdc);
  const sets = listCodeSets(db).map((s) => ({
    guid: s.guid,
    name: s.name,
    description: s.description,
    memberGuids: s.codeIds.map((id) => guids.get(id)!),
  }));
  return { codes, sets };
}

/** One code as an appendix lists it. */
interface Entry {
  depth: number;
  node: CodeNode;
  counts: string;
  quote: Quote | undefined;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function outline(db: Db): { title: string; entries: Entry[]; sets: { name: string; description: string; members: string[] }[] } {
  const quotes = exampleQuotes(db);
  const entries: Entry[] = [];
  const paths = new Map<number, string>();
  const walk = (node: CodeNode, depth: number) => {
    paths.set(node.id, node.path);
    const own = `${plural(node.segments, 'segment')} in ${plural(node.documents, 'document')}`;
    const all = `${plural(node.segmentsWithChildren, 'segment')} in ${plural(node.documentsWithChildren, 'document')} with its sub-codes`;
    const counts = [node.codable ? own : 'Grouping code', node.children.length ? all : ''].filter(Boolean).join('; ');
    entries.push({ depth, node, counts, quote: quotes.get(node.id) });
    node.children.forEach((child) => walk(child, depth + 1));
  };
  codeTree(db).forEach((node) => walk(node, 0));
  const sets = listCodeSets(db).map((s) => ({ name: s.name, description: s.description, members: s.codeIds.map((id) => paths.get(id)!) }));
  return { title: `Codebook: ${getMeta(db, 'project_name') ?? 'Trellis project'}`, entries, sets };
}

const INTRO = 'Counts are coded passages (segments) and the documents they are in, for all coders.';

export function codebookMarkdown(db: Db): string {
  const { title, entries, sets } = outline(db);
  const lines = [`# ${title}`, '', INTRO, ''];
  for (const { depth, node, counts, quote } of entries) {
    lines.push(depth < 5 ? `${'#'.repeat(depth + 2)} ${node.name}` : `**${node.path}**`, '', `*${counts}*`, '');
    if (node.description) lines.push(node.description, '');
    if (node.inclusion) lines.push(`**Include:** ${node.inclusion}`, '');
    if (node.exclusion) lines.push(`**Exclude:** ${node.exclusion}`, '');
    if (quote) lines.push(...quote.text.split('\n').map((l) => `> ${l}`), `> — ${quote.document} (coder ${quote.coder})`, '');
  }
  if (sets.length) {
    lines.push('## Code sets', '');
    for (const set of sets) {
      lines.push(`### ${set.name}`, '');
      if (set.description) lines.push(set.description, '');
      lines.push(...set.members.map((m) => `- ${m}`), '');
    }
  }
  return lines.join('\n');
}

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

export async function codebookDocx(db: Db): Promise<Buffer> {
  const { title, entries, sets } = outline(db);
  const para = (text: string, options: { bold?: string; italics?: boolean; indent?: boolean } = {}) =>
    new Paragraph({
      indent: options.indent ? { left: 720 } : undefined,
      spacing: { after: 120 },
      children: [
        ...(options.bold ? [new TextRun({ text: options.bold, bold: true })] : []),
        new TextRun({ text, italics: options.italics }),
      ],
    });
  const body: Paragraph[] = [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), para(INTRO, { italics: true })];
  for (const { depth, node, counts, quote } of entries) {
    body.push(
      new Paragraph({
        heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)],
        children: [
          new TextRun({ text: '■ ', color: node.color.slice(1) }),
          new TextRun({ text: depth < HEADINGS.length ? node.name : node.path }),
        ],
      }),
      para(counts, { italics: true }),
    );
    if (node.description)
      body.push(
        ...node.description
          .split('\n')
          .filter(Boolean)
          .map((line) => para(line)),
      );
    if (node.inclusion) body.push(para(node.inclusion, { bold: 'Include: ' }));
    if (node.exclusion) body.push(para(node.exclusion, { bold: 'Exclude: ' }));
    if (quote) {
      body.push(para(quote.text, { italics: true, indent: true }));
      body.push(
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `— ${quote.document} (coder ${quote.coder})` })] }),
      );
    }
  }
  if (sets.length) {
    body.push(new Paragraph({ text: 'Code sets', heading: HeadingLevel.HEADING_1 }));
    for (const set of sets) {
      body.push(new Paragraph({ text: set.name, heading: HeadingLevel.HEADING_2 }));
      if (set.description) body.push(para(set.description));
      body.push(...set.members.map((m) => new Paragraph({ text: m, bullet: { level: 0 } })));
    }
  }
  return Packer.toBuffer(new Document({ creator: 'Trellis', title, sections: [{ children: body }] }));
}

const MIME: Record<ExportFormat, string> = {
  qdc: 'application/xml',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The codebook as a file named after the project; the caller decides where it goes (it is never written here). */
export async function exportCodebook(db: Db, format: ExportFormat): Promise<ExportedFile & { codes: number }> {
  const { codes } = projectCounts(db);
  const content = format === 'qdc' ? writeQdc(projectQdc(db)) : format === 'md' ? codebookMarkdown(db) : await codebookDocx(db);
  const base = exportFileBase(`${getMeta(db, 'project_name') ?? 'Trellis'} codebook`, 'codebook');
  return { fileName: `${base}.${format}`, mimeType: MIME[format], data: Buffer.from(content), codes };
}
