// Where each coding sits vertically, for the margin stripes. Measuring a Range forces layout of its
// lines, so each coding is measured once, relative to its first and last turn, and placed by those
// turns' offsetTop on every layout. Turns that come on screen change height (content-visibility
// estimates) without invalidating what was measured inside them; only a change of text width does.
// A coding whose first turn is still skipped (off screen) waits: measuring would force that layout.
import type { TranscriptDocument } from './lexical-document';
import type { StripeInput } from './stripes';

export interface MeasuredSegment {
  id: number;
  start: number;
  end: number;
  codeIds: number[];
}

interface Extent {
  key: string;
  end: number;
  first: HTMLElement;
  last: HTMLElement;
  /** The top of the coding below the top of its first turn. */
  top: number;
  /** The bottom of the coding below the top of its last turn. */
  bottom: number;
}

export class SegmentExtents {
  private readonly measured = new Map<number, Extent>();
  private width = -1;

  constructor(
    private readonly doc: TranscriptDocument,
    private readonly rangeOf: (id: number) => Range | undefined,
  ) {}

  /**
   * Stripe inputs for the given codings, in the coordinates of the turns' offset parent (the page).
   * `textWidth` is the current width of the text column: a different width re-measures everything.
   */
  place(segments: MeasuredSegment[], textWidth: number): StripeInput[] {
    if (textWidth !== this.width) {
      this.measured.clear();
      this.width = textWidth;
    }
    const items: StripeInput[] = [];
    for (const s of segments) {
      const extent = this.extent(s);
      if (!extent) continue;
      const top = extent.first.offsetTop + extent.top;
      const bottom = extent.last.offsetTop + extent.bottom;
      for (const codeId of s.codeIds) items.push({ segmentId: s.id, codeId, top, bottom });
    }
    return items;
  }

  /** Measures again the codings that reach `from` or beyond (a paragraph starting there changed its text). */
  forget(from: number): void {
    for (const [id, extent] of this.measured) if (extent.end >= from) this.measured.delete(id);
  }

  private extent(s: MeasuredSegment): Extent | undefined {
    const key = `${s.start}:${s.end}`;
    const known = this.measured.get(s.id);
    if (known?.key === key && known.first.isConnected) return known;
    const range = this.rangeOf(s.id);
    const first = this.doc.turnElementAt(s.start);
    const last = this.doc.turnElementAt(Math.max(s.start, s.end - 1));
    if (!range || !first || !last || !first.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) return undefined;
    const rect = range.getBoundingClientRect();
    const extent = {
      key,
      end: s.end,
      first,
      last,
      top: rect.top - first.getBoundingClientRect().top,
      bottom: rect.bottom - last.getBoundingClientRect().top,
    };
    this.measured.set(s.id, extent);
    return extent;
  }
}
