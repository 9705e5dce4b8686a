import type { TranscriptDocument } from './lexical-document';
import type { Segment } from './optimistic-segments';

/** The codings (of `among`) under a screen point, if it is over the text; in the order of `among`. */
export function codingsAtPoint(doc: TranscriptDocument, among: Segment[], x: number, y: number): Segment[] {
  const position = document.caretPositionFromPoint?.(x, y);
  const offset = position ? doc.fromDom(position.offsetNode, position.offset) : null;
  return offset === null ? [] : among.filter((s) => s.start <= offset && offset < s.end);
}
