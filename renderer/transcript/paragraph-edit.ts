// A text edit that changed one paragraph's words and nothing else (issue 19): the view puts that paragraph's
// new text in place and moves the offsets after it, instead of mounting a long transcript again (a few
// hundred ms). Turns split, joined or relabelled, or several paragraphs changed, still mount again.
// Offsets are code points.
import type { Formatting, Paragraph } from '../../db/queries/documents';
import { movedRange } from '../../shared/text-rebase';

export interface TextVersion {
  text: string;
  paragraphs: Paragraph[];
  formatting?: Formatting | null;
}

export interface ParagraphEdit {
  /** Index of the changed paragraph. */
  index: number;
  /** Its new text. */
  line: string;
  /** The replaced code points, [start, end) before the edit; `length` code points took their place. */
  start: number;
  end: number;
  length: number;
}

/** Code points added (negative: removed) by the edit. */
export const editDelta = (edit: ParagraphEdit): number => edit.length - (edit.end - edit.start);

const moved = (p: Paragraph, by: number): Paragraph => ({ ...p, start: p.start + by, end: p.end + by, bodyStart: p.bodyStart + by });

/** Bold or italic ranges clear of [start, end), those after it moved by `by`: what an edit there leaves alone. */
const rangesBeside = (ranges: [number, number][], start: number, end: number, by: number) =>
  JSON.stringify(ranges.filter(([a, b]) => b <= start || a >= end).map(([a, b]) => (a >= end ? [a + by, b + by] : [a, b])));

const PARAGRAPH_FIELDS = ['n', 'start', 'end', 'bodyStart', 'speaker', 'timeMs'] as const;

/** Field by field: thousands of turns, compared on the way to a repaint, where serialising them cost tens of ms. */
export const sameParagraphs = (a: readonly Paragraph[], b: readonly Paragraph[]): boolean =>
  a === b || (a.length === b.length && a.every((p, i) => PARAGRAPH_FIELDS.every((k) => p[k] === b[i]![k])));

/** Whether two versions show the same text, turns and formatting. */
export const sameText = (a: TextVersion, b: TextVersion): boolean =>
  a.text === b.text &&
  sameParagraphs(a.paragraphs, b.paragraphs) &&
  JSON.stringify(a.formatting ?? null) === JSON.stringify(b.formatting ?? null);

/** Versions made here by a known edit of one paragraph (a fix shown before it is stored), with what they came from. */
const madeHere = new WeakMap<TextVersion, { before: TextVersion; edit: ParagraphEdit }>();

/** Notes that `after` is `before` with `edit` made: the view then takes the edit as it is instead of comparing the texts. */
export function noteParagraphEdit(before: TextVersion, after: TextVersion, edit: ParagraphEdit): void {
  madeHere.set(after, { before, edit });
}

/** The edit from `before` to `after` when it changed only one paragraph's text; null for any other change. */
export function paragraphEdit(before: TextVersion, after: TextVersion): ParagraphEdit | null {
  const noted = madeHere.get(after);
  // `before` may be an equal copy of what the edit was made on (a reload that brought the same text).
  if (noted && (noted.before === before || sameText(noted.before, before))) return noted.edit;
  if (before.paragraphs.length !== after.paragraphs.length || before.text === after.text) return null;
  const oldLines = before.text.split('\n');
  const newLines = after.text.split('\n');
  if (oldLines.length !== newLines.length) return null;
  const index = oldLines.findIndex((line, i) => line !== newLines[i]);
  if (oldLines.some((line, i) => i > index && line !== newLines[i])) return null;

  // The changed stretch: what is left between the words the two lines start and end with.
  const oldChars = [...oldLines[index]!];
  const newChars = [...newLines[index]!];
  let prefix = 0;
  while (prefix < oldChars.length && prefix < newChars.length && oldChars[prefix] === newChars[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(oldChars.length, newChars.length) - prefix;
  while (suffix < room && oldChars[oldChars.length - 1 - suffix] === newChars[newChars.length - 1 - suffix]) suffix++;
  const old = before.paragraphs[index]!;
  const edit = {
    index,
    line: newLines[index]!,
    start: old.start + prefix,
    end: old.start + oldChars.length - suffix,
    length: newChars.length - prefix - suffix,
  };
  const by = editDelta(edit);

  // The turns stay as they were (number, speaker, time, label), the later ones moved along.
  const same = (a: Paragraph, b: Paragraph) => JSON.stringify(a) === JSON.stringify(b);
  const turnsKept = before.paragraphs.every((p, i) =>
    same(i < index ? p : i > index ? moved(p, by) : { ...p, end: p.end + by }, after.paragraphs[i]!),
  );
  if (!turnsKept) return null;
  const f = before.formatting;
  const g = after.formatting;
  if (!f || !g) return f || g ? null : edit;
  const nextEnd = old.end + by;
  const formattingKept =
    JSON.stringify(f.headings) === JSON.stringify(g.headings) &&
    rangesBeside(f.bold, old.start, old.end, by) === rangesBeside(g.bold, old.start, nextEnd, 0) &&
    rangesBeside(f.italic, old.start, old.end, by) === rangesBeside(g.italic, old.start, nextEnd, 0);
  return formattingKept ? edit : null;
}

/** Where an offset before the edit is after it: inside the replaced words, at the end of the new ones. */
export function offsetAfter(edit: ParagraphEdit, offset: number): number {
  if (offset <= edit.start) return offset;
  if (offset >= edit.end) return offset + editDelta(edit);
  return edit.start + edit.length;
}

/** Items sorted by start: those starting in [from, to) swapped for `replacement`, those after moved by `by`. */
export function spliceRuns<T extends { start: number; end: number }>(
  items: T[],
  from: number,
  to: number,
  replacement: T[],
  by: number,
): T[] {
  const first = items.findIndex((r) => r.start >= from);
  const head = first === -1 ? items : items.slice(0, first);
  const rest = first === -1 ? [] : items.slice(first).filter((r) => r.start >= to);
  return [...head, ...replacement, ...rest.map((r) => ({ ...r, start: r.start + by, end: r.end + by }))];
}

/**
 * Where a span marked in the text as it was before `edits` (a search hit, a jump's target) is after them, as a
 * coding would move (one whose words were replaced covers the new words); null when its text was all deleted.
 */
export function spanAfterEdits(
  span: { start: number; end: number },
  edits: readonly ParagraphEdit[],
): { start: number; end: number } | null {
  // One after another: each edit is in the offsets the ones before it left.
  const moved = edits.reduce((at, edit) => movedRange(at.start, at.end, [edit]), span);
  return moved.end > moved.start ? moved : null;
}
