// Paints codings with the CSS Custom Highlight API: one Highlight per code, one Range per segment.
// Updates are incremental (only changed segments get new Ranges), so applying a code repaints in
// well under a frame even with thousands of segments.
import { TINT_ALPHA } from '../../shared/palette';
import type { TranscriptDocument } from './lexical-document';

export interface PaintedSegment {
  id: number;
  start: number;
  end: number;
  codeIds: number[];
}

const SHEET_ID = 'code-highlights';
const sheets = new Map<string, CSSStyleSheet>();

/** Highlight colours live in constructed stylesheets: allowed by the CSP, unlike inline <style>. */
function adoptSheet(id: string, css: string): void {
  let sheet = sheets.get(id);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheets.set(id, sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}

const tint = (hex: string, alpha: number) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
};

/**
 * One ::highlight rule per code colour; translucent, so overlapping codes blend instead of hiding. Each is
 * scoped to the transcript's runs (class `run`): unscoped, every element of the page matched every code's
 * rule on each style recalc (opening or closing any dialog, say), a cost that grew with the codebook.
 */
export function setCodeColors(colors: Map<number, string>): void {
  const rules = [...colors].map(([id, color]) => `.run::highlight(code-${id}) { background-color: ${tint(color, TINT_ALPHA)}; }`);
  adoptSheet(SHEET_ID, rules.join('\n'));
}

export class HighlightPainter {
  private readonly painted = new Map<number, { key: string; range: Range; start: number; end: number; codeIds: number[] }>();
  private readonly highlights = new Map<number, Highlight>();

  constructor(private readonly doc: TranscriptDocument) {}

  private highlight(codeId: number): Highlight {
    let h = this.highlights.get(codeId);
    if (!h) {
      h = new Highlight();
      this.highlights.set(codeId, h);
      CSS.highlights.set(`code-${codeId}`, h);
    }
    return h;
  }

  private remove(id: number): void {
    const old = this.painted.get(id);
    if (!old) return;
    for (const codeId of old.codeIds) this.highlights.get(codeId)?.delete(old.range);
    this.painted.delete(id);
  }

  /** Brings the painted set in line with `segments`, touching only what changed; returns how many codings changed. */
  paint(segments: PaintedSegment[]): number {
    const wanted = new Set<number>();
    let changed = 0;
    for (const s of segments) {
      wanted.add(s.id);
      const key = `${s.start}:${s.end}:${s.codeIds.join(',')}`;
      if (this.painted.get(s.id)?.key === key) continue;
      changed++;
      this.remove(s.id);
      const range = this.doc.range(s.start, s.end);
      if (!range) continue;
      for (const codeId of s.codeIds) this.highlight(codeId).add(range);
      this.painted.set(s.id, { key, range, start: s.start, end: s.end, codeIds: s.codeIds });
    }
    for (const id of [...this.painted.keys()]) {
      if (wanted.has(id)) continue;
      changed++;
      this.remove(id);
    }
    return changed;
  }

  /**
   * Draws again the codings that reach `from` or beyond once a paragraph's text starting there was replaced
   * in place: those in it lost their text nodes, and those after it may have been drawn, with the offsets
   * after the edit, on the text before it (the segments can be listed again before the document).
   */
  refresh(from: number): void {
    for (const [id, old] of [...this.painted]) {
      if (old.end < from) continue;
      this.remove(id);
      const range = this.doc.range(old.start, old.end);
      if (!range) continue;
      for (const codeId of old.codeIds) this.highlight(codeId).add(range);
      this.painted.set(id, { ...old, range });
    }
  }

  rangeOf(id: number): Range | undefined {
    return this.painted.get(id)?.range;
  }

  clear(): void {
    for (const id of [...this.painted.keys()]) this.remove(id);
    for (const codeId of this.highlights.keys()) CSS.highlights.delete(`code-${codeId}`);
    this.highlights.clear();
  }
}

/** A named single-range highlight (the selected segment, the pending selection, a jump target). */
export function markRange(name: string, range: Range | null): void {
  if (range) CSS.highlights.set(name, new Highlight(range));
  else CSS.highlights.delete(name);
}
