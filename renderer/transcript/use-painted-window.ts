// Highlights exist only for codings near the screen. Chrome rebuilds every highlight marker after each DOM or
// style change, so the cost of any update grows with what is painted: all 2,000 codings of a long transcript
// made scrolling janky. While scrolling, the painted span runs 8,000 code points either side of the screen
// (moving it costs a rebuild too; this measured best); at rest it shrinks to 2,500, so coding stays quick.
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { Segment } from './optimistic-segments';
import { markWhenPainted } from './paint-marks';
import type { Span } from './selection';
import { useMountState } from './use-mount-state';
import type { MountedTranscript } from './use-transcript-mount';

const INITIAL_WINDOW = { start: 0, end: 6000 };
const PAINT_MARGIN = 8000;
const REST_MARGIN = 2500;
/** Stripes need layout (measuring a coding forces its lines to be laid out), so they follow the screen closely. */
const INITIAL_STRIPE_WINDOW = { start: 0, end: 4000 };

/** A span around what is on screen, moved only when the screen nears its edge: fewer repaints while scrolling. */
function follow(current: Span, shown: Span, margin: number): Span {
  const nearEdge = (shown.start - current.start < margin / 2 && current.start > 0) || current.end - shown.end < margin / 2;
  return nearEdge ? { start: Math.max(0, shown.start - margin), end: shown.end + margin } : current;
}

const around = (span: Span, margin: number): Span => ({ start: Math.max(0, span.start - margin), end: span.end + margin });

export function usePaintedWindow(
  mounted: MountedTranscript | null,
  visible: Segment[],
  scrollRef: RefObject<HTMLDivElement | null>,
  pageRef: RefObject<HTMLDivElement | null>,
) {
  const [paintWindow, setPaintWindow] = useMountState(mounted, INITIAL_WINDOW);
  const [stripeWindow, setStripeWindow] = useMountState(mounted, INITIAL_STRIPE_WINDOW);
  const scrollFrame = useRef(0);
  const restTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const inWindow = useMemo(() => visible.filter((s) => s.end > paintWindow.start && s.start < paintWindow.end), [visible, paintWindow]);

  // Paint (incrementally) whenever the visible segments change; the stripes are laid out after this.
  useLayoutEffect(() => {
    if (!mounted) return;
    const changed = mounted.painter.paint(inWindow);
    markWhenPainted(`painted-${visible.length}`);
    // A list refetched with the same places draws nothing: the benchmark counts only real repaints.
    if (changed) markWhenPainted('highlights-changed');
  }, [mounted, inWindow, visible.length]);

  useEffect(() => () => clearTimeout(restTimer.current), []);

  /** The code-point span of the turns on screen. */
  const spanOnScreen = (): Span | null => {
    const scroller = scrollRef.current;
    const page = pageRef.current;
    if (!scroller || !page || !mounted) return null;
    const top = scroller.getBoundingClientRect().top - page.getBoundingClientRect().top;
    const first = mounted.doc.paragraphAtHeight(top);
    const last = mounted.doc.paragraphAtHeight(top + scroller.clientHeight);
    return first && last ? { start: first.start, end: last.end } : null;
  };

  const onScroll = () => {
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => {
      const shown = spanOnScreen();
      if (!shown) return;
      const screen = shown.end - shown.start;
      setPaintWindow((w) => follow(w, shown, Math.max(PAINT_MARGIN, 2 * screen)));
      setStripeWindow((w) => follow(w, shown, Math.max(1500, screen)));
    });
    // At rest, only the screen's neighbourhood stays painted: coding then rebuilds fewer highlights.
    clearTimeout(restTimer.current);
    restTimer.current = setTimeout(() => {
      const shown = spanOnScreen();
      if (shown) setPaintWindow(around(shown, REST_MARGIN));
    }, 150);
  };

  /** Paints and lays out the neighbourhood of a place about to be scrolled to. */
  const showAround = (span: Span) => {
    setPaintWindow(around(span, PAINT_MARGIN));
    setStripeWindow(around(span, 3000));
  };

  return { inWindow, stripeWindow, onScroll, showAround };
}
