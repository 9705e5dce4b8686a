// The XML writer of the REFI-QDA exchange formats (.qdc, .qdpx). It takes the object shape fast-xml-parser
// reads into (attributes as "@_name", repeated elements as arrays, an element's text as a string or "#text")
// and writes it in one pass, without indentation: a 100,000-selection project is some 60 MB of XML when
// indented, and a general builder spent seconds on it.

type Node = Record<string, unknown>;

/** Elements already written as XML (GUIDs and numbers only, or escaped by the caller): copied as they are. */
export class RawXml {
  constructor(readonly xml: string) {}
}

// Written so an XML parser gives the same strings back: a parser turns a literal CR LF into LF and a line end or
// tab in an attribute into a space (XML 1.0 §2.11, §3.3.3), so those are written as character references; the
// control characters XML 1.0 cannot carry in any form (U+0000-U+001F but tab and line ends, U+FFFE, U+FFFF) are
// left out.
// eslint-disable-next-line no-control-regex -- the control characters are what these find
const TEXT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const ATTRIBUTE = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const escapeText = (s: string) => s.replace(TEXT, (c) => ENTITIES[c] ?? '');
const escapeAttribute = (s: string) => s.replace(ATTRIBUTE, (c) => ENTITIES[c] ?? '');

function element(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof RawXml) {
    out.push(value.xml);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) element(out, name, item);
    return;
  }
  if (typeof value !== 'object') {
    const text = String(value);
    out.push(text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`);
    return;
  }
  let open = `<${name}`;
  const children: [string, unknown][] = [];
  let text = '';
  for (const [key, v] of Object.entries(value as Node)) {
    if (v === undefined || v === null) continue;
    if (key.startsWith('@_')) open += ` ${key.slice(2)}="${escapeAttribute(String(v))}"`;
    else if (key === '#text') text = String(v);
    else children.push([key, v]);
  }
  if (children.length === 0 && text === '') {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  if (text) out.push(escapeText(text));
  for (const [key, v] of children) element(out, key, v);
  out.push(`</${name}>`);
}

/** An XML document (UTF-8 declaration, then the one root element named by `root`'s only key). */
export function writeXml(root: Node): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  for (const [name, value] of Object.entries(root)) element(out, name, value);
  return out.join('');
}
