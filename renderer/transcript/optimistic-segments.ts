// Codings applied on this page are shown before the server lists them (painted the moment they are
// applied). Once the server's list holds one, the server's word is final for it: keeping it here any
// longer would bring it back as a ghost after it is deleted (or a redo deletes it again).
import type { ResultOf } from '../../electron/api/methods';

export type Segment = ResultOf<'segments.list'>[number];

/** The server's segments of a document plus the codings applied here that it does not list yet. */
export function withOptimistic(stored: Segment[], optimistic: Segment[], documentId: number): Segment[] {
  if (optimistic.length === 0) return stored;
  const known = new Set(stored.map((s) => s.id));
  return [...stored, ...optimistic.filter((s) => !known.has(s.id) && s.documentId === documentId)];
}

/** Drops the codings the server now lists; the same array when there are none, so it can be compared. */
export function settle(optimistic: Segment[], stored: Segment[]): Segment[] {
  if (optimistic.length === 0) return optimistic;
  const known = new Set(stored.map((s) => s.id));
  return optimistic.some((s) => known.has(s.id)) ? optimistic.filter((s) => !known.has(s.id)) : optimistic;
}
