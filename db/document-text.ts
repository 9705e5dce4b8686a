// The plain text of the documents being coded, held per connection with a code-point → UTF-16 index, so
// that checking and reading back a coding costs the same near the end of a long transcript as near the
// start of a short one. SQLite's substr() reads the whole text and counts code points from its start on
// every call (4.7 ms near the end of a 200,000-word transcript, issue 15).
import { DataError } from './errors';
import type { Db } from './project-file';
import { stmt } from './statements';

/** Code points between two marks of the index: a lookup walks at most this many. */
const CHUNK = 1024;
/** Documents kept per connection: those someone is coding now, not every document a project holds. */
const KEEP = 8;

export interface DocumentText {
  name: string;
  /** In code points, as offsets count. */
  length: number;
  text: string;
  /** The UTF-16 index of every CHUNK-th code point; null when every code point is one UTF-16 unit. */
  marks: Uint32Array | null;
}

interface Cached extends DocumentText {
  guid: string;
  version: number;
}

const caches = new WeakMap<Db, Map<number, Cached>>();

const isPair = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
};

function indexOf(text: string, length: number): Uint32Array | null {
  if (length === text.length) return null;
  const marks = new Uint32Array(Math.floor(length / CHUNK) + 1);
  for (let i = 0, n = 0; i <= text.length && n <= length; n++) {
    if (n % CHUNK === 0) marks[n / CHUNK] = i;
    i += isPair(text, i) ? 2 : 1;
  }
  return marks;
}

/**
 * A document's text. Its guid and text version, read each time, tell whether the cached copy is still
 * this document's text: every text edit bumps the version (schema step 9), here or on another connection,
 * and another writer deleting it and importing another under the same id gives that one a new guid. The
 * guid and name come before the text in the row, so reading them does not read the text.
 */
export function documentText(db: Db, documentId: number): DocumentText {
  const head = stmt(
    db,
    `SELECT d.guid, d.name, ifnull(v.version, 0) AS version
       FROM documents d LEFT JOIN document_text_versions v ON v.document_id = d.id WHERE d.id = ?`,
  ).get(documentId) as { guid: string; name: string; version: number } | undefined;
  if (!head) throw new DataError('not-found', `There is no document with id ${documentId}.`);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let cached = cache.get(documentId);
  if (cached?.guid === head.guid && cached.version === head.version) {
    cached.name = head.name;
  } else {
    const { text, length } = stmt(db, 'SELECT plain_text AS text, char_count AS length FROM documents WHERE id = ?').get(documentId) as {
      text: string;
      length: number;
    };
    cached = { guid: head.guid, version: head.version, name: head.name, length, text, marks: indexOf(text, length) };
  }
  // Most recently used last, so the first is the one to forget.
  cache.delete(documentId);
  cache.set(documentId, cached);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return cached;
}

function utf16Index(doc: DocumentText, offset: number): number {
  if (!doc.marks) return offset;
  const chunk = Math.floor(offset / CHUNK);
  let i = doc.marks[chunk]!;
  for (let n = chunk * CHUNK; n < offset; n++) i += isPair(doc.text, i) ? 2 : 1;
  return i;
}

/** The text between two code-point offsets (end exclusive), as SQLite's substr() would give it. */
export const textBetween = (doc: DocumentText, start: number, end: number): string =>
  doc.text.slice(utf16Index(doc, start), utf16Index(doc, end));
