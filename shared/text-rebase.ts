// Where offsets go when a document's text is edited: code points [start, end) replaced by `length` code
// points. Ranges (segments, formatting runs) keep what they covered; a range that covered any of the
// replaced text covers the replacement too (pseudonymising a coded name keeps the coding), and a range
// that covered only deleted text is left empty. Text inserted at a range's edge stays outside it.
// Paragraphs, unlike ranges, take text typed at either of their edges (typing at the end of a turn).

/** One replacement, in the offsets of the text before it. */
export interface Splice {
  start: number;
  end: number;
  /** Code points inserted. */
  length: number;
}

const delta = (s: Splice) => s.length - (s.end - s.start);

/** Where a range's start goes. */
export const rangeStart = (p: number, s: Splice): number => (p < s.start ? p : p >= s.end ? p + delta(s) : s.start);

/** Where a range's end goes. */
export const rangeEnd = (p: number, s: Splice): number => (p <= s.start ? p : p >= s.end ? p + delta(s) : s.start + s.length);

/** Where a paragraph's start (or the start of its speech) goes. */
export const paragraphStart = (p: number, s: Splice): number => (p <= s.start ? p : p >= s.end ? p + delta(s) : s.start);

/** Where a paragraph's end goes. */
export const paragraphEnd = (p: number, s: Splice): number =>
  p < s.start || (p === s.start && s.start < s.end) ? p : p >= s.end ? p + delta(s) : s.start + s.length;

/** Whether the splice changes the text a range covers (otherwise the range only moves, or stays). */
export const cuts = (start: number, end: number, s: Splice): boolean =>
  s.start < s.end ? start < s.end && end > s.start : start < s.start && end > s.start;

/**
 * Applies splices sorted by start and not overlapping, all in the offsets of the text before them, to
 * one offset: the last first, so that each finds the offsets it was given.
 */
export function through(p: number, splices: readonly Splice[], map: (p: number, s: Splice) => number): number {
  for (let i = splices.length - 1; i >= 0; i--) p = map(p, splices[i]!);
  return p;
}

/** How far the text after the first `count` splices has moved. */
export function shiftAfter(splices: readonly Splice[], count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += delta(splices[i]!);
  return total;
}

/** Where a range [start, end) goes; empty (end <= start) when all it covered was deleted. */
export const movedRange = (start: number, end: number, splices: readonly Splice[]): { start: number; end: number } => ({
  start: through(start, splices, rangeStart),
  end: through(end, splices, rangeEnd),
});

/** Formatting runs moved like ranges; a run left empty goes. */
export const movedRuns = (runs: readonly [number, number][], splices: readonly Splice[]): [number, number][] =>
  runs.map(([s, e]): [number, number] => [through(s, splices, rangeStart), through(e, splices, rangeEnd)]).filter(([s, e]) => e > s);

/** Where a paragraph goes (its speech start kept inside it); its other fields stay. */
export function movedParagraph<P extends { start: number; end: number; bodyStart: number }>(p: P, splices: readonly Splice[]): P {
  const start = through(p.start, splices, paragraphStart);
  const end = Math.max(start, through(p.end, splices, paragraphEnd));
  return { ...p, start, end, bodyStart: Math.min(end, Math.max(start, through(p.bodyStart, splices, paragraphStart))) };
}
