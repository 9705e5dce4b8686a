// Jumps to a place asked for from elsewhere (the matrix's excerpts, search results): the passage is
// scrolled to and flashed rather than selected, since a docked coding panel would hide it in a split view.
import { useEffect, useState, type RefObject } from 'react';
import { markRange } from './highlights';
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
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Paints the neighbourhood of the place before it is scrolled to. */
  showAround(span: Span): void;
  select(id: null): void;
}

export function useJumps({ jump, mounted, scrollRef, showAround, select }: Options): void {
  // A new request adjusts the view's state while rendering (React's pattern for state that follows a prop);
  // the scroll and the flash happen in an effect.
  const [seenJump, setSeenJump] = useState<number | null>(null);
  if (jump && mounted && jump.documentId === mounted.id && jump.nonce !== seenJump) {
    setSeenJump(jump.nonce);
    showAround(jump);
    select(null);
  }

  useEffect(() => {
    if (!jump || !mounted || jump.documentId !== mounted.id) return;
    markRange('jump-target', mounted.doc.range(jump.start, jump.end));
    const element = mounted.doc.turnElementAt(jump.start);
    // Turns off screen have estimated heights (content-visibility), so the first scroll can land short:
    // scroll again once the turns it passed have been laid out.
    element?.scrollIntoView({ block: 'start' });
    let frames = 0;
    let frame = requestAnimationFrame(function settle() {
      const box = scrollRef.current?.getBoundingClientRect();
      const at = element?.getBoundingClientRect();
      const settled = box && at && Math.abs(at.top - box.top) < 24;
      if (!settled) element?.scrollIntoView({ block: 'start' });
      if (++frames < 30 && !settled) frame = requestAnimationFrame(settle);
    });
    // Assistive technology (and tests) learn which turn was asked for.
    element?.setAttribute('aria-current', 'location');
    const timer = setTimeout(() => markRange('jump-target', null), 2500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      element?.removeAttribute('aria-current');
    };
  }, [jump, mounted, scrollRef]);
  useEffect(() => () => markRange('jump-target', null), []);
}
