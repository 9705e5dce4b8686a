// The writes of a text edit (electron/services/text-edit.ts decides where everything goes): the text
// spliced through document_text_edits (schema step 9, which logs the reverse as a delta), segments and
// paragraphs moved, the search index re-read where the speech changed.
import { codePointLength } from '../../shared/offsets';
import { documentText, keepWrittenText, splicedText } from '../document-text';
import { nowIso, sha256 } from '../ids';
import type { Db } from '../project-file';
import { spreadKey } from '../search-keys';
import { stmt } from '../statements';
import type { Formatting } from './documents';

/** Far past any text: segments an edit cuts wait here, overlapping nothing, while the others shift. */
export const ASIDE = 2 ** 50;

export interface RangeRow {
  id: number;
  start: number;
  end: number;
}

/**
 * The document's segments that end after `from` and start before `until`: the only ones changes between
 * them can cut (shared/text-rebase.ts, cuts); the others stay or only move.
 */
export const segmentsAcross = (db: Db, documentId: number, from: number, until: number): RangeRow[] =>
  stmt(db, 'SELECT id, start, end FROM segments WHERE document_id = ? AND end > ? AND start < ? ORDER BY start, id').all(
    documentId,
    from,
    until,
  ) as RangeRow[];

export interface ParagraphRow {
  n: number;
  start: number;
  end: number;
  bodyStart: number;
}

/** The document's paragraphs that end at or after `from` and start at or before `until`. */
export const paragraphsAcross = (db: Db, documentId: number, from: number, until: number): ParagraphRow[] =>
  stmt(
    db,
    'SELECT n, start, end, body_start AS bodyStart FROM paragraphs WHERE document_id = ? AND end >= ? AND start <= ? ORDER BY n',
  ).all(documentId, from, until) as ParagraphRow[];

export const paragraphsEndingFrom = (db: Db, documentId: number, from: number): ParagraphRow[] =>
  stmt(db, 'SELECT n, start, end, body_start AS bodyStart FROM paragraphs WHERE document_id = ? AND end >= ? ORDER BY n').all(
    documentId,
    from,
  ) as ParagraphRow[];

/**
 * Replaces code points [start, end) of the text by each change's text (in order, not overlapping), in one
 * write, with the row's hash and formatting; this connection's text cache takes the new text as it is
 * written, so that the edit's later reads neither read it back nor index it all again.
 */
export function spliceText(
  db: Db,
  documentId: number,
  changes: readonly { start: number; end: number; text: string }[],
  formatting: Formatting | null,
): void {
  // A lone surrogate as U+FFFD: SQLite would keep bytes that it counts as one character and that read back as three.
  const written = changes.map((c) => ({ ...c, text: c.text.replace(/\p{Cs}/gu, '\uFFFD') }));
  const after = splicedText(documentText(db, documentId), written);
  // [start, end, text, where the text lands]: its start moved by the changes before it.
  let shift = 0;
  const edits = written.map((c) => {
    const edit = [c.start, c.end, c.text, c.start + shift];
    shift += codePointLength(c.text) - (c.end - c.start);
    return edit;
  });
  stmt(db, 'INSERT INTO document_text_edits (document_id, edits) VALUES (?, ?)').run(documentId, JSON.stringify(edits));
  // The hash with the text, before anything reads it: the text cache trusts a copy whose hash is the row's.
  stmt(db, 'UPDATE documents SET content_hash = ?, formatting = ?, modified_at = ? WHERE id = ?').run(
    sha256(after.text),
    formatting ? JSON.stringify(formatting) : null,
    nowIso(),
    documentId,
  );
  keepWrittenText(db, documentId, after);
}

/** Paragraph numbers as search_reindex takes them (schema step 12): null for every paragraph of the document. */
const paragraphList = (paragraphs: readonly number[] | null) => (paragraphs === null ? null : JSON.stringify(paragraphs));

/** Re-indexes the speech of these paragraphs (numbers; null: all of the document's); undo and redo re-index them again. */
export function reindexSearch(db: Db, documentId: number, paragraphs: readonly number[] | null): void {
  stmt(db, 'INSERT INTO search_reindex (document_id, paragraphs) VALUES (?, ?)').run(documentId, paragraphList(paragraphs));
}

