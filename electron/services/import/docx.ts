// Word documents through mammoth's document model: paragraphs, headings, bold and italic runs; a table
// row becomes one paragraph (cells separated by tabs). Comments, tracked changes (read as accepted),
// notes and images are left out, with a note saying so.
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { Block, Mark } from '../transcript';
import { FileProblem } from './file-problem';
import { readZip } from './zip';

const WORD = 'Word document (.docx)';

interface Element {
  type: string;
  value?: string;
  children?: Element[];
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  breakType?: string;
}

interface MammothDocument extends Element {
  comments: unknown[];
}

function headingLevel(p: Element): number | undefined {
  const style = p.styleName ?? p.styleId ?? '';
  if (/^title$/i.test(style)) return 1;
  const level = /^heading\s*([1-6])$/i.exec(style)?.[1];
  return level ? Number(level) : undefined;
}

class BlockWriter {
  readonly blocks: Block[] = [];
  readonly skipped = new Set<string>();
  private current: Block | null = null;

  open(heading?: number): void {
    this.current = { text: '', marks: [], heading };
  }

  close(): void {
    if (this.current) this.blocks.push(this.current);
    this.current = null;
  }

  append(text: string, bold = false, italic = false): void {
    const block = this.current!;
    if (text && (bold || italic))
      block.marks!.push({ start: block.text.length, end: block.text.length + text.length, bold, italic } satisfies Mark);
    block.text += text;
  }

  /** Paragraph content; `inCell`: a line break inside a table cell is a space, elsewhere it starts a new paragraph. */
  inline(el: Element, inCell: boolean, bold = false, italic = false): void {
    switch (el.type) {
      case 'text':
        return this.append(el.value ?? '', bold, italic);
      case 'tab':
        return this.append('\t');
      case 'break':
        if (inCell) return this.append(' ');
        this.close();
        return this.open();
      case 'run':
        return el.children?.forEach((c) => this.inline(c, inCell, bold || !!el.isBold, italic || !!el.isItalic));
      case 'image':
      case 'noteReference':
        this.skipped.add(el.type);
        return;
      default:
        el.children?.forEach((c) => this.inline(c, inCell, bold, italic));
    }
  }

  block(el: Element): void {
    if (el.type === 'paragraph') {
      this.open(headingLevel(el));
      el.children?.forEach((c) => this.inline(c, false));
      this.close();
    } else if (el.type === 'table') {
      for (const row of el.children ?? []) this.tableRow(row);
    } else el.children?.forEach((c) => this.block(c));
  }

  private tableRow(row: Element): void {
    this.open();
    (row.children ?? []).forEach((cell, i) => {
      if (i > 0) this.append('\t');
      this.cell(cell);
    });
    this.close();
  }

  /** A cell's paragraphs (and any nested table) run on, separated by spaces. */
  private cell(el: Element): void {
    (el.children ?? []).forEach((child, i) => {
      if (i > 0) this.append(' ');
      if (child.type === 'paragraph') child.children?.forEach((c) => this.inline(c, true));
      else this.cell(child);
    });
  }
}

/** The package's main part: the target of its officeDocument relationship (Word writes word/document.xml, other tools may not). */
function mainPartName(rels: Uint8Array | undefined): string {
  for (const rel of Buffer.from(rels ?? [])
    .toString('utf8')
    .match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/\bType=["'][^"']*\/relationships\/officeDocument["']/.test(rel)) continue;
    const target = /\bTarget=["']([^"']+)["']/.exec(rel)?.[1];
    if (target) return decodeURIComponent(target.replace(/^\//, ''));
  }
  return 'word/document.xml';
}

/**
 * The main part with its simple fields (w:fldSimple, which mammoth drops whole) unwrapped to their result,
 * so that "Table 1" keeps its number; a SEQ field saved without a result is numbered here, as Word would.
 */
function unwrapSimpleFields(xml: string): string {
  const counters = new Map<string, number>();
  return xml.replace(/<w:fldSimple\b([^>]*?)(\/?)>|<\/w:fldSimple>/g, (_tag, attrs: string | undefined, empty: string | undefined) => {
    const seq = /w:instr="\s*SEQ\s+([^\s"\\]+)/.exec(attrs ?? '')?.[1];
    if (seq) counters.set(seq, (counters.get(seq) ?? 0) + 1);
    return empty && seq ? `<w:r><w:t>${counters.get(seq)}</w:t></w:r>` : '';
  });
}

export async function docxBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; notes: string[] }> {
  const mainName = mainPartName(readZip(bytes, ['_rels/.rels'], WORD).files['_rels/.rels']);
  const zip = readZip(bytes, [mainName], WORD);
  const main = zip.files[mainName];
  if (!main) throw new FileProblem(`is a ZIP archive but not a ${WORD}: it has no ${mainName}`);
  const xml = Buffer.from(main).toString('utf8');
  let input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (xml.includes('<w:fldSimple')) {
    const all = readZip(bytes, zip.names, WORD).files;
    input = Buffer.from(zipSync({ ...all, [mainName]: Buffer.from(unwrapSimpleFields(xml), 'utf8') }));
  }
  let model: MammothDocument | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: input },
      {
        // Keep mammoth's model of the document and hand it an empty one to render: we need no HTML.
        transformDocument: (document: MammothDocument) => {
          model = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new FileProblem(`could not be read as a ${WORD}: ${(error as Error).message}`);
  }
  const writer = new BlockWriter();
  model!.children?.forEach((el) => writer.block(el));

  const notes: string[] = [];
  if (model!.comments.length > 0) notes.push('Comments were not imported.');
  if (/<w:(?:ins|del|moveFrom|moveTo)\b/.test(xml))
    notes.push('Tracked changes were not imported: the text reads as if all changes were accepted.');
  if (writer.skipped.has('noteReference')) notes.push('Footnotes and endnotes were not imported.');
  if (writer.skipped.has('image')) notes.push('Images were not imported.');
  return { blocks: writer.blocks, notes };
}
