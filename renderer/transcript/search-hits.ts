// The hits of the search on screen that lie in the open document, marked in its text with one CSS
// highlight ("search-hit", styled in search/search.css: a wavy underline, unlike the coding tints).
import { useEffect, useRef } from 'react';
import { spanAfterEdits } from './paragraph-edit';
import type { TranscriptDocument } from './lexical-document';
import type { MountedTranscript } from './use-transcript-mount';

/** Spans of the open document (code points, end exclusive). */
export interface SearchHitSpans {
  documentId: number;
  spans: { start: number; end: number }[];
}

/**
 * `shown`: the document shown, a new object after each edit put in place; the hits are drawn again then, moved
 * through the edits made since they came (the search's own refetch brings them in the new offsets later).
 */
export function useSearchHits(mounted: MountedTranscript | null, hits: SearchHitSpans | null, shown: unknown): void {
  // The hits and how many edits the text had had when they came (their offsets are those after them).
  const base = useRef<{ hits: SearchHitSpans; doc: TranscriptDocument; edits: number } | null>(null);
  useEffect(() => {
    if (!mounted || !hits || hits.documentId !== mounted.id) return;
    const { doc } = mounted;
    if (base.current?.hits !== hits || base.current.doc !== doc) base.current = { hits, doc, edits: doc.edits.length };
    const later = doc.edits.slice(base.current.edits);
    const highlight = new Highlight();
    for (const hit of hits.spans) {
      const span = later.length ? spanAfterEdits(hit, later) : hit;
      const range = span && doc.range(span.start, span.end);
      if (range) highlight.add(range);
    }
    CSS.highlights.set('search-hit', highlight);
    return () => {
      CSS.highlights.delete('search-hit');
    };
  }, [mounted, hits, shown]);
}
