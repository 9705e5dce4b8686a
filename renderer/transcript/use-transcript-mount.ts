// The Lexical document, mounted once per loaded document, with the painter of its codings and the
// measurements of their extents (both live exactly as long as the mount). A text edit inside one
// paragraph updates that paragraph in place: the same mount, so the caret, the scroll position, the
// painted window and the selected coding stay (issue 19).
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { HighlightPainter } from './highlights';
import { mountTranscript, type TranscriptDocument } from './lexical-document';
import { markWhenPainted } from './paint-marks';
import { perfMark } from '../common/perf';
import { paragraphEdit, sameText } from './paragraph-edit';
import { SegmentExtents } from './segment-extents';

export interface MountedTranscript {
  id: number;
  doc: TranscriptDocument;
  painter: HighlightPainter;
  extents: SegmentExtents;
}

type Document = ResultOf<'documents.get'>;

function dispose(mounted: MountedTranscript): void {
  mounted.painter.clear();
  mounted.doc.destroy();
}

export function useTranscriptMount(rootRef: RefObject<HTMLDivElement | null>, data: Document | undefined): MountedTranscript | null {
  const [mounted, setMounted] = useState<MountedTranscript | null>(null);
  // The mount and the document it shows, which the next document is compared with.
  const live = useRef<{ data: Document; mounted: MountedTranscript } | null>(null);
  useLayoutEffect(() => {
    perfMark('document-taken');
    const was = live.current;
    if (was && data && was.data !== data && was.data.id === data.id) {
      // The stored document after a fix shown here already (it differs in its hash and counts): kept.
      if (sameText(was.data, data)) {
        live.current = { data, mounted: was.mounted };
        return;
      }
      const edit = paragraphEdit(was.data, data);
      if (edit) {
        const { doc, painter, extents } = was.mounted;
        const old = was.data.paragraphs[edit.index]!;
        doc.replaceParagraph(edit, data);
        painter.refresh(old.start);
        extents.forget(old.start);
        live.current = { data, mounted: was.mounted };
        markWhenPainted('text-edited');
        return;
      }
    }
    if (was?.data === data) return;
    if (was) {
      dispose(was.mounted);
      live.current = null;
      setMounted(null);
    }
    if (!data || !rootRef.current) return;
    const doc = mountTranscript(rootRef.current, data.text, data.paragraphs, data.formatting);
    markWhenPainted('text-visible');
    const painter = new HighlightPainter(doc);
    const next = { id: data.id, doc, painter, extents: new SegmentExtents(doc, (id) => painter.rangeOf(id)) };
    live.current = { data, mounted: next };
    setMounted(next);
  }, [data, rootRef]);
  useLayoutEffect(
    () => () => {
      if (live.current) dispose(live.current.mounted);
      live.current = null;
    },
    [],
  );
  return mounted;
}
