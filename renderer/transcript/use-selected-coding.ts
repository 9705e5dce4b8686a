// The coding chosen by a click, a stripe or [ and ]: outlined in the text, its details in the panel.
import { useEffect, type RefObject } from 'react';
import { codingsAtPoint } from './codings-at-point';
import { markRange } from './highlights';
import type { Segment } from './optimistic-segments';
import { useMountState } from './use-mount-state';
import type { MountedTranscript } from './use-transcript-mount';

export function useSelectedCoding(
  mounted: MountedTranscript | null,
  visible: Segment[],
  painted: Segment[],
  scrollRef: RefObject<HTMLDivElement | null>,
) {
  const [selectedId, select] = useMountState<number | null>(mounted, null);
  const selected = visible.find((s) => s.id === selectedId) ?? null;

  // The outline follows the painted range, which a repaint replaces.
  useEffect(() => {
    markRange('segment-focus', selected && mounted ? (mounted.painter.rangeOf(selected.id) ?? null) : null);
  }, [selected, mounted, painted]);
  useEffect(() => () => markRange('segment-focus', null), []);

  /** Selects the shortest coding under a click (the innermost of nested ones), or none. */
  const selectAt = (x: number, y: number) => {
    if (!mounted) return;
    const under = codingsAtPoint(mounted.doc, visible, x, y).sort((a, b) => a.end - a.start - (b.end - b.start));
    select(under[0]?.id ?? null);
  };

  /** Brings a coding into view above the coding panel, which takes its room a frame or more later:
   *  the check runs again whenever the scroller changes size in the next second. */
  const reveal = (span: { start: number; end: number }) => {
    const scroller = scrollRef.current;
    if (!mounted || !scroller) return;
    mounted.doc.turnElementAt(span.start)?.scrollIntoView({ block: 'nearest' });
    const fit = () => {
      const rect = mounted.doc.range(span.start, span.end)?.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      if (rect && (rect.top < box.top || rect.bottom > box.bottom)) {
        scroller.scrollBy({ top: rect.top - box.top - Math.max(24, (box.height - rect.height) / 3) });
      }
    };
    requestAnimationFrame(fit);
    const resized = new ResizeObserver(fit);
    resized.observe(scroller);
    setTimeout(() => resized.disconnect(), 1000);
  };

  /** Selects the next (1) or previous (-1) coding in text order and brings it into view. */
  const step = (direction: 1 | -1) => {
    const ordered = [...visible].sort((a, b) => a.start - b.start || a.end - b.end);
    const at = ordered.findIndex((s) => s.id === selectedId);
    const next = ordered[at === -1 ? (direction === 1 ? 0 : ordered.length - 1) : at + direction];
    if (!next) return;
    select(next.id);
    reveal(next);
  };

  return { selectedId, selected, select, selectAt, step, reveal };
}
