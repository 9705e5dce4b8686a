// Splitting, joining and relabelling turns (issue 19): text edits that add or remove a line break and a
// speaker label, the codings moved as for any edit (text-edit.ts), then the paragraph rows cut, merged and
// numbered again. The paragraph rows' undo triggers bring removed or added turns back with their search
// keys, which numbering again leaves alone (schema step 12): the index re-reads only the turns whose
// speech changed.
import { documentText, textBetween } from '../../db/document-text';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import type { Segment } from '../../db/queries/segments';
import {
  continuedUntil,
  deleteParagraph,
  insertParagraph,
  labelledTurns,
  moveParagraph,
  reindexSearch,
  reindexSearchOnUndo,
  renumberParagraphs,
  searchKeysAround,
  setParagraphSpeakers,
  spreadSearchKeysAgain,
  turnAt,
  turnNumbered,
  type TurnRow,
} from '../../db/queries/text-edits';
import { keyBetween } from '../../db/search-keys';
import { codePointLength } from '../../shared/offsets';
import { editResult, LINE_BREAK, rewriteText, type TextChange, type TextEditResult } from './text-edit';

/** An edit's answer and the turn it leaves the caret in (the new one, the joined one, the relabelled one). */
export interface TurnEditResult extends TextEditResult {
  turn: number;
}

const CLOCK = /\d:\d\d/;
const SPACE = /^\s$/u;

function turn(db: Db, documentId: number, n: number): TurnRow {
  const row = turnNumbered(db, documentId, n);
  if (!row) throw new DataError('not-found', `"${documentText(db, documentId).name}" has no turn ${n}.`);
  return row;
}

function checkSpeaker(speaker: string): void {
  if (LINE_BREAK.test(speaker)) throw new DataError('invalid', 'A speaker’s name is one line.');
}

/**
 * The label a turn of `speaker` gets, written like the nearest turn whose label holds its speaker's name
 * ("Jon: " → "Ana: ", "[Jon] " → "[Ana] "), skipping labels with a clock time (not the new turn's time);
 * without one, "Ana: ".
 */
function labelFor(db: Db, documentId: number, speaker: string, n: number): string {
  const doc = documentText(db, documentId);
  for (const t of labelledTurns(db, documentId, n)) {
    const label = textBetween(doc, t.start, t.bodyStart);
    const at = label.indexOf(t.speaker!);
    if (at < 0 || CLOCK.test(label)) continue;
    const written = label.slice(0, at) + speaker + label.slice(at + t.speaker!.length);
    return /\s$/u.test(written) ? written : `${written} `;
  }
  return `${speaker}: `;
}

/** A search key for a new turn after turn n, the document's keys spread again if its neighbours leave none free. */
function keyAfter(db: Db, documentId: number, n: number): number {
  const around = () => searchKeysAround(db, documentId, n);
  const free = (k: { at: number; next: number | null }) => keyBetween(documentId, k.at, k.next);
  const key = free(around());
  if (key !== null) return key;
  spreadSearchKeysAgain(db, documentId);
  return free(around())!;
}

/**
 * Splits the turn holding code point `at` there: the white space around it becomes a line break and the
 * new turn's label (default: the same speaker's). Codings across the split keep their words.
 */
export function splitTurn(db: Db, documentId: number, at: number, speaker?: string): TurnEditResult {
  const doc = documentText(db, documentId);
  const old = Number.isInteger(at) && at >= 0 && at <= doc.length ? turnAt(db, documentId, at) : undefined;
  if (!old) throw new DataError('invalid', `${at} is not inside "${doc.name}" (0–${doc.length}).`);
  let start = at;
  let end = at;
  while (start > old.bodyStart && SPACE.test(textBetween(doc, start - 1, start))) start--;
  while (end < old.end && SPACE.test(textBetween(doc, end, end + 1))) end++;
  if (start <= old.bodyStart || end >= old.end) {
    throw new DataError(
      'invalid',
      `A turn splits inside its speech, with words on both sides (turn ${old.n} speaks at ${old.bodyStart}–${old.end}).`,
    );
  }
  if (speaker !== undefined) checkSpeaker(speaker);
  const who = speaker ?? old.speaker;
  const label = who === null ? '' : labelFor(db, documentId, who, old.n);
  const text = `\n${label}`;
  const key = keyAfter(db, documentId, old.n);
  // The turn cut short is re-read now and once undo has put its speech back; the new one's insert indexes it.
  reindexSearchOnUndo(db, documentId, [old.n]);
  const removed = rewriteText(db, documentId, [{ start, end, text }], (n) => (n > old.n ? n + 1 : n));
  renumberParagraphs(db, documentId, old.n, 1);
  moveParagraph(db, documentId, { n: old.n, start: old.start, end: start, bodyStart: old.bodyStart });
  reindexSearch(db, documentId, [old.n]);
  const bodyStart = start + codePointLength(text);
  const shift = codePointLength(text) - (end - start);
  const added = { n: old.n + 1, start: start + 1, end: old.end + shift, bodyStart, speaker: who, timeMs: null };
  insertParagraph(db, documentId, added, key);
  return { ...editResult(db, documentId, removed), turn: old.n + 1 };
}

