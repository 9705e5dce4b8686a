import { describe, expect, it } from 'vitest';
import { passageRuns } from '../../../renderer/agreement/passage-runs';

describe('passageRuns', () => {
  // "We 😀 trust the board." — code points: W0 e1 ␠2 😀3 ␠4 t5 r6 u7 s8 t9 ␠10 t11 … .20; the emoji is one.
  const text = 'We 😀 trust the board.';

  it('cuts a passage into neither / only A / only B / both by code points, emoji whole', () => {
    // A codes [0,5) and [3,11) (overlapping, so [0,11)); B codes [3,8). Hand-worked: [0,3) only A, [3,8) both,
    // [8,11) only A, [11,21) neither.
    const runs = passageRuns(
      text,
      0,
      21,
      [
        [0, 5],
        [3, 11],
      ],
      [[3, 8]],
    );
    expect(runs.map((r) => [r.start, r.end, r.coverage, r.text])).toEqual([
      [0, 3, 'A', 'We '],
      [3, 8, 'both', '😀 tru'],
      [8, 11, 'A', 'st '],
      [11, 21, 'neither', 'the board.'],
    ]);
  });

  it('keeps to the window and names only B where only B coded', () => {
    const runs = passageRuns(text, 5, 15, [], [[0, 10]]);
    expect(runs.map((r) => [r.start, r.end, r.coverage, r.text])).toEqual([
      [5, 10, 'B', 'trust'],
      [10, 15, 'neither', ' the '],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe([...text].slice(5, 15).join(''));
  });
});
