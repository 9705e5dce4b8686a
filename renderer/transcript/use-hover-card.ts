// Who coded what under the mouse, as a card. Each card shown or hidden costs a rebuild of the painted
// highlights, so a card opens only for a moving mouse and stays while it is over the same codings.
import { useRef, useState, type MouseEvent } from 'react';
import { codingsAtPoint } from './codings-at-point';
import type { Segment } from './optimistic-segments';
import type { MountedTranscript } from './use-transcript-mount';

export interface Hover {
  x: number;
  y: number;
  ids: number[];
}

export function useHoverCard(mounted: MountedTranscript | null, visible: Segment[]) {
  const [hover, setHover] = useState<Hover | null>(null);
  const frame = useRef(0);
  const lastScroll = useRef(0);

  const onMouseMove = (e: MouseEvent) => {
    // Over the stripes, their own hover card stays. While scrolling, the text moving under a still mouse
    // is no reason for a card.
    if (!mounted || e.buttons || (e.target as HTMLElement).closest('.stripes') || performance.now() - lastScroll.current < 250) return;
    const { clientX: x, clientY: y } = e;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const ids = codingsAtPoint(mounted.doc, visible, x, y).map((s) => s.id);
      setHover((old) => (old && old.ids.join() === ids.join() ? old : ids.length ? { x, y, ids } : null));
    });
  };

  const onScroll = () => {
    lastScroll.current = performance.now();
    setHover(null);
  };

  return { hover, setHover, onMouseMove, onScroll };
}
