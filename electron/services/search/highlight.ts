import { MARK_CLOSE, MARK_OPEN } from '../../../db/queries/search';

/** The marked ranges of a text FTS5's highlight() returned, in code points of the text without marks. */
export function markedRanges(marked: string): [number, number][] {
  const ranges: [number, number][] = [];
  let point = 0;
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = point;
    else if (ch === MARK_CLOSE) {
      ranges.push([open, point]);
      open = -1;
    } else point++;
  }
  return ranges;
}

/** The text without highlight() marks. */
export const unmarked = (marked: string) => marked.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
