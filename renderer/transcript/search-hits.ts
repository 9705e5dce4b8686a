// The hits of the search on screen that lie in the open document, marked in its text with one CSS
// highlight ("search-hit", styled in search/search.css: a wavy underline, unlike the coding tints).
import { useEffect } from 'react';
import type { MountedTranscript } from './use-transcript-mount';

/** Spans of the open document (code points, end exclusive). */
export interface SearchHitSpans {
  documentId: number;
  spans: { start: number; end: number }[];
}

export function useSearchHits(mounted: MountedTranscript | null, hits: SearchHitSpans | null): void {
  useEffect(() => {
    if (!mounted || !hits || hits.documentId !== mounted.id) return;
    const highlight = new Highlight();
    for (const { start, end } of hits.spans) {
      const range = mounted.doc.range(start, end);
      if (range) highlight.add(range);
    }
    CSS.highlights.set('search-hit', highlight);
    return () => {
      CSS.highlights.delete('search-hit');
    };
  }, [mounted, hits]);
}
