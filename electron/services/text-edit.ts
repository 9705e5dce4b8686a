// Editing a transcript's text with its codings kept: one or more replacements in a document, each
// moving every segment, paragraph and formatting run of it (shared/text-rebase.ts says where to). Call
// inside the mutation's transaction; the text changes as deltas (schema step 9), so undo restores the
// text, and the row triggers every segment and paragraph, exactly.
import { documentText, textBetween } from '../../db/document-text';
import { DataError } from '../../db/errors';
import { sha256 } from '../../db/ids';
import type { Db } from '../../db/project-file';
import type { Formatting } from '../../db/queries/documents';
import { deleteSegment, getSegment, listSegments, type Segment } from '../../db/queries/segments';
import {
  ASIDE,
  documentFormatting,
  moveParagraph,
  paragraphsAcross,
  paragraphsEndingFrom,
  placeSegment,
  reindexSearch,
  reindexSearchOnUndo,
  segmentsAcross,
  setSegmentsAside,
  shiftParagraphs,
  shiftSegments,
  spliceText,
  stretchSegments,
  type ParagraphRow,
} from '../../db/queries/text-edits';
import { codePointLength } from '../../shared/offsets';
import { cuts, movedParagraph, movedRange, movedRuns, shiftAfter, type Splice } from '../../shared/text-rebase';

/** Code points [start, end) of the text before the edit, replaced by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface TextEditResult {
  documentId: number;
  document: string;
  characters: number;
  /** Every segment of the document after the edit; left out when not asked for (the app, which has them). */
  segments?: Segment[];
  /** Segments whose text was all deleted, as they were. */
  removed: Segment[];
}

export const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Refuses changes that do not fit the text, overlap or change nothing. */
function check(db: Db, documentId: number, changes: readonly TextChange[]): void {
  const doc = documentText(db, documentId);
  if (changes.length === 0) throw new DataError('invalid', 'There is nothing to change.');
  let previousEnd = 0;
  for (const { start, end, text } of changes) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < previousEnd || end < start || end > doc.length) {
      throw new DataError('invalid', `The range ${start}–${end} is not inside "${doc.name}" (0–${doc.length}) or overlaps another change.`);
    }
    previousEnd = end;
    if (textBetween(doc, start, end) === text) throw new DataError('invalid', `The text at ${start}–${end} is "${text}" already.`);
  }
}

/** Refuses a change that adds or removes a line break (a turn's end): turns split and join only as such (turns.ts). */
function checkInsideParagraphs(db: Db, documentId: number, changes: readonly TextChange[]): void {
  const doc = documentText(db, documentId);
  for (const { start, end, text } of changes) {
    if (LINE_BREAK.test(text) || LINE_BREAK.test(textBetween(doc, start, end))) {
      throw new DataError('invalid', 'A text edit stays inside one paragraph: split or join turns instead.');
    }
  }
}

/** Paragraph numbers before → after a change of turns (null: the paragraph is gone). */
export type Renumber = (n: number) => number | null;

/** Formatting runs moved like segments; a run left empty goes. */
function rebaseFormatting(formatting: Formatting | null, splices: readonly Splice[], renumber: Renumber): Formatting | null {
  if (!formatting) return null;
  const headings = formatting.headings.flatMap((h) => {
    const n = renumber(h.n);
    return n === null ? [] : [{ n, level: h.level }];
  });
  return { headings, bold: movedRuns(formatting.bold, splices), italic: movedRuns(formatting.italic, splices) };
}

/** Whether a segment holds the splice whole, and the splice inserts text: then it may stretch in place. */
const holds = (start: number, end: number, s: Splice): boolean =>
  s.length > 0 && start <= s.start && end >= s.end && (s.start < s.end || start < s.start);

function moveSegments(
  db: Db,
  documentId: number,
  changes: readonly TextChange[],
  splices: readonly Splice[],
  formatting: Formatting | null,
): Segment[] {
  const rows = segmentsAcross(db, documentId, changes[0]!.start, changes.at(-1)!.end);
  const cut = rows
    .map((r) => {
      const cutBy = splices.filter((s) => cuts(r.start, r.end, s));
      return {
        id: r.id,
        cutBy,
        around: cutBy.every((s) => holds(r.start, r.end, s)),
        ...movedRange(r.start, r.end, splices),
      };
    })
    .filter((r) => r.cutBy.length > 0);
  const removed = cut.filter((r) => r.end <= r.start).map((r) => getSegment(db, r.id));
  spliceText(db, documentId, changes, formatting);
  // Segments cut other than around a change wait aside, overlapping nothing, while the others move.
  const aside = cut.filter((r) => !r.around);
  setSegmentsAside(
    db,
    aside.map((r) => r.id),
  );
  // Segments between two changes (or after the last) all move by the same amount.
  changes.forEach((change, k) => {
    const delta = shiftAfter(splices, k + 1);
    if (delta !== 0) shiftSegments(db, documentId, change.end, changes[k + 1]?.start ?? ASIDE, delta);
  });
  const doc = documentText(db, documentId);
  const hash = (r: { start: number; end: number }) => sha256(textBetween(doc, r.start, r.end));
  stretchSegments(
    db,
    cut.filter((r) => r.around).map((r) => ({ ...r, hash: hash(r) })),
  );
  for (const r of aside) {
    if (r.end > r.start) placeSegment(db, r.id, r.start, r.end, hash(r));
    else deleteSegment(db, r.id);
  }
  return removed;
}

