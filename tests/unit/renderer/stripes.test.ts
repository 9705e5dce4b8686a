import { describe, expect, it } from 'vitest';
import { LANE_WIDTH, packStripes, sameStripes, stripeAt } from '../../../renderer/transcript/stripes';

describe('coding stripe lanes', () => {
  it('puts overlapping bars side by side and reuses a lane once it is free', () => {
    const { stripes, lanes } = packStripes([
      { segmentId: 1, codeId: 1, top: 0, bottom: 100 },
      { segmentId: 1, codeId: 2, top: 0, bottom: 100 },
      { segmentId: 2, codeId: 1, top: 50, bottom: 80 },
      { segmentId: 3, codeId: 3, top: 120, bottom: 140 },
    ]);
    const lane = (segmentId: number, codeId: number) => stripes.find((s) => s.segmentId === segmentId && s.codeId === codeId)!.lane;
    expect(lanes).toBe(3);
    expect(new Set([lane(1, 1), lane(1, 2), lane(2, 1)]).size).toBe(3);
    expect(lane(3, 3)).toBe(0);
  });

  it('finds the stripe under the mouse by lane and height, with a little slack and a minimum height', () => {
    const { stripes } = packStripes([
      { segmentId: 1, codeId: 1, top: 100, bottom: 200 },
      { segmentId: 2, codeId: 5, top: 150, bottom: 152 },
    ]);
    expect(stripeAt(stripes, 2, 150)?.segmentId).toBe(1);
    expect(stripeAt(stripes, LANE_WIDTH + 2, 151)?.segmentId).toBe(2);
    // A 2 px coding is drawn (and hit) 8 px tall.
    expect(stripeAt(stripes, LANE_WIDTH + 2, 159)?.segmentId).toBe(2);
    expect(stripeAt(stripes, LANE_WIDTH + 2, 170)).toBeUndefined();
    expect(stripeAt(stripes, 2, 96)).toBeUndefined();
    expect(stripeAt(stripes, 2 * LANE_WIDTH + 2, 150)).toBeUndefined();
  });

  it('tells a layout that draws the same bars from one that moves a bar, changes its lane or its code', () => {
    const bars = [
      { segmentId: 1, codeId: 1, top: 0, bottom: 100 },
      { segmentId: 2, codeId: 1, top: 50, bottom: 80 },
    ];
    const { stripes } = packStripes(bars);
    expect(sameStripes(stripes, packStripes(bars.map((b) => ({ ...b }))).stripes)).toBe(true);
    expect(sameStripes(stripes, packStripes([bars[0]!, { ...bars[1]!, bottom: 81 }]).stripes)).toBe(false);
    expect(sameStripes(stripes, packStripes([bars[0]!, { ...bars[1]!, codeId: 2 }]).stripes)).toBe(false);
    expect(sameStripes(stripes, [stripes[0]!, { ...stripes[1]!, lane: 0 }])).toBe(false);
    expect(sameStripes(stripes, stripes.slice(1))).toBe(false);
  });
});
