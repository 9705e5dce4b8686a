import { useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { markRange } from './highlights';
import type { TranscriptDocument } from './lexical-document';

interface Props {
  doc: TranscriptDocument;
  start: number;
  end: number;
  onResize(span: { start: number; end: number }): void;
}

/** Grips at a selected coding's two ends: drag one along the text to move that boundary. */
export function ResizeHandles({ doc, start, end, onResize }: Props) {
  const [dragging, setDragging] = useState<{ edge: 'start' | 'end'; span: { start: number; end: number } } | null>(null);
  const span = dragging?.span ?? { start, end };
  const layer = useRef<HTMLDivElement>(null);
  const [ends, setEnds] = useState<{ first: DOMRect; last: DOMRect; origin: DOMRect } | null>(null);
  // Place the grips after layout, measured against this layer (which covers the page).
  useLayoutEffect(() => {
    // The boxes of the first and last characters: one line high, exactly at each boundary.
    const first = doc.range(span.start, span.start + 1)?.getClientRects()[0];
    const lastRects = doc.range(span.end - 1, span.end)?.getClientRects();
    const last = lastRects?.[lastRects.length - 1];
    setEnds(first && last && layer.current ? { first, last, origin: layer.current.getBoundingClientRect() } : null);
  }, [doc, span.start, span.end]);

  const begin = (edge: 'start' | 'end') => (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDragging({ edge, span: { start, end } });
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    const position = document.caretPositionFromPoint?.(e.clientX, e.clientY);
    const offset = position ? doc.fromDom(position.offsetNode, position.offset) : null;
    if (offset === null) return;
    const next = dragging.edge === 'start' ? { start: Math.min(offset, end - 1), end } : { start, end: Math.max(offset, start + 1) };
    markRange('pending-selection', doc.range(next.start, next.end));
    setDragging({ ...dragging, span: next });
  };
  const drop = () => {
    if (!dragging) return;
    markRange('pending-selection', null);
    setDragging(null);
    if (dragging.span.start !== start || dragging.span.end !== end) onResize(dragging.span);
  };

  const handle = (edge: 'start' | 'end', rect: DOMRect, origin: DOMRect) => (
    <div
      className={`resize-handle grip-${edge}`}
      role="presentation"
      title={edge === 'start' ? 'Drag to move the start' : 'Drag to move the end'}
      style={{ left: (edge === 'start' ? rect.left : rect.right) - origin.left - 5, top: rect.top - origin.top, height: rect.height }}
      onPointerDown={begin(edge)}
      onPointerMove={move}
      onPointerUp={drop}
      onPointerCancel={drop}
    />
  );
  return (
    <div ref={layer} className="resize-layer">
      {ends && handle('start', ends.first, ends.origin)}
      {ends && handle('end', ends.last, ends.origin)}
    </div>
  );
}