function moveParagraphs(db: Db, documentId: number, rows: readonly ParagraphRow[], splices: readonly Splice[]): void {
  let run: { from: number; to: number; delta: number } | null = null;
  const flush = () => {
    if (run && run.delta !== 0) shiftParagraphs(db, documentId, run.from, run.to, run.delta);
    run = null;
  };
  for (const p of rows) {
    const moved: ParagraphRow = movedParagraph(p, splices);
    const delta = moved.start - p.start;
    if (moved.end - p.end === delta && moved.bodyStart - p.bodyStart === delta) {
      // Consecutive paragraphs that only shift, by the same amount, move in one statement.
      if (run && run.delta === delta && run.to === p.n - 1) run.to = p.n;
      else {
        flush();
        run = { from: p.n, to: p.n, delta };
      }
    } else {
      flush();
      moveParagraph(db, documentId, moved);
    }
  }
  flush();
}

/** Rewrites the text (changes checked) and moves everything anchored in it; returns the segments removed. */
function rewrite(db: Db, documentId: number, changes: readonly TextChange[], renumber: Renumber): Segment[] {
  const splices: Splice[] = changes.map((c) => ({ start: c.start, end: c.end, length: codePointLength(c.text) }));
  const formatting = rebaseFormatting(documentFormatting(db, documentId), splices, renumber);
  const paragraphs = paragraphsEndingFrom(db, documentId, splices[0]!.start);
  const removed = moveSegments(db, documentId, changes, splices, formatting);
  moveParagraphs(db, documentId, paragraphs, splices);
  return removed;
}

/**
 * Rewrites the text and moves everything anchored in it, the search index left to the caller: changes
 * sorted, not overlapping, in the offsets of the current text; `renumber` says where the formatting's
 * headings go when turns split or join. Returns the segments removed.
 */
export function rewriteText(db: Db, documentId: number, changes: readonly TextChange[], renumber: Renumber): Segment[] {
  check(db, documentId, changes);
  return rewrite(db, documentId, changes, renumber);
}

/**
 * Applies changes inside paragraphs to one document (see rewriteText) and re-indexes the speech they
 * touch. Returns the segments removed.
 */
export function applyTextChanges(db: Db, documentId: number, changes: readonly TextChange[]): Segment[] {
  check(db, documentId, changes);
  checkInsideParagraphs(db, documentId, changes);
  const first = changes[0]!.start;
  // The paragraphs whose speech the changes touch: re-indexed after the changes, and logged first for
  // undo, which replays backwards and so re-indexes them once everything is back.
  const spoken = paragraphsAcross(db, documentId, first, changes.at(-1)!.end)
    .filter((p) => changes.some((c) => c.start <= p.end && c.end >= p.bodyStart))
    .map((p) => p.n);
  reindexSearchOnUndo(db, documentId, spoken);
  const removed = rewrite(db, documentId, changes, (n) => n);
  reindexSearch(db, documentId, spoken);
  return removed;
}

/**
 * A document's name, length and segments after an edit (the API's and CLI's answer); withText false leaves
 * every segment's text empty, as segments.list does: the app has the text and reconciles only places.
 */
/** What an edit's answer holds: the segments' text, and every segment of the document or only those removed. */
export interface EditAnswer {
  withText?: boolean;
  withSegments?: boolean;
}

export function editResult(
  db: Db,
  documentId: number,
  removed: Segment[],
  { withText = true, withSegments = true }: EditAnswer = {},
): TextEditResult {
  const doc = documentText(db, documentId);
  return {
    documentId,
    document: doc.name,
    characters: doc.length,
    ...(withSegments ? { segments: listSegments(db, { documentId, withText }) } : {}),
    removed: withText ? removed : removed.map((s) => ({ ...s, text: '' })),
  };
}

/** One replacement in one document, with the document's segments after it (the API's and CLI's answer). */
export function editText(db: Db, documentId: number, change: TextChange, answer: EditAnswer = {}): TextEditResult {
  return editResult(db, documentId, applyTextChanges(db, documentId, [change]), answer);
}
