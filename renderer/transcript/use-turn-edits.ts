// Turns changed in edit mode (issue 19): split at the caret, joined with the next, given another speaker.
// Each is one API call and one undo step; what happened is said, since the text remounts out of sight.
import { useState, type KeyboardEvent } from 'react';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import type { ViewerParagraph } from './lexical-document';
import { editSpan } from './selection';
import type { MountedTranscript } from './use-transcript-mount';

const removedSaid = (removed: unknown[]) =>
  removed.length ? `; ${removed.length} coding${removed.length === 1 ? '' : 's'} inside the removed label removed` : '; codings kept';

export function useTurnEdits(mounted: MountedTranscript | null, documentId: number | undefined, onError: (error: Error) => void) {
  const [speakerTurn, setSpeakerTurn] = useState<ViewerParagraph | null>(null);

  const caret = (): number | null => {
    const span = mounted ? editSpan(mounted.doc) : null;
    if (!span) announce('Put the caret in a turn first.');
    return span ? span.start : null;
  };
  const turnAtCaret = (): ViewerParagraph | undefined => {
    const at = caret();
    return at === null ? undefined : mounted?.doc.paragraphAt(at);
  };

  const split = () => {
    const at = caret();
    if (at === null || documentId === undefined) return;
    call('documents.splitTurn', { documentId, at }).then(
      (r) => announce(`Turn split: the words after the caret are turn ${r.turn}; codings kept.`),
      onError,
    );
  };
  const join = () => {
    const turn = turnAtCaret();
    if (!turn || documentId === undefined) return;
    call('documents.joinTurns', { documentId, n: turn.n }).then(
      (r) => announce(`Turns ${turn.n} and ${turn.n + 1} joined${removedSaid(r.removed)}.`),
      onError,
    );
  };
  const changeSpeaker = () => {
    const turn = turnAtCaret();
    if (turn) setSpeakerTurn(turn);
  };

  /** Alt+Enter splits, Alt+J joins, Alt+W changes the speaker; true when the key was one of them. */
  const onKeyDown = (e: KeyboardEvent): boolean => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
    const action = { Enter: split, KeyJ: join, KeyW: changeSpeaker }[e.code];
    if (!action) return false;
    e.preventDefault();
    action();
    return true;
  };

  return { split, join, changeSpeaker, onKeyDown, speakerTurn, closeSpeaker: () => setSpeakerTurn(null) };
}
