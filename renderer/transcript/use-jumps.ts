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
    const timer = setTimeout(() => markRange('jump-target', null), 2500);
    return () => {
      letGo();
      scroller?.removeEventListener('wheel', letGo);
      scroller?.removeEventListener('pointerdown', letGo);
      scroller?.removeEventListener('keydown', letGo);
      clearTimeout(timer);
      element?.removeAttribute('aria-current');
    };
  }, [jump, mounted, scrollRef]);
  useEffect(() => () => markRange('jump-target', null), []);
}
