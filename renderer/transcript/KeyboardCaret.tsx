import { useEffect, useState, type RefObject } from 'react';
import type { TranscriptDocument } from './lexical-document';
import { caretRect } from './selection';

interface Props {
  doc: TranscriptDocument;
  rootRef: RefObject<HTMLDivElement | null>;
  pageRef: RefObject<HTMLDivElement | null>;
}

/**
 * The caret read-only text does not draw: a bar at the selection's moving end, shown while the text has the
 * keyboard (CSS), and the paragraph it is in told to screen readers as it changes.
 */
export function KeyboardCaret({ doc, rootRef, pageRef }: Props) {
  const [at, setAt] = useState<{ left: number; top: number; height: number; n: number | undefined } | null>(null);
  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      const page = pageRef.current?.getBoundingClientRect();
      const rect = caretRect();
      if (!selection?.focusNode || !rootRef.current?.contains(selection.focusNode) || !page || !rect) return setAt(null);
      const offset = doc.fromDom(selection.focusNode, selection.focusOffset);
      setAt({
        left: rect.left - page.left,
        top: rect.top - page.top,
        height: rect.height,
        n: offset === null ? undefined : doc.paragraphAt(offset)?.n,
      });
    };
    update();
    document.addEventListener('selectionchange', update);
    // Turns laid out late (content-visibility) move the text under a caret that has not moved in it.
    const resized = new ResizeObserver(update);
    if (rootRef.current) resized.observe(rootRef.current);
    return () => {
      document.removeEventListener('selectionchange', update);
      resized.disconnect();
    };
  }, [doc, rootRef, pageRef]);

  if (!at) return null;
  return (
    <>
      <div className="keyboard-caret" aria-hidden="true" style={{ left: at.left, top: at.top, height: at.height }} />
      <span className="visually-hidden" role="status">
        {at.n === undefined ? '' : `Caret in paragraph ${at.n}`}
      </span>
    </>
  );
}
