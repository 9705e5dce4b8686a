// The margin stripes of the painted codings near the screen, packed into lanes. They are laid out
// again after each paint and whenever the text reflows.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Segment } from './optimistic-segments';
import type { Span } from './selection';
import { MAX_LANES, packStripes, sameStripes, type Stripe } from './stripes';
import { useMountState } from './use-mount-state';
import type { MountedTranscript } from './use-transcript-mount';

/** `reserved`: the most lanes needed so far in this document; the margin never narrows, so the text does not rewrap. */
export interface StripeLayout {
  stripes: Stripe[];
  reserved: number;
}

const EMPTY: StripeLayout = { stripes: [], reserved: 0 };

export function useStripeLayout(
  mounted: MountedTranscript | null,
  rootRef: RefObject<HTMLDivElement | null>,
  painted: Segment[],
  stripeWindow: Span,
): StripeLayout {
  const [layout, setLayout] = useMountState(mounted, EMPTY);

  const relayout = useCallback(() => {
    const text = rootRef.current;
    if (!mounted || !text) return;
    const near = painted.filter((s) => s.end > stripeWindow.start && s.start < stripeWindow.end);
    const { stripes, lanes } = packStripes(mounted.extents.place(near, text.clientWidth));
    // The same bars keep the same layout: no second render of the view before the frame.
    setLayout((old) => {
      const reserved = Math.max(old.reserved, Math.min(lanes, MAX_LANES));
      return reserved === old.reserved && sameStripes(old.stripes, stripes) ? old : { stripes, reserved };
    });
  }, [mounted, rootRef, painted, stripeWindow, setLayout]);

  // Runs after the painting layout effect (declared earlier in the view): the stripes measure painted ranges.
  useLayoutEffect(relayout, [relayout]);

  // The text reflowing (a new width, turns laid out as they come on screen) moves the stripes, and codings
  // in turns that come on screen can be measured. One observer for the view's life: a new one per change
  // would report at once and lay the stripes out twice.
  const latestRelayout = useRef(relayout);
  useLayoutEffect(() => {
    latestRelayout.current = relayout;
  }, [relayout]);
  useEffect(() => {
    const text = rootRef.current;
    if (!text) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => latestRelayout.current());
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(text);
    // Not a bubbling event: listen while it passes down to the turn.
    const onShown = (e: Event) => !(e as ContentVisibilityAutoStateChangeEvent).skipped && schedule();
    text.addEventListener('contentvisibilityautostatechange', onShown, { capture: true });
    return () => {
      observer.disconnect();
      text.removeEventListener('contentvisibilityautostatechange', onShown, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, [rootRef]);

  return layout;
}
