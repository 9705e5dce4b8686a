// REFI-QDA codebooks (.qdc, Codebook-mrt2019.xsd): reading with every check the schema makes, and writing.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataError } from '../../db/errors';
import { xmlReferences } from './xml-entities';
import { writeXml } from './xml-write';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface QdcCode {
  guid: string;
  name: string;
  codable: boolean;
  /** #RRGGBB, or null when the file gives none. */
  color: string | null;
  description: string;
  children: QdcCode[];
}

export interface QdcSet {
  guid: string;
  name: string;
  description: string;
  memberGuids: string[];
}

export interface QdcCodebook {
  codes: QdcCode[];
  sets: QdcSet[];
}

// Trellis keeps inclusion and exclusion criteria apart from the definition; REFI-QDA has one Description,
// so they travel as its closing paragraphs, readable in any other program.
const INCLUDE = 'Include: ';
const EXCLUDE = 'Exclude: ';

export function joinDescription(parts: { description: string; inclusion: string; exclusion: string }): string {
  return [parts.description, parts.inclusion && INCLUDE + parts.inclusion, parts.exclusion && EXCLUDE + parts.exclusion]
    .filter(Boolean)
    .join('\n\n');
}

export function splitDescription(text: string): { description: string; inclusion: string; exclusion: string } {
  const match = /^([\s\S]*?)(?:(?:^|\n\n)Include: ([\s\S]*?))?(?:(?:^|\n\n)Exclude: ([\s\S]*))?$/.exec(text)!;
  return { description: match[1]!.trim(), inclusion: match[2]?.trim() ?? '', exclusion: match[3]?.trim() ?? '' };
}

