// Turns changed in edit mode (issue 19): split at the caret, joined with the next, given another speaker.
// Each is one API call and one undo step; what happened is said, since the text remounts out of sight,
// and the caret is put back where the change was, so the keys go on from there. The saying waits for
// the caret: keys pressed once it is heard act on the new turns, not on the text being replaced.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import type { ViewerParagraph } from './lexical-document';
import { editSpan } from './selection';
import type { MountedTranscript } from './use-transcript-mount';

type Document = ResultOf<'documents.get'>;

/** Where the caret goes once the changed text is mounted (`from`: the mount it replaces). */
interface CaretAfter {
  from: MountedTranscript;
  at(paragraphs: ViewerParagraph[]): number | undefined;
  /** Said once the caret is placed. */
  said?: string;
}

const removedSaid = (removed: unknown[]) =>
  removed.length ? `; ${removed.length} coding${removed.length === 1 ? '' : 's'} inside the removed label removed` : '; codings kept';

export function useTurnEdits(mounted: MountedTranscript | null, data: Document | undefined, onError: (error: Error) => void) {
  const [speakerTurn, setSpeakerTurn] = useState<ViewerParagraph | null>(null);
  // The latest mount and document, and the caret waiting for a mount after `from`: the answer to a call
  // may come before or after the changed text is mounted.
  const latest = useRef({ mounted, data });
  const waiting = useRef<CaretAfter | null>(null);
  const placeWaitingCaret = () => {
    const { mounted: now, data: doc } = latest.current;
    const after = waiting.current;
    if (!after || !now || !doc || now === after.from) return;
    waiting.current = null;
    const at = after.at(doc.paragraphs);
    const to = at === undefined ? null : now.doc.toDom(at);
    if (to) {
      window.getSelection()?.collapse(to.node, to.offset);
      now.doc.turnElementAt(at!)?.scrollIntoView({ block: 'nearest' });
    }
    if (after.said) announce(after.said);
  };
  useEffect(() => {
    latest.current = { mounted, data };
    placeWaitingCaret();
  });
  const setCaretAfter = (after: CaretAfter) => {
    waiting.current = after;
    placeWaitingCaret();
    // Should the text not come back (the refetch failed), the change is still said.
    setTimeout(() => {
      if (waiting.current !== after) return;
      waiting.current = null;
      if (after.said) announce(after.said);
    }, 3000);
  };

  const caret = (): number | null => {
    const span = mounted ? editSpan(mounted.doc) : null;
    if (!span) announce('Put the caret in a turn first.');
    return span ? span.start : null;
  };
  const turnAtCaret = (): ViewerParagraph | undefined => {
    const at = caret();
    return at === null ? undefined : mounted?.doc.paragraphAt(at);
  };
  /** The caret at the start of turn n's speech once the text is back. */
  const speechOf = (n: number) => (paragraphs: ViewerParagraph[]) => paragraphs.find((p) => p.n === n)?.bodyStart;

  const split = () => {
    const at = caret();
    if (at === null || !mounted || !data) return;
    call('documents.splitTurn', { documentId: data.id, at }).then((r) => {
      setCaretAfter({
        from: mounted,
        at: speechOf(r.turn),
        said: `Turn split: the words after the caret are turn ${r.turn}; codings kept.`,
      });
    }, onError);
  };
  const join = () => {
    const turn = turnAtCaret();
    if (!turn || !mounted || !data) return;
    call('documents.joinTurns', { documentId: data.id, n: turn.n }).then((r) => {
      // After the space that took the line break's place: the first words of the turn joined on.
      setCaretAfter({ from: mounted, at: () => turn.end + 1, said: `Turns ${turn.n} and ${turn.n + 1} joined${removedSaid(r.removed)}.` });
    }, onError);
  };
  const changeSpeaker = () => {
    const turn = turnAtCaret();
    if (turn) setSpeakerTurn(turn);
  };
  /** The dialog closed: the caret goes to the turn's speech if its speaker changed, and the change is said. */
  const closeSpeaker = (said: string | null) => {
    if (said && speakerTurn && mounted) setCaretAfter({ from: mounted, at: speechOf(speakerTurn.n), said });
    setSpeakerTurn(null);
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

  return { split, join, changeSpeaker, onKeyDown, speakerTurn, closeSpeaker };
}
