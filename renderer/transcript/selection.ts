import { codePointToUtf16, utf16ToCodePoint } from '../../shared/offsets';
import type { TranscriptDocument } from './lexical-document';

export interface Span {
  start: number;
  end: number;
}

/** The window selection as code-point offsets, trimmed of the paragraph break a triple click takes along. */
export function selectedSpan(doc: TranscriptDocument, text: string): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = doc.fromDom(range.startContainer, range.startOffset);
  const end = doc.fromDom(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return trim(text, Math.min(start, end), Math.max(start, end));
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}'’_-]/u.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/** Drops leading/trailing whitespace and line breaks from a span (never the words themselves). */
export function trim(text: string, start: number, end: number): Span | null {
  const points = Array.from(text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end)));
  let a = 0;
  let b = points.length;
  while (a < b && isSpace(points[a])) a++;
  while (b > a && isSpace(points[b - 1])) b--;
  return b > a ? { start: start + a, end: start + b } : null;
}

/** Widens a span to whole words (the "snap to word" option). */
export function snapToWords(text: string, span: Span): Span {
  const at = (cp: number) => {
    const i = codePointToUtf16(text, cp);
    return String.fromCodePoint(text.codePointAt(i) ?? 32);
  };
  const length = utf16ToCodePoint(text, text.length);
  let { start, end } = span;
  while (start > 0 && isWordChar(at(start - 1)) && isWordChar(at(start))) start--;
  while (end < length && isWordChar(at(end - 1)) && isWordChar(at(end))) end++;
  return { start, end };
}

type Move = ['forward' | 'backward', 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary'];

/**
 * The keyboard caret in read-only text, which the browser does not move by itself: the arrows move it by
 * character or line (with Ctrl by word or paragraph), Home/End to the line's ends, Page Up/Down by a screenful of lines; with Shift each extends the selection instead.
 */
export function moveCaretByKey(event: KeyboardEvent, linesPerPage: number): boolean {
  if (event.altKey || event.metaKey || (event.ctrlKey && (event.key === 'Home' || event.key === 'End'))) return false;
  const ctrl = event.ctrlKey;
  const keys: Record<string, Move> = {
    ArrowRight: ['forward', ctrl ? 'word' : 'character'],
    ArrowLeft: ['backward', ctrl ? 'word' : 'character'],
    ArrowDown: ['forward', ctrl ? 'paragraph' : 'line'],
    ArrowUp: ['backward', ctrl ? 'paragraph' : 'line'],
    End: ['forward', 'lineboundary'],
    Home: ['backward', 'lineboundary'],
    PageDown: ['forward', 'line'],
    PageUp: ['backward', 'line'],
  };
  const move = keys[event.key];
  const selection = window.getSelection();
  if (!move || !selection || selection.rangeCount === 0) return false;
  const times = event.key.startsWith('Page') ? Math.max(1, linesPerPage) : 1;
  for (let i = 0; i < times; i++) selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
  return true;
}

/** The screen box of the selection's moving end (the caret), one line high. */
export function caretRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const rect = range.getClientRects()[0];
  if (rect && rect.height > 0) return rect;
  // At the very start of a text node a collapsed range may have no box: use the next character's left edge.
  if (selection.focusNode.nodeType === Node.TEXT_NODE && selection.focusOffset < (selection.focusNode as Text).length) {
    range.setEnd(selection.focusNode, selection.focusOffset + 1);
    const next = range.getClientRects()[0];
    if (next) return new DOMRect(next.left, next.top, 0, next.height);
  }
  return null;
}

const isPunctuation = (c: string | undefined) => c !== undefined && /\p{P}/u.test(c);

/**
 * A coding's boundary moved one word (or one character) left or right, for resizing by keyboard. A word is
 * anything between spaces, so an emoji is a step of its own; when snapping to words, punctuation outside a
 * word is no word either ("mostly." ends at "mostly"). A start moves to the start of a word and an end to
 * the end of one, so a boundary never rests on white space.
 */
export function nudge(
  text: string,
  offset: number,
  direction: 1 | -1,
  unit: 'word' | 'character',
  edge: 'start' | 'end',
  snap: boolean,
): number {
  const points = Array.from(text);
  const clamp = (n: number) => Math.max(0, Math.min(points.length, n));
  if (unit === 'character') return clamp(offset + direction);
  const inWord = (c: string | undefined) => c !== undefined && !isSpace(c) && (!snap || isWordChar(c) || !isPunctuation(c));
  // Forward from a start (or back from an end) leaves the word first, then the gap; the other way round
  // crosses the gap first, then the word.
  const [first, second] = (edge === 'start') === (direction === 1) ? [true, false] : [false, true];
  let at = offset;
  const next = () => points[direction === 1 ? at : at - 1];
  const inBounds = () => (direction === 1 ? at < points.length : at > 0);
  while (inBounds() && inWord(next()) === first) at += direction;
  while (inBounds() && inWord(next()) === second) at += direction;
  return clamp(at);
}

/** The selection, or the caret as an empty span, as code-point offsets: what a text edit replaces. */
export function editSpan(doc: TranscriptDocument): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = doc.fromDom(range.startContainer, range.startOffset);
  const end = doc.fromDom(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/**
 * Puts the caret after words just fixed over `fixed.span` (`length`: the text's length when the fix began),
 * as they are shown now: the dialog took the caret away. Until the view shows the new words, their end
 * is the span's end, and the paragraph's update in place moves the caret along.
 */
export function caretAfterFix(doc: TranscriptDocument, fixed: { span: Span; length: number }, replaced: number): void {
  const at = doc.length === fixed.length ? fixed.span.end : fixed.span.start + replaced;
  const to = doc.toDom(at);
  if (to) window.getSelection()?.collapse(to.node, to.offset);
}
