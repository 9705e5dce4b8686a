// The Lexical document, mounted once per loaded document, with the painter of its codings and the
// measurements of their extents (both live exactly as long as the mount).
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { HighlightPainter } from './highlights';
import { mountTranscript, type TranscriptDocument } from './lexical-document';
import { markWhenPainted } from './paint-marks';
import { SegmentExtents } from './segment-extents';

export interface MountedTranscript {
  id: number;
  doc: TranscriptDocument;
  painter: HighlightPainter;
  extents: SegmentExtents;
}

export function useTranscriptMount(
  rootRef: RefObject<HTMLDivElement | null>,
  data: ResultOf<'documents.get'> | undefined,
): MountedTranscript | null {
  const [mounted, setMounted] = useState<MountedTranscript | null>(null);
  useLayoutEffect(() => {
    if (!data || !rootRef.current) return;
    const doc = mountTranscript(rootRef.current, data.text, data.paragraphs, data.formatting);
    markWhenPainted('text-visible');
    const painter = new HighlightPainter(doc);
    setMounted({ id: data.id, doc, painter, extents: new SegmentExtents(doc, (id) => painter.rangeOf(id)) });
    return () => {
      painter.clear();
      doc.destroy();
      setMounted(null);
    };
  }, [data, rootRef]);
  return mounted;
}