/**
 * Joins turn n with the next: the line break and the second's label become one space. Codings over the
 * label shrink (one wholly inside it goes, listed); the first turn's speaker and time stay.
 */
export function joinTurns(db: Db, documentId: number, n: number): TurnEditResult {
  const first = turn(db, documentId, n);
  const second = turnNumbered(db, documentId, n + 1);
  if (!second)
    throw new DataError('invalid', `Turn ${n} is the last turn of "${documentText(db, documentId).name}": there is none to join it with.`);
  // Undo puts the second turn back (its insert indexes it as the text then reads) before the text: both
  // are re-read once everything is back.
  reindexSearchOnUndo(db, documentId, [n, n + 1]);
  // The space as its own insertion, so that a coding wholly inside the label is left empty (and goes).
  const removed = rewriteText(
    db,
    documentId,
    [
      { start: first.end, end: first.end, text: ' ' },
      { start: first.end, end: second.bodyStart, text: '' },
    ],
    (m) => (m === n + 1 ? null : m > n + 1 ? m - 1 : m),
  );
  deleteParagraph(db, documentId, n + 1);
  renumberParagraphs(db, documentId, n + 1, -1);
  const end = second.end + 1 - (second.bodyStart - first.end);
  moveParagraph(db, documentId, { n, start: first.start, end, bodyStart: first.bodyStart });
  reindexSearch(db, documentId, [n]);
  return { ...editResult(db, documentId, removed), turn: n };
}

/**
 * Gives turn n another speaker: the speaker's name in its label replaced (a clock time in it stays), a
 * label written as the document's others when it has none or one without the name; or none (null): its
 * label removed, codings over the label shrinking (one wholly inside it removed and listed) as for any edit.
 * The unlabelled paragraphs right after it that carry its old speaker continue the turn (an import gives
 * them the label's speaker): they get the new one too.
 */
export function setSpeaker(db: Db, documentId: number, n: number, speaker: string | null): TurnEditResult {
  if (speaker !== null) checkSpeaker(speaker);
  const old = turn(db, documentId, n);
  const labelled = old.bodyStart > old.start;
  if (old.speaker === speaker && (speaker !== null || !labelled)) {
    throw new DataError('invalid', speaker === null ? `Turn ${n} has no speaker already.` : `Turn ${n} is ${speaker}’s already.`);
  }
  const last = old.speaker === null ? n : continuedUntil(db, documentId, n, old.speaker);
  const change =
    speaker === null ? (labelled ? { start: old.start, end: old.bodyStart, text: '' } : null) : relabel(db, documentId, old, speaker);
  // Only the label changes: the speech, and so the search index, stay as they are.
  let removed: Segment[] = [];
  if (change) {
    removed = rewriteText(db, documentId, [change], (m) => m);
    const shift = codePointLength(change.text) - (change.end - change.start);
    moveParagraph(db, documentId, { n, start: old.start, end: old.end + shift, bodyStart: old.bodyStart + shift });
  }
  setParagraphSpeakers(db, documentId, n, last, speaker);
  return { ...editResult(db, documentId, removed), turn: n };
}

/** The change that makes a turn's label name `speaker`: the old name in it replaced, else a new label. */
function relabel(db: Db, documentId: number, old: TurnRow, speaker: string): TextChange {
  const label = textBetween(documentText(db, documentId), old.start, old.bodyStart);
  const at = old.speaker === null ? -1 : label.indexOf(old.speaker);
  if (at < 0) return { start: old.start, end: old.bodyStart, text: labelFor(db, documentId, speaker, old.n) };
  const before = codePointLength(label.slice(0, at));
  return { start: old.start + before, end: old.start + before + codePointLength(old.speaker!), text: speaker };
}
