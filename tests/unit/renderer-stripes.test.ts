import { describe, expect, it } from 'vitest';
import { packStripes } from '../../renderer/transcript/stripes';

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
});
