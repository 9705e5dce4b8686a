// Coding stripes: one vertical bar per (segment, code) in the margin, packed into lanes so that bars
// that overlap vertically sit side by side.

export interface StripeInput {
  segmentId: number;
  codeId: number;
  top: number;
  bottom: number;
}

export interface Stripe extends StripeInput {
  lane: number;
}

/** Greedy interval packing: each bar takes the leftmost lane that is free at its top. */
export function packStripes(items: StripeInput[], gap = 4): { stripes: Stripe[]; lanes: number } {
  const sorted = [...items].sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.codeId - b.codeId);
  const laneBottoms: number[] = [];
  const stripes = sorted.map((item) => {
    let lane = laneBottoms.findIndex((bottom) => bottom + gap <= item.top);
    if (lane < 0) lane = laneBottoms.push(0) - 1;
    laneBottoms[lane] = item.bottom;
    return { ...item, lane };
  });
  return { stripes, lanes: laneBottoms.length };
}

export const LANE_WIDTH = 16;
export const MAX_LANES = 10;
/** Short codings still get a bar that can be seen and clicked. */
const MIN_HEIGHT = 8;

export const bottomOf = (s: Stripe): number => Math.max(s.bottom, s.top + MIN_HEIGHT);

/** The stripe under a point in margin coordinates (x from the margin's left edge, y from the page top). */
export function stripeAt(stripes: Stripe[], x: number, y: number): Stripe | undefined {
  const lane = Math.floor(x / LANE_WIDTH);
  return stripes.find((s) => s.lane === lane && s.lane < MAX_LANES && s.top - 2 <= y && y <= bottomOf(s) + 2);
}

const STRIPE_FIELDS = ['segmentId', 'codeId', 'top', 'bottom', 'lane'] as const;

/** Whether two layouts draw the same bars (a fix that leaves the lines where they were moves none). */
export const sameStripes = (a: readonly Stripe[], b: readonly Stripe[]): boolean =>
  a.length === b.length && a.every((s, i) => STRIPE_FIELDS.every((k) => s[k] === b[i]![k]));