/**
 * Logs, first in an edit's step, the re-index its undo needs once everything is back (the log replays
 * backwards), as search_reindex's trigger logs itself (schema step 9), without re-reading now: the index
 * is right for the text before the edit already.
 */
export function reindexSearchOnUndo(db: Db, documentId: number, paragraphs: readonly number[] | null): void {
  stmt(
    db,
    `INSERT INTO undo_log (step_id, statement)
     SELECT step_id, 'INSERT INTO search_reindex (document_id, paragraphs) VALUES (' || CAST(? AS INTEGER) || ', ' || quote(?) || ')'
       FROM undo_recording WHERE step_id IS NOT NULL`,
  ).run(documentId, paragraphList(paragraphs));
}

/** Moves segments out of every neighbourhood (co-occurrence follows, by trigger, as for any resize). */
export function setSegmentsAside(db: Db, ids: readonly number[]): void {
  const aside = stmt(db, 'UPDATE segments SET start = ?, end = ? WHERE id = ?');
  ids.forEach((id, i) => aside.run(ASIDE + 2 * i, ASIDE + 2 * i + 1, id));
}

/**
 * Shifts by `delta` the segments starting in [from, until): one statement, logged for undo as one (schema
 * step 13), and no co-occurrence recount, since all of them move together and those the edit cut are aside
 * (see db/cooccurrence.ts).
 */
export function shiftSegments(db: Db, documentId: number, from: number, until: number, delta: number): void {
  stmt(
    db,
    `INSERT INTO segment_moves (document_id, ids, delta)
     SELECT @doc, json_group_array(id), @delta FROM segments WHERE document_id = @doc AND start >= @from AND start < @until`,
  ).run({ doc: documentId, from, until, delta });
}

/**
 * Stretches segments in place around the changes they hold whole, without a co-occurrence recount: when
 * each such change inserts text, every overlap stays as it was (see db/cooccurrence.ts).
 */
export function stretchSegments(db: Db, segments: readonly { id: number; start: number; end: number; hash: string }[]): void {
  const mark = stmt(db, 'INSERT INTO segments_around_edits (id) VALUES (?)');
  for (const s of segments) mark.run(s.id);
  for (const s of segments) placeSegment(db, s.id, s.start, s.end, s.hash);
  stmt(db, 'DELETE FROM segments_around_edits').run();
}

export function placeSegment(db: Db, id: number, start: number, end: number, textHash: string): void {
  stmt(db, 'UPDATE segments SET start = ?, end = ?, text_hash = ?, modified_at = ? WHERE id = ?').run(start, end, textHash, nowIso(), id);
}

export function moveParagraph(db: Db, documentId: number, p: ParagraphRow): void {
  stmt(db, 'UPDATE paragraphs SET start = ?, end = ?, body_start = ? WHERE document_id = ? AND n = ?').run(
    p.start,
    p.end,
    p.bodyStart,
    documentId,
    p.n,
  );
}

/** Shifts paragraphs `from`…`to` (numbers) by `delta`. */
export function shiftParagraphs(db: Db, documentId: number, from: number, to: number, delta: number): void {
  stmt(db, 'INSERT INTO paragraph_moves (document_id, from_n, to_n, delta) VALUES (?, ?, ?, ?)').run(documentId, from, to, delta);
}

export const documentFormatting = (db: Db, documentId: number): Formatting | null => {
  const json = stmt(db, 'SELECT formatting FROM documents WHERE id = ?').pluck().get(documentId) as string | null;
  return json ? (JSON.parse(json) as Formatting) : null;
};

/** A paragraph with its speaker and time: a turn to split, join or relabel. */
export interface TurnRow extends ParagraphRow {
  speaker: string | null;
  timeMs: number | null;
}

const TURN_COLUMNS = 'n, start, end, body_start AS bodyStart, speaker, time_ms AS timeMs';

/** The paragraph holding a code point (its end included: the caret after its last character). */
export const turnAt = (db: Db, documentId: number, offset: number): TurnRow | undefined =>
  stmt(db, `SELECT ${TURN_COLUMNS} FROM paragraphs WHERE document_id = ? AND end >= ? ORDER BY n LIMIT 1`).get(documentId, offset) as
    TurnRow | undefined;

