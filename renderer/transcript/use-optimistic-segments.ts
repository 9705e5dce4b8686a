// The document's segments as the page shows them: the server's list plus codings applied here and
// not yet listed, so a coding is painted the moment it is applied (see optimistic-segments.ts).
import { useMemo, useRef } from 'react';
import { settle, withOptimistic, type Segment } from './optimistic-segments';
import { useMountState } from './use-mount-state';

const NONE: Segment[] = [];

export function useOptimisticSegments(owner: object | null, stored: Segment[] | undefined, documentId: number | null) {
  const [optimistic, setOptimistic] = useMountState(owner, NONE);
  /** Codings shown before the API has stored them carry negative ids. */
  const pendingCount = useRef(0);
  const fromServer = useMemo(
    () => (stored && documentId !== null && stored.every((s) => s.documentId === documentId) ? stored : NONE),
    [stored, documentId],
  );
  // Adjusted while rendering (React's pattern for state that follows other state): the server's list
  // and the optimistic one never disagree on screen, not even for a frame.
  const settled = settle(optimistic, fromServer);
  if (settled !== optimistic) setOptimistic(settled);
  const segments = useMemo(
    () => (documentId === null ? NONE : withOptimistic(fromServer, settled, documentId)),
    [fromServer, settled, documentId],
  );

  /** Shows `pending` at once, then swaps it for what `store` answers, or withdraws it if `store` fails. */
  const codeOptimistically = async (pending: Omit<Segment, 'id'>, store: () => Promise<Segment>): Promise<Segment> => {
    const shown: Segment = { ...pending, id: -++pendingCount.current };
    setOptimistic((list) => [...list, shown]);
    const segment = await store().catch((error: unknown) => {
      setOptimistic((list) => list.filter((s) => s !== shown));
      throw error;
    });
    setOptimistic((list) => list.map((s) => (s === shown ? segment : s)));
    return segment;
  };

  return { segments, codeOptimistically };
}
