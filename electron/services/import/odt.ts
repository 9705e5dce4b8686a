// OpenDocument text (LibreOffice, Google Docs' .odt): paragraphs, headings, bold and italic from the
// document's styles; a table row becomes one paragraph. Comments, tracked changes and notes are left out.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Block } from '../transcript';
import { FileProblem } from './file-problem';
import { readZip } from './zip';

const ODT = 'OpenDocument text (.odt)';
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** fast-xml-parser's ordered form: one key (the tag, or "#text") and the attributes under ":@". */
type XmlNode = Record<string, XmlNode[] | string> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: XmlNode) => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as XmlNode[]) : []);
const attr = (node: XmlNode, name: string) => node[':@']?.[name];

interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  parent?: string;
}

/** Bold and italic of every named and automatic style, found anywhere in the given trees. */
function collectStyles(trees: XmlNode[][]): Map<string, TextStyle> {
  const styles = new Map<string, TextStyle>();
  const visit = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      if (tagOf(node) === 'style:style' && attr(node, 'style:name')) {
        const props = childrenOf(node).find((c) => tagOf(c) === 'style:text-properties');
        const weight = props && attr(props, 'fo:font-weight');
        const posture = props && attr(props, 'fo:font-style');
        styles.set(attr(node, 'style:name')!, {
          bold: weight === undefined ? undefined : weight === 'bold' || Number(weight) >= 600,
          italic: posture === undefined ? undefined : posture === 'italic' || posture === 'oblique',
          parent: attr(node, 'style:parent-style-name'),
        });
      } else visit(childrenOf(node));
    }
  };
  trees.forEach(visit);
  return styles;
}

/** A style's bold and italic, following its parents; what it leaves open comes from the surrounding text. */
function resolve(styles: Map<string, TextStyle>, name: string | undefined, inherited: { bold: boolean; italic: boolean }) {
  let bold: boolean | undefined;
  let italic: boolean | undefined;
  const seen = new Set<string>();
  for (let style = name && styles.get(name); style && !seen.has(name!); style = name && styles.get(name)) {
    seen.add(name!);
    bold ??= style.bold;
    italic ??= style.italic;
    name = style.parent;
  }
  return { bold: bold ?? inherited.bold, italic: italic ?? inherited.italic };
}

const SKIPPED: Record<string, string> = {
  'office:annotation': 'Comments were not imported.',
  'text:tracked-changes': 'Tracked changes were not imported: the text reads as if all changes were accepted.',
  'text:note': 'Footnotes and endnotes were not imported.',
};
const IMAGES = 'Images were not imported.';

export function odtBlocks(bytes: Uint8Array): { blocks: Block[]; notes: string[] } {
  const zip = readZip(bytes, ['mimetype', 'content.xml', 'styles.xml'], ODT);
  const mimetype = zip.files.mimetype && Buffer.from(zip.files.mimetype).toString('utf8').trim();
  if (mimetype !== undefined && mimetype !== ODT_MIMETYPE)
    throw new FileProblem(`is an OpenDocument file but not text (it is ${mimetype})`);
  if (!zip.files['content.xml']) throw new FileProblem(`is a ZIP archive but not an ${ODT}: it has no content.xml`);
  let content: XmlNode[];
  let stylesXml: XmlNode[];
  try {
    const xml = Buffer.from(zip.files['content.xml']).toString('utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${valid.err.msg} (content.xml line ${valid.err.line})`);
    content = parser.parse(xml) as XmlNode[];
    stylesXml = zip.files['styles.xml'] ? (parser.parse(Buffer.from(zip.files['styles.xml']).toString('utf8')) as XmlNode[]) : [];
  } catch (error) {
    throw new FileProblem(`is damaged or not an ${ODT}: ${(error as Error).message}`);
  }
  const styles = collectStyles([stylesXml, content]);
  const blocks: Block[] = [];
  const notes = new Set<string>();
  let current: Block = { text: '', marks: [] };

  const append = (text: string, format: { bold: boolean; italic: boolean }) => {
    if (text && (format.bold || format.italic))
      current.marks!.push({ start: current.text.length, end: current.text.length + text.length, ...format });
    current.text += text;
  };
  const start = (heading?: number) => (current = { text: '', marks: [], heading });
  const end = () => blocks.push(current);
  // A frame's text box (an image's caption, a sidebar) holds paragraphs: they follow the paragraph the frame sits in.
  let boxes: XmlNode[][] = [];
  const frame = (node: XmlNode) => {
    for (const child of childrenOf(node)) {
      if (tagOf(child) === 'draw:text-box') boxes.push(childrenOf(child));
      else if (tagOf(child) === 'draw:image' || tagOf(child).startsWith('draw:object')) notes.add(IMAGES);
    }
  };

  // Inline content of a paragraph. ODF collapses white space in text; <text:s/> and <text:tab/> carry the real ones.
  const inline = (nodes: XmlNode[], format: { bold: boolean; italic: boolean }, inCell: boolean) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === '#text') append((node['#text'] as string).replace(/[ \t\r\n]+/g, ' '), format);
      else if (tag === 'text:s') append(' '.repeat(Number(attr(node, 'text:c') ?? 1) || 1), format);
      else if (tag === 'text:tab') append('\t', format);
      else if (tag === 'text:line-break') {
        if (inCell) append(' ', format);
        else {
          end();
          start(current.heading);
        }
      } else if (tag === 'draw:frame') frame(node);
      else if (SKIPPED[tag]) notes.add(SKIPPED[tag]);
      else inline(childrenOf(node), resolve(styles, attr(node, 'text:style-name'), format), inCell);
    }
  };
  const plain = { bold: false, italic: false };
  const paragraph = (node: XmlNode, inCell: boolean) =>
    inline(childrenOf(node), resolve(styles, attr(node, 'text:style-name'), plain), inCell);

  // A table cell's paragraphs (and nested tables) run on, separated by spaces.
  const cell = (nodes: XmlNode[]) =>
    nodes.forEach((node, i) => {
      if (i > 0) append(' ', plain);
      const tag = tagOf(node);
      if (tag === 'text:p' || tag === 'text:h') paragraph(node, true);
      else cell(childrenOf(node));
    });

  const block = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'text:p' || tag === 'text:h') {
        start(tag === 'text:h' ? Math.min(6, Number(attr(node, 'text:outline-level') ?? 1) || 1) : undefined);
        paragraph(node, false);
        end();
        flushBoxes();
      } else if (tag === 'table:table-row') {
        start();
        childrenOf(node)
          .filter((c) => tagOf(c) === 'table:table-cell')
          .forEach((c, i) => {
            if (i > 0) append('\t', plain);
            cell(childrenOf(c));
          });
        end();
      } else if (tag === 'draw:frame') {
        frame(node);
        flushBoxes();
      } else if (SKIPPED[tag]) notes.add(SKIPPED[tag]);
      else if (tag !== 'office:forms' && tag !== 'text:sequence-decls') block(childrenOf(node));
    }
  };
  function flushBoxes() {
    const pending = boxes;
    boxes = [];
    pending.forEach(block);
  }
  const body = content.find((n) => tagOf(n) === 'office:document-content');
  const text = body && childrenOf(body).find((n) => tagOf(n) === 'office:body');
  // An empty document still has these; without them the file is damaged, not empty.
  if (!text) throw new FileProblem(`is damaged or not an ${ODT}: its content.xml has no document body`);
  block(childrenOf(text));
  return { blocks, notes: [...notes] };
}
