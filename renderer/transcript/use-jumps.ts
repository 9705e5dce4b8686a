// Jumps to a place asked for from elsewhere (the matrix's excerpts, search results): the passage is
// scrolled to and flashed rather than selected, since a docked coding panel would hide it in a split view.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { markRange } from './highlights';
import { spanAfterEdits } from './paragraph-edit';
import type { Span } from './selection';
import type { MountedTranscript } from './use-transcript-mount';

export interface JumpRequest {
  documentId: number;
  start: number;
  end: number;
  /** Changes on every request, so asking twice for the same place still scrolls. */
  nonce: number;
}

interface Options {
  jump: JumpRequest | null;
  mounted: MountedTranscript | null;
  /** The document shown, a new object after each edit put in place: the flash follows the text. */
  shown: unknown;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Paints the neighbourhood of the place before it is scrolled to. */
  showAround(span: Span): void;
  select(id: null): void;
}

export function useJumps({ jump, mounted, shown, scrollRef, showAround, select }: Options): void {
  // A new request adjusts the view's state while rendering (React's pattern for state that follows a prop),
  // noting how many edits the text had had (the place is in the offsets after them); the scroll and the
  // flash happen in effects.
  const [seenJump, setSeenJump] = useState<{ nonce: number; edits: number } | null>(null);
  const flashing = useRef(false);
  if (jump && mounted && jump.documentId === mounted.id && jump.nonce !== seenJump?.nonce) {
    setSeenJump({ nonce: jump.nonce, edits: mounted.doc.edits.length });
    showAround(jump);
    select(null);
  }

  useEffect(() => {
    if (!jump || !mounted || jump.documentId !== mounted.id) return;
    flashing.current = true;
    const element = mounted.doc.turnElementAt(jump.start);
    // Turns off screen have estimated heights (content-visibility), and a freshly opened document goes on
    // laying out turns above the place (painting, stripe measuring) for a while after the first scroll:
    // keep the place anchored for about a second, unless the person scrolls first.
    const scroller = scrollRef.current;
    let frames = 0;
    let frame = 0;
    const anchor = () => {
      const box = scroller?.getBoundingClientRect();
      const at = element?.getBoundingClientRect();
      if (box && at && Math.abs(at.top - box.top) >= 24) element?.scrollIntoView({ block: 'start' });
      if (++frames < 60) frame = requestAnimationFrame(anchor);
    };
    const letGo = () => cancelAnimationFrame(frame);
    anchor();
    scroller?.addEventListener('wheel', letGo, { passive: true });
    scroller?.addEventListener('pointerdown', letGo);
    scroller?.addEventListener('keydown', letGo);
    // Assistive technology (and tests) learn which turn was asked for.
    element?.setAttribute('aria-current', 'location');
    const timer = setTimeout(() => {
      flashing.current = false;
      markRange('jump-target', null);
    }, 2500);
    return () => {
      flashing.current = false;
      letGo();
      scroller?.removeEventListener('wheel', letGo);
      scroller?.removeEventListener('pointerdown', letGo);
      scroller?.removeEventListener('keydown', letGo);
      clearTimeout(timer);
      element?.removeAttribute('aria-current');
    };
  }, [jump, mounted, scrollRef]);
  // The flash, drawn again after an edit in place (its paragraph's text nodes are new) where the edits moved it.
  useEffect(() => {
    if (!jump || !mounted || jump.documentId !== mounted.id || !flashing.current || seenJump?.nonce !== jump.nonce) return;
    const span = spanAfterEdits(jump, mounted.doc.edits.slice(seenJump.edits));
    markRange('jump-target', span && mounted.doc.range(span.start, span.end));
  }, [jump, mounted, shown, seenJump]);
  useEffect(() => () => markRange('jump-target', null), []);
}
