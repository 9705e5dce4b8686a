import { describe, expect, it } from 'vitest';
import { settle, withOptimistic, type Segment } from '../../../renderer/transcript/optimistic-segments';

const DOC = 1;
const segment = (id: number, start: number, end: number, documentId = DOC): Segment => ({
  id,
  guid: id > 0 ? `G${id}` : '',
  documentId,
  coderId: 1,
  start,
  end,
  memo: '',
  text: '',
  codeIds: [7],
});

describe('optimistic segments', () => {
  const stored = [segment(1, 0, 4), segment(2, 10, 12)];

  it('shows a coding applied here beside the stored ones until the server lists it, once', () => {
    const pending = segment(-1, 5, 8);
    expect(withOptimistic(stored, [pending], DOC).map((s) => s.id)).toEqual([1, 2, -1]);
    // Confirmed (id 3) but not yet in the server's list: still shown; once listed, not twice.
    expect(withOptimistic(stored, [segment(3, 5, 8)], DOC).map((s) => s.id)).toEqual([1, 2, 3]);
    expect(withOptimistic([...stored, segment(3, 5, 8)], [segment(3, 5, 8)], DOC).map((s) => s.id)).toEqual([1, 2, 3]);
  });

  it('leaves out codings of another document (applied before the view moved on)', () => {
    expect(withOptimistic(stored, [segment(3, 5, 8, 2)], DOC).map((s) => s.id)).toEqual([1, 2]);
  });

  it('lets the server decide once it has listed a coding: deleted later, it does not come back', () => {
    // Applied here and confirmed as id 3; the server's next list holds it.
    const listed = [...stored, segment(3, 5, 8)];
    const optimistic = settle([segment(3, 5, 8)], listed);
    expect(optimistic).toEqual([]);
    // Deleted (or a redo deletes it again): the server's list no longer holds it, and neither does the page.
    expect(withOptimistic(stored, optimistic, DOC).map((s) => s.id)).toEqual([1, 2]);
  });

  it('keeps what the server has not listed yet, and answers the same array when nothing settles', () => {
    const optimistic = [segment(-2, 20, 22), segment(3, 5, 8)];
    expect(settle(optimistic, stored)).toBe(optimistic);
    expect(settle(optimistic, [...stored, segment(3, 5, 8)])).toEqual([segment(-2, 20, 22)]);
  });
});
