// The plain text of the documents being coded, held per connection with a code-point → UTF-16 index, so
// that checking and reading back a coding costs the same near the end of a long transcript as near the
// start of a short one. SQLite's substr() reads the whole text and counts code points from its start on
// every call (4.7 ms near the end of a 200,000-word transcript, issue 15). The index is where the text's
// astral characters (two UTF-16 units each: emoji, some scripts) are: few in a transcript, so an edit moves
// those after it instead of walking the rest of the text again.
import { codePointLength } from '../shared/offsets';
import { DataError } from './errors';
import type { Db } from './project-file';
import { stmt } from './statements';

/** Documents kept per connection: those someone is coding now, not every document a project holds. */
const KEEP = 8;

export interface DocumentText {
  name: string;
  /** In code points, as offsets count. */
  length: number;
  text: string;
  /** The code-point offsets of its astral characters, in order; null when every code point is one UTF-16 unit. */
  astral: Uint32Array | null;
}

/** What says the copy is still the stored text (see documentText). */
interface Stored {
  guid: string;
  version: number;
  hash: string;
}

interface Cached extends DocumentText, Stored {}

const caches = new WeakMap<Db, Map<number, Cached>>();

const isPair = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
};

/** The code-point offsets of the astral characters of `text`, from `from` (a UTF-16 index) on, counted from `first`. */
function astralIn(text: string, from = 0, first = 0): number[] {
  const found: number[] = [];
  for (let i = from, n = first; i < text.length; n++) {
    if (isPair(text, i)) {
      found.push(n);
      i += 2;
    } else i += 1;
  }
  return found;
}

const indexOf = (offsets: ArrayLike<number>): Uint32Array | null => (offsets.length ? Uint32Array.from(offsets) : null);

const STORED = 'd.guid, d.name, d.content_hash AS hash, ifnull(v.version, 0) AS version';
const ROW = 'FROM documents d LEFT JOIN document_text_versions v ON v.document_id = d.id WHERE d.id = ?';

/** The document's row as it is now: its name and what says which text it holds, without reading the text. */
function head(db: Db, documentId: number): Stored & { name: string } {
  const row = stmt(db, `SELECT ${STORED} ${ROW}`).get(documentId) as (Stored & { name: string }) | undefined;
  if (!row) throw new DataError('not-found', `There is no document with id ${documentId}.`);
  return row;
}

/** Keeps a copy, most recently used last, so that the first is the one to forget. */
function remember(db: Db, documentId: number, cached: Cached): void {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  cache.delete(documentId);
  cache.set(documentId, cached);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
}

/**
 * A document's text. Its guid, text version and hash, read each time, tell whether the cached copy is still
 * this document's text: every text edit bumps the version (schema step 9), here or on another connection;
 * another writer deleting it and importing another under the same id gives that one a new guid; and the
 * hash (written with the text, see spliceText) tells a committed edit from one rolled back, whose copy
 * bears the same version number as the next edit's. These come before the text in the row, or are small
 * after it, so reading them does not read the text.
 */
export function documentText(db: Db, documentId: number): DocumentText {
  const now = head(db, documentId);
  let cached = caches.get(db)?.get(documentId);
  if (cached?.guid === now.guid && cached.version === now.version && cached.hash === now.hash) {
    cached.name = now.name;
  } else {
    // The text and what says which it is, from one read.
    const row = stmt(db, `SELECT ${STORED}, d.plain_text AS text, d.char_count AS length ${ROW}`).get(documentId) as Cached;
    cached = { ...row, astral: row.text.length === row.length ? null : indexOf(astralIn(row.text)) };
  }
  remember(db, documentId, cached);
  return cached;
}

/**
 * The text after changes (in order, not overlapping, in code points of `doc`), as SQLite's splice of
 * document_text_edits gives it; the astral characters after each change move by what it added or removed.
 */
export function splicedText(doc: DocumentText, changes: readonly { start: number; end: number; text: string }[]): DocumentText {
  const pieces: string[] = [];
  const astral: number[] = [];
  const old = doc.astral ?? [];
  let k = 0;
  let from = 0;
  let shift = 0;
  for (const c of changes) {
    pieces.push(doc.text.slice(from, utf16Index(doc, c.start)), c.text);
    for (; k < old.length && old[k]! < c.start; k++) astral.push(old[k]! + shift);
    for (; k < old.length && old[k]! < c.end; k++);
    astral.push(...astralIn(c.text, 0, c.start + shift));
    from = utf16Index(doc, c.end);
    shift += codePointLength(c.text) - (c.end - c.start);
  }
  for (; k < old.length; k++) astral.push(old[k]! + shift);
  pieces.push(doc.text.slice(from));
  return { name: doc.name, length: doc.length + shift, text: pieces.join(''), astral: indexOf(astral) };
}

/**
 * Caches a text this connection has just written (the row's text is now `doc.text`), under the row's new
 * version and hash: the reads that follow an edit find it without reading and indexing the whole text again.
 */
export function keepWrittenText(db: Db, documentId: number, doc: DocumentText): void {
  const { guid, version, hash } = head(db, documentId);
  remember(db, documentId, { ...doc, guid, version, hash });
}

/** The UTF-16 index of a code-point offset: the offset plus one for each astral character before it. */
function utf16Index(doc: DocumentText, offset: number): number {
  const astral = doc.astral;
  if (!astral) return offset;
  let lo = 0;
  let hi = astral.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (astral[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return offset + lo;
}

/** The text between two code-point offsets (end exclusive), as SQLite's substr() would give it. */
export const textBetween = (doc: DocumentText, start: number, end: number): string =>
  doc.text.slice(utf16Index(doc, start), utf16Index(doc, end));
