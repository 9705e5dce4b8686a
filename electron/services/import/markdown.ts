// Markdown transcripts: the common subset (ATX and setext headings, paragraphs, list items, fenced code,
// emphasis, code spans, links, escapes). Syntax becomes formatting; the words stay as written.
import type { Block, Mark, SpeakerMatcher } from '../transcript';
import { splitLines } from '../transcript';

interface Inline {
  text: string;
  marks: Mark[];
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SYNTAX = /[\\`*_[!<]/g;
// Spans are looked for within 2,000 characters, and a paragraph gets at most MAX_MISSES failed looks
// (after that its stray * and _ are text), so that no line, however odd, takes more than a moment.
const MAX_MISSES = 2000;
const EMPHASIS = /(\*{1,3}|_{1,3})(?=\S)([^]{0,2000}?\S)\1/y;
const CODE_SPAN = /(`+)([^]{0,2000}?[^`])\1(?!`)/y;
const LINK = /!?\[([^\]]{0,2000})\]\([^)\s]{0,2000}(?:\s+"[^"]{0,2000}")?\)/y;
const AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/y;

/** Inline Markdown to plain text with bold/italic marks (UTF-16 ranges). */
export function parseInline(source: string): Inline {
  let text = '';
  let misses = 0;
  const marks: Mark[] = [];
  const emit = (s: string, bold: boolean, italic: boolean) => {
    const last = marks.at(-1);
    if (s && (bold || italic)) {
      if (last && last.end === text.length && last.bold === bold && last.italic === italic) last.end += s.length;
      else marks.push({ start: text.length, end: text.length + s.length, bold, italic });
    }
    text += s;
  };
  // Every syntax lookup that finds nothing counts; past MAX_MISSES the rest of the paragraph is read as text.
  const look = (re: RegExp, s: string, i: number): RegExpExecArray | null => {
    if (misses >= MAX_MISSES) return null;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) misses++;
    return m;
  };
  const walk = (s: string, bold: boolean, italic: boolean) => {
    for (let i = 0; i < s.length;) {
      // Plain text up to the next character that may start syntax goes out in one piece.
      SYNTAX.lastIndex = i;
      const next = SYNTAX.exec(s)?.index ?? s.length;
      if (next > i) {
        emit(s.slice(i, next), bold, italic);
        i = next;
        continue;
      }
      const c = s[i]!;
      let m: RegExpExecArray | null;
      if (c === '\\' && ESCAPABLE.test(s[i + 1] ?? '')) {
        emit(s[i + 1]!, bold, italic);
        i += 2;
      } else if (c === '`' && (m = look(CODE_SPAN, s, i))) {
        emit(m[2]!, bold, italic);
        i += m[0].length;
      } else if ((c === '*' || (c === '_' && !/\w/.test(s[i - 1] ?? ''))) && (m = look(EMPHASIS, s, i))) {
        const run = m[1]!.length;
        walk(m[2]!, bold || run >= 2, italic || run !== 2);
        i += m[0].length;
      } else if ((c === '[' || c === '!') && (m = look(LINK, s, i))) {
        walk(m[1]!, bold, italic);
        i += m[0].length;
      } else if (c === '<' && (m = look(AUTOLINK, s, i))) {
        emit(m[1]!, bold, italic);
        i += m[0].length;
      } else {
        emit(c, bold, italic);
        i++;
      }
    }
  };
  walk(source, false, false);
  return { text, marks };
}

/**
 * Blocks of a Markdown document. Lines of one paragraph are joined with a space, except that a line
 * starting with a speaker label or a list marker starts a new paragraph (transcripts often put turns
 * on consecutive lines).
 */
export function markdownBlocks(source: string, matcher: SpeakerMatcher): Block[] {
  const blocks: Block[] = [];
  let lines: Inline[] = [];
  let fence: string | null = null;
  const flush = (heading?: number) => {
    if (lines.length === 0) return;
    const block: Block = { text: '', marks: [], heading };
    for (const line of lines) {
      if (block.text) block.text += ' ';
      block.marks!.push(...line.marks.map((m) => ({ ...m, start: m.start + block.text.length, end: m.end + block.text.length })));
      block.text += line.text;
    }
    blocks.push(block);
    lines = [];
  };
  for (const raw of splitLines(source)) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence !== null) {
      if (fenceMark?.startsWith(fence)) fence = null;
      else blocks.push({ text: raw });
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(raw);
    if (setext && lines.length > 0) {
      flush(setext[1]!.startsWith('=') ? 1 : 2);
      continue;
    }
    if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(raw)) {
      flush();
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(raw);
    if (atx) {
      flush();
      lines = [parseInline(atx[2] ?? '')];
      flush(atx[1]!.length);
      continue;
    }
    const hardBreak = / {2,}$|\\$/.test(raw);
    const line = parseInline(raw.trim().replace(/\\$/, ''));
    if (lines.length > 0 && (/^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/.test(raw) || matcher(line.text))) flush();
    lines.push(line);
    if (hardBreak) flush();
  }
  flush();
  return blocks;
}
