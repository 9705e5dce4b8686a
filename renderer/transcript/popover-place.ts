// Where a popover at some words of the transcript goes: below their last line when it fits, otherwise above
// their first, never off screen. Fixed-position boxes, not modal dialogs: a modal makes the rest of the page
// inert, and every element beside a long transcript restyled as it opens and again as it closes.
import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';

export interface Anchor {
  left: number;
  /** Below the words' last line. */
  top: number;
  /** Their first line's top, for when there is no room below. */
  above: number;
}

/** Below the passage's last line; `above` (its first line's top) is for when there is no room below. */
export const anchorBelow = (last: DOMRect | undefined, first: DOMRect | undefined): Anchor => ({
  left: last?.left ?? 200,
  top: (last?.bottom ?? 200) + 8,
  above: first?.top ?? 200,
});

/** The box's ref and its place; its height is followed as it grows with its content. */
export function usePopoverPlace(anchor: Anchor, width: number): { box: RefObject<HTMLDivElement | null>; style: CSSProperties } {
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setHeight(element.offsetHeight);
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 10));
  const fitsBelow = anchor.top + height + 8 <= window.innerHeight;
  const top = Math.max(8, Math.min(fitsBelow ? anchor.top : anchor.above - height - 8, window.innerHeight - height - 8));
  return { box, style: { left, top, width, maxHeight: 'calc(100vh - 16px)' } };
}
