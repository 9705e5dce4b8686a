// Reads pandoc's "native" golden files (Haskell `show` output of the document tree) into the plain text of
// each paragraph, so that Trellis's reading of a DOCX or ODT can be compared with pandoc's expected one.

type Expr = { t: 'app'; items: Term[] };
type Term = { t: 'id'; v: string } | { t: 'str'; v: string } | { t: 'num' } | { t: 'list' | 'tuple' | 'record'; items: Expr[] };

const CONTROL_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI'];

function tokenize(src: string): (string | { str: string })[] {
  const tokens: (string | { str: string })[] = [];
  for (let i = 0; i < src.length;) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let s = '';
      for (i++; src[i] !== '"'; i++) {
        if (src[i] !== '\\') {
          s += src[i];
          continue;
        }
        const rest = src.slice(i + 1);
        const named = CONTROL_NAMES.find((n) => rest.startsWith(n));
        const m = /^(\d+|x[0-9a-fA-F]+|o[0-7]+)/.exec(rest);
        if (m) {
          const d = m[1]!;
          s += String.fromCodePoint(d[0] === 'x' ? parseInt(d.slice(1), 16) : d[0] === 'o' ? parseInt(d.slice(1), 8) : Number(d));
          i += d.length;
        } else if (named) {
          s += String.fromCharCode(CONTROL_NAMES.indexOf(named));
          i += named.length;
        } else {
          const e = src[++i]!;
          s += ({ n: '\n', t: '\t', r: '\r', '&': '' } as Record<string, string>)[e] ?? e;
        }
      }
      i++;
      tokens.push({ str: s });
    } else if ('[](){},='.includes(c)) tokens.push(src[i++]!);
    else {
      const m = /^[^\s"[\](){},=]+/.exec(src.slice(i))!;
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  return tokens;
}

function parse(src: string): Expr {
  const tokens = tokenize(src);
  let at = 0;
  const group = (close: string): Expr[] => {
    const items: Expr[] = [];
    while (tokens[at] !== close) {
      items.push(expr());
      if (tokens[at] === ',') at++;
    }
    at++;
    return items;
  };
  const expr = (): Expr => {
    const items: Term[] = [];
    for (;;) {
      const tok = tokens[at];
      if (tok === undefined || tok === ',' || tok === ']' || tok === ')' || tok === '}') return { t: 'app', items };
      at++;
      if (typeof tok === 'object') items.push({ t: 'str', v: tok.str });
      else if (tok === '[') items.push({ t: 'list', items: group(']') });
      else if (tok === '(') items.push({ t: 'tuple', items: group(')') });
      else if (tok === '{') items.push({ t: 'record', items: group('}') });
      else if (tok === '=') continue;
      else if (/^-?\d/.test(tok)) items.push({ t: 'num' });
      else items.push({ t: 'id', v: tok });
    }
  };
  return expr();
}

const INLINES = new Set(
  'Str Space SoftBreak LineBreak Emph Strong Underline Strikeout Superscript Subscript SmallCaps Quoted Cite Code Math RawInline Link Image Note Span'.split(
    ' ',
  ),
);
const head = (e: Expr) => (e.items[0]?.t === 'id' ? e.items[0].v : null);
const isInlineList = (term: Term) => term.t === 'list' && term.items.length > 0 && term.items.every((e) => INLINES.has(head(e) ?? ''));
const lastList = (e: Expr) => [...e.items].reverse().find((t) => t.t === 'list') as { items: Expr[] } | undefined;
const strings = (e: Expr) => e.items.filter((t): t is { t: 'str'; v: string } => t.t === 'str').map((t) => t.v);

/** Text of inlines as a reader that leaves out notes, comments and images (as Trellis does, with a note) shows it. */
function inlineText(items: Expr[]): string {
  return items
    .map((e) => {
      const h = head(e);
      if (h === 'Str') return strings(e)[0];
      if (h === 'Space' || h === 'SoftBreak' || h === 'LineBreak') return ' ';
      if (h === 'Code' || h === 'Math') return strings(e).at(-1);
      if (h === 'Note' || h === 'Image' || h === 'RawInline') return '';
      if (h === 'Span' && JSON.stringify(e.items[1]).includes('comment-')) return '';
      if (h === 'Quoted') {
        const double = e.items[1]?.t === 'id' && e.items[1].v === 'DoubleQuote';
        return `${double ? '“' : '‘'}${inlineText(lastList(e)!.items)}${double ? '”' : '’'}`;
      }
      // Link and Cite carry their text in their first list; the others in their only one.
      const list = e.items.find((t) => t.t === 'list') as { items: Expr[] } | undefined;
      return list ? inlineText(list.items) : '';
    })
    .join('');
}

/** The text of every paragraph, heading, table cell, caption and code block in a native golden file, white space collapsed. */
export function nativeParagraphs(src: string): string[] {
  const found: string[] = [];
  const walk = (e: Expr) => {
    const h = head(e);
    if (h === 'Note') return;
    if (h === 'CodeBlock') {
      found.push(...strings(e).at(-1)!.split('\n'));
      return;
    }
    for (const term of e.items) {
      if (isInlineList(term)) found.push(inlineText((term as { items: Expr[] }).items));
      else if (term.t === 'list' || term.t === 'tuple' || term.t === 'record') term.items.forEach(walk);
    }
  };
  walk(parse(src));
  return found.map(collapse).filter((p) => p !== '');
}

export const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();