export const turnNumbered = (db: Db, documentId: number, n: number): TurnRow | undefined =>
  stmt(db, `SELECT ${TURN_COLUMNS} FROM paragraphs WHERE document_id = ? AND n = ?`).get(documentId, n) as TurnRow | undefined;

export const lastTurn = (db: Db, documentId: number): number =>
  stmt(db, 'SELECT ifnull(max(n), 0) FROM paragraphs WHERE document_id = ?').pluck().get(documentId) as number;

/** The document's turns that start with a speaker's label, nearest to turn n first, read only as far as iterated. */
export const labelledTurns = (db: Db, documentId: number, n: number): IterableIterator<TurnRow> =>
  stmt(
    db,
    `SELECT ${TURN_COLUMNS} FROM paragraphs WHERE document_id = ? AND body_start > start AND speaker IS NOT NULL ORDER BY abs(n - ?), n`,
  ).iterate(documentId, n) as IterableIterator<TurnRow>;

/** Renumbers the paragraphs after number `after` by `by` (+1 after a split, −1 after a join), one undo statement. */
export function renumberParagraphs(db: Db, documentId: number, after: number, by: number): void {
  stmt(db, 'INSERT INTO paragraph_renumbers (document_id, after, by) VALUES (?, ?, ?)').run(documentId, after, by);
}

/** A new paragraph row; the search index takes its speech by trigger, under its key (schema step 12). */
export function insertParagraph(db: Db, documentId: number, p: TurnRow, searchKey: number): void {
  stmt(
    db,
    'INSERT INTO paragraphs (document_id, n, start, end, body_start, speaker, time_ms, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(documentId, p.n, p.start, p.end, p.bodyStart, p.speaker, p.timeMs, searchKey);
}

/** The search keys of turn n and of the turn after it (null when there is none). */
export const searchKeysAround = (db: Db, documentId: number, n: number): { at: number; next: number | null } =>
  stmt(
    db,
    `SELECT search_key AS at, (SELECT search_key FROM paragraphs WHERE document_id = @doc AND n = @n + 1) AS next
       FROM paragraphs WHERE document_id = @doc AND n = @n`,
  ).get({ doc: documentId, n }) as { at: number; next: number | null };

/**
 * Spreads a document's search keys evenly again (db/search-keys.ts) and re-indexes it under them; undo puts
 * the old keys back (each row's), then re-indexes it under those.
 */
export function spreadSearchKeysAgain(db: Db, documentId: number): void {
  reindexSearchOnUndo(db, documentId, null);
  const count = lastTurn(db, documentId);
  // Out of the way first (keys are positive), so that no new key meets an old one.
  stmt(db, 'UPDATE paragraphs SET search_key = -search_key WHERE document_id = ?').run(documentId);
  const rekey = stmt(db, 'UPDATE paragraphs SET search_key = ? WHERE document_id = ? AND n = ?');
  for (let n = 1; n <= count; n++) rekey.run(spreadKey(documentId, n, count), documentId, n);
  reindexSearch(db, documentId, null);
}

export function deleteParagraph(db: Db, documentId: number, n: number): void {
  stmt(db, 'DELETE FROM paragraphs WHERE document_id = ? AND n = ?').run(documentId, n);
}

/** Gives paragraphs `from`…`to` (numbers) a speaker, or none. */
export function setParagraphSpeakers(db: Db, documentId: number, from: number, to: number, speaker: string | null): void {
  stmt(db, 'UPDATE paragraphs SET speaker = ? WHERE document_id = ? AND n BETWEEN ? AND ?').run(speaker, documentId, from, to);
}

/**
 * The last paragraph of turn n's run: the paragraphs right after it without a label and with its speaker
 * continue it (an import gives them the speaker of the label above); n itself when none does.
 */
export const continuedUntil = (db: Db, documentId: number, n: number, speaker: string): number =>
  stmt(
    db,
    `SELECT ifnull((SELECT min(n) FROM paragraphs WHERE document_id = @doc AND n > @n AND (body_start > start OR speaker IS NOT @speaker)),
                   (SELECT max(n) + 1 FROM paragraphs WHERE document_id = @doc)) - 1`,
  )
    .pluck()
    .get({ doc: documentId, n, speaker }) as number;
