// A passage cut into runs by who coded it with one code: neither coder, only A, only B, or both. Offsets
// are code points (end exclusive), as everywhere; the text is sliced by code points, so an emoji is never split.
import { sliceCodePoints } from '../../shared/offsets';

export type Coverage = 'neither' | 'A' | 'B' | 'both';

export interface Run {
  start: number;
  end: number;
  coverage: Coverage;
  text: string;
}

type Span = readonly [number, number];

const covers = (spans: readonly Span[], at: number) => spans.some(([s, e]) => s <= at && at < e);

/** The runs of text[start, end) (text is the whole document), given each coder's coded spans of the code. */
export function passageRuns(text: string, start: number, end: number, a: readonly Span[], b: readonly Span[]): Run[] {
  const cuts = new Set([start, end]);
  for (const [s, e] of [...a, ...b]) for (const x of [s, e]) if (x > start && x < end) cuts.add(x);
  const points = [...cuts].sort((x, y) => x - y);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    const [inA, inB] = [covers(a, s), covers(b, s)];
    const coverage: Coverage = inA && inB ? 'both' : inA ? 'A' : inB ? 'B' : 'neither';
    const last = runs.at(-1);
    if (last && last.coverage === coverage) last.end = e;
    else runs.push({ start: s, end: e, coverage, text: '' });
  }
  for (const r of runs) r.text = sliceCodePoints(text, r.start, r.end);
  return runs;
}