const GUID =
  /^(?:\{([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}))$/;
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

// A GUID already in that form (all of a Trellis export's) is returned as it is, without a new string.
const STORED_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** A REFI-QDA GUID as Trellis stores it (no braces, upper case), or null when it is not one. */
export function normalGuid(raw: string): string | null {
  if (STORED_GUID.test(raw)) return raw;
  const m = GUID.exec(raw.trim());
  return m ? (m[1] ?? m[2])!.toUpperCase() : null;
}

/** A REFI-QDA colour as #RRGGBB, or null when it is not one. */
export function normalColor(raw: string): string | null {
  return RGB.test(raw.trim()) ? expandColor(raw.trim()) : null;
}

type Node = Record<string, unknown>;

/** Codes one file may hold: far beyond real codebooks (the largest seen hold a few thousand), and still imported in seconds. */
export const MAX_QDC_CODES = 30_000;
/** Levels of codes inside codes. */
export const MAX_QDC_DEPTH = 50;

/** Reads a .qdc file's text; anything the schema or Trellis cannot take is a DataError naming the file. */
export function readQdc(xml: string, file: string): QdcCodebook {
  const fail = (problem: string): never => {
    throw new DataError('invalid', `"${file}" is not a usable REFI-QDA codebook: ${problem}. The codebook was not changed.`);
  };
  // A DTD can pull in other files (external entities) or expand without bound; no codebook needs one.
  if (/<!DOCTYPE/i.test(xml)) fail('it has a DOCTYPE declaration, which Trellis does not read (it could pull in other files)');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DataError('invalid', `"${file}" is not XML: ${valid.err.msg} (line ${valid.err.line}). The codebook was not changed.`);
  }
  let parsed: Node = {};
  try {
    parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      parseAttributeValue: false,
      entityDecoder: xmlReferences,
      isArray: (name) => /(^|:)(Code|Set|MemberCode)$/.test(name),
      // CodeBook, Codes, the codes and a Description: deeper than that is more codes than Trellis nests.
      maxNestedTags: MAX_QDC_DEPTH + 3,
    }).parse(xml) as Node;
  } catch (error) {
    const message = (error as Error).message;
    fail(/nested tags/i.test(message) ? `its codes are nested more than ${MAX_QDC_DEPTH} levels deep` : message);
  }
  const roots = Object.keys(parsed).filter((k) => !k.startsWith('?'));
  const rootName = roots[0] ?? '';
  const [prefix, local] = rootName.includes(':') ? rootName.split(':', 2) : ['', rootName];
  if (roots.length !== 1 || local !== 'CodeBook') fail(`its root element is <${rootName}>, not <CodeBook>`);
  const root = parsed[rootName] as Node | string;
  const namespace = typeof root === 'object' ? root[prefix ? `@_xmlns:${prefix}` : '@_xmlns'] : undefined;
  if (namespace !== QDC_NAMESPACE) {
    fail(
      namespace
        ? `its CodeBook is in the namespace "${String(namespace)}", not "${QDC_NAMESPACE}"`
        : `its CodeBook has no namespace (expected "${QDC_NAMESPACE}")`,
    );
  }

  // Element names in the file's prefix; attributes are unqualified in this schema.
  const tag = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const children = (node: Node, name: string) => (node[tag(name)] ?? []) as (Node | string)[];
  const element = (value: Node | string): Node => (typeof value === 'string' ? {} : value);
  const text = (node: Node, name: string): string => {
    const value = node[tag(name)];
    if (value === undefined) return '';
    return (typeof value === 'string' ? value : String((value as Node)['#text'] ?? '')).trim();
  };
  const allowOnly = (node: Node, what: string, names: string[]) => {
    for (const key of Object.keys(node)) {
      if (key.startsWith('@_') || key === '#text') continue;
      if (!names.map(tag).includes(key)) fail(`${what} contains an unexpected <${key}>`);
    }
  };
  const guidOf = (node: Node, what: string): string => {
    const raw = node['@_guid'];
    if (typeof raw !== 'string') return fail(`${what} has no guid`);
    return normalGuid(raw) ?? fail(`${what} has an invalid guid "${raw}"`);
  };
  const nameOf = (node: Node, what: string): string => {
    const name = node['@_name'];
    if (typeof name !== 'string' || !name.trim()) return fail(`${what} has no name`);
    return name.trim();
  };

  const seen = new Map<string, string>();
  const claim = (guid: string, name: string) => {
    const other = seen.get(guid);
    if (other !== undefined) fail(`the GUID ${guid} is used twice, by "${other}" and by "${name}"`);
    seen.set(guid, name);
  };

  const readCode = (value: Node | string, ancestors: string[]): QdcCode => {
    const node = element(value);
    const where = ancestors.length ? ` (in "${ancestors.join('/')}")` : '';
    const name = nameOf(node, `a code${where}`);
    const what = `the code "${name}"${where}`;
    const guid = guidOf(node, what);
    allowOnly(node, what, ['Description', 'Code']);
    const codable = node['@_isCodable'];
    if (codable === undefined) fail(`${what} has no isCodable attribute`);
    if (!['true', 'false', '1', '0'].includes(String(codable).trim()))
      fail(`${what} has isCodable="${String(codable)}" (expected true or false)`);
    const color = node['@_color'];
    if (color !== undefined && !RGB.test(String(color).trim())) fail(`${what} has an invalid colour "${String(color)}" (expected #RRGGBB)`);
    return {
      guid,
      name,
      codable: ['true', '1'].includes(String(codable).trim()),
      color: color === undefined ? null : expandColor(String(color).trim()),
      description: text(node, 'Description'),
      children: [],
    };
  };

  // A code nested inside a code with its own GUID makes the hierarchy circular: say so rather than "used twice".
  let count = 0;
  const readTree = (list: (Node | string)[], ancestors: { guid: string; name: string }[]): QdcCode[] =>
    list.map((value) => {
      if (ancestors.length >= MAX_QDC_DEPTH) fail(`its codes are nested more than ${MAX_QDC_DEPTH} levels deep`);
      if (++count > MAX_QDC_CODES) fail(`it holds more than ${MAX_QDC_CODES.toLocaleString('en')} codes`);
      const code = readCode(
        value,
        ancestors.map((a) => a.name),
      );
      const loop = ancestors.find((a) => a.guid === code.guid);
      if (loop) fail(`the code "${code.name}" contains itself (GUID ${code.guid}, first as "${loop.name}"): its hierarchy is a cycle`);
      claim(code.guid, code.name);
      code.children = readTree(children(element(value), 'Code'), [...ancestors, { guid: code.guid, name: code.name }]);
      return code;
    });

  const book = element(root);
  allowOnly(book, 'the CodeBook', ['Codes', 'Sets']);
  const codesNode = book[tag('Codes')];
  if (codesNode === undefined) fail('it has no <Codes>');
  const codeList = children(element(codesNode as Node), 'Code');
  allowOnly(element(codesNode as Node), '<Codes>', ['Code']);
  if (codeList.length === 0) fail('its <Codes> holds no code');
  const codes = readTree(codeList, []);

  const setsNode = element((book[tag('Sets')] as Node | undefined) ?? {});
  allowOnly(setsNode, '<Sets>', ['Set']);
  const sets = children(setsNode, 'Set').map((value): QdcSet => {
    const node = element(value);
    const name = nameOf(node, 'a set');
    const what = `the set "${name}"`;
    const guid = guidOf(node, what);
    allowOnly(node, what, ['Description', 'MemberCode']);
    claim(guid, name);
    const memberGuids = children(node, 'MemberCode').map((m) => {
      const member = guidOf(element(m), `a member of ${what}`);
      if (!seen.has(member)) fail(`${what} lists the code ${member}, which is not in the file`);
      return member;
    });
    return { guid, name, description: text(node, 'Description'), memberGuids };
  });
  return { codes, sets };
}

