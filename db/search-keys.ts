// A paragraph's key in the search index (schema step 12): document_id * 2^32 plus a number below 2^32,
// in the order of the document's turns, kept when turns are numbered again so that a split or a join
// re-reads only the turns whose speech changed. Keys are spread out when a document is written, so that
// a turn split in two finds a free key between its neighbours'; when none is left, the document's keys
// are spread again (db/queries/text-edits.ts).

/** The keys of one document lie in [document_id * SPAN, (document_id + 1) * SPAN). */
const SPAN = 2 ** 32;

/** The lowest key a paragraph of the document could have (its range's start, a lower bound to seek to). */
export const documentKeysFrom = (documentId: number): number => documentId * SPAN;

/** The document a key belongs to. */
export const documentOfKey = (key: number): number => Math.floor(key / SPAN);

/** The key of paragraph n of a document written with `count` paragraphs, numbered 1…count: evenly spread. */
export function spreadKey(documentId: number, n: number, count: number): number {
  return documentKeysFrom(documentId) + n * Math.floor(SPAN / (count + 1));
}

/**
 * A free key between two paragraphs' (null: the document's first or last), halfway; null when they are
 * neighbours already.
 */
export function keyBetween(documentId: number, before: number | null, after: number | null): number | null {
  const low = before ?? documentKeysFrom(documentId);
  const high = after ?? documentKeysFrom(documentId + 1);
  const key = Math.floor((low + high) / 2);
  return key > low && key < high ? key : null;
}