function expandColor(color: string): string {
  const hex = color.slice(1).toUpperCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** A code as a REFI-QDA <Code> element (the same in .qdc and .qdpx), in fast-xml-parser's builder shape. */
export function qdcCodeElement(c: QdcCode, noteRefs: (guid: string) => Node[] = () => []): Node {
  const notes = noteRefs(c.guid);
  return {
    '@_guid': c.guid,
    '@_name': c.name,
    '@_isCodable': String(c.codable),
    ...(c.color ? { '@_color': c.color } : {}),
    ...(c.description ? { Description: c.description } : {}),
    // A project's codes may refer to notes (their memos); a .qdc's may not, and passes none.
    ...(notes.length ? { NoteRef: notes } : {}),
    ...(c.children.length ? { Code: c.children.map((child) => qdcCodeElement(child, noteRefs)) } : {}),
  };
}

/**
 * A code set as a REFI-QDA <Set> element. A .qdc names members by `guid`, a project (.qdpx) by `targetGUID`;
 * `extra` adds members of other kinds (a project's MemberSource).
 */
export function qdcSetElement(s: QdcSet, memberAttribute: 'guid' | 'targetGUID', extra: Node = {}): Node {
  return {
    '@_guid': s.guid,
    '@_name': s.name,
    ...(s.description ? { Description: s.description } : {}),
    ...(s.memberGuids.length ? { MemberCode: s.memberGuids.map((guid) => ({ [`@_${memberAttribute}`]: guid })) } : {}),
    ...extra,
  };
}

/** Writes a codebook as .qdc XML (valid against Codebook-mrt2019.xsd when it holds at least one code). */
export function writeQdc(book: QdcCodebook): string {
  return writeXml({
    CodeBook: {
      '@_xmlns': QDC_NAMESPACE,
      '@_origin': 'Trellis',
      Codes: { Code: book.codes.map((c) => qdcCodeElement(c)) },
      ...(book.sets.length ? { Sets: { Set: book.sets.map((set) => qdcSetElement(set, 'guid')) } } : {}),
    },
  });
}
