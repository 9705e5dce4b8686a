// Krippendorff's unitizing alphas over a continuum of code points (Content Analysis, 4th ed., 2019, §12.6;
// Krippendorff, Mathet, Bouvry & Widlöcher 2016). Each coder's reading of a document is a partition into
// stretches: units (coded with a category) and gaps (φ, not coded). Pure: no database, no Node.
//
//   observed coincidences  l_ck = 1/(m−1) Σ_{i≠j} Σ_{g of i valued c} Σ_{h of j valued k} |g ∩ h|
//   self-pairings          S_c  = Σ over units valued c of |g|², and for φ the total gap length (a gap is
//                                 no unit: each of its code points stands alone)
//   expected coincidences  ε_ck = l.. (l_c. l_.k − [c = k] S_c) / (l..² − Σ_c S_c)
//   uα = 1 − (l.. − Σ_c l_cc) / (l.. − Σ_c ε_cc)
// |uα collapses every category into "coded" against φ; cuα keeps only the categories (coded matter coders
// share), its self-pairings counting for each unit only the code points other coders also coded.
// Several documents (or codes) are one continuum laid end to end: their l, S and S* simply add up.
import type { Coefficient } from './coefficients';
import { type Interval, mergeIntervals } from './intervals';

/** One coder's unit: a stretch of code points and its value (a category, or several joined by "+"). */
export interface Stretch {
  start: number;
  end: number;
  value: string;
}

export const GAP = 'φ';

/**
 * The sums behind the unitizing alphas, per value (numbered in the order met, 0 being φ). Every alpha of the
 * family needs only these, not the whole matrix l_ck: its row sums, its diagonal and its φ column.
 */
export interface UnitizingTally {
  values: string[];
  ids: Map<string, number>;
  /** l_c. */
  marginal: number[];
  /** l_cc. */
  diagonal: number[];
  /** l_cφ. */
  withGap: number[];
  /** S_c. */
  selfPairs: number[];
  /** S*_c: Σ over units valued c of the squared length other coders also coded (cuα). */
  pairableSelfPairs: number[];
}

const SUMS = ['marginal', 'diagonal', 'withGap', 'selfPairs', 'pairableSelfPairs'] as const;

export const emptyTally = (): UnitizingTally => ({
  values: [GAP],
  ids: new Map([[GAP, 0]]),
  marginal: [0],
  diagonal: [0],
  withGap: [0],
  selfPairs: [0],
  pairableSelfPairs: [0],
});

/** The number of a value, adding it when not met before. */
function valueId(tally: UnitizingTally, value: string): number {
  let id = tally.ids.get(value);
  if (id === undefined) {
    id = tally.values.push(value) - 1;
    tally.ids.set(value, id);
    for (const sum of SUMS) tally[sum].push(0);
  }
  return id;
}

/** Adds `by` to the coincidences l_ck and l_kc. */
function coincide(tally: UnitizingTally, c: number, k: number, by: number): void {
  tally.marginal[c]! += by;
  tally.marginal[k]! += by;
  if (c === k) tally.diagonal[c]! += 2 * by;
  if (k === 0) tally.withGap[c]! += by;
  if (c === 0) tally.withGap[k]! += by;
}

/**
 * A coder's units for a group of categories (each given as that coder's intervals of it): maximal stretches
 * of the same set of categories. Where one coder's categories overlap, the overlap is a unit of its own,
 * valued with both ("0+2"), since a partition gives every code point one value.
 */
export function stretchesOf(categories: readonly (readonly Interval[])[]): Stretch[] {
  const merged = categories.map((c) => mergeIntervals(c));
  if (merged.length === 1) return merged[0]!.map(([start, end]) => ({ start, end, value: '0' }));
  const events = merged.flatMap((intervals, c) =>
    intervals.flatMap(([s, e]): [number, number][] => [
      [s, c + 1],
      [e, -(c + 1)],
    ]),
  );
  events.sort((a, b) => a[0] - b[0]);
  const active = new Set<number>();
  const stretches: Stretch[] = [];
  for (let x = 0; x < events.length;) {
    const at = events[x]![0];
    for (; x < events.length && events[x]![0] === at; x++) {
      const [, change] = events[x]!;
      if (change > 0) active.add(change - 1);
      else active.delete(-change - 1);
    }
    if (active.size && x < events.length) {
      stretches.push({ start: at, end: events[x]![0], value: [...active].sort((a, b) => a - b).join('+') });
    }
  }
  return stretches;
}

const lengthOf = (s: Stretch) => s.end - s.start;

/**
 * Tallies one document of `length` code points, read by the coders present in it (at least two), into `tally`
 * (a fresh one by default; adding to a running one lays the documents end to end).
 */
export function tallyDocument(length: number, coders: readonly (readonly Stretch[])[], tally = emptyTally()): UnitizingTally {
  const m = coders.length;
  if (m < 2) return tally;
  const weight = 1 / (m - 1);
  const ids = coders.map((units) => units.map((u) => valueId(tally, u.value)));
  const covered = coders.map((units) => units.reduce((sum, u) => sum + lengthOf(u), 0));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const [a, b, aIds, bIds] = [coders[i]!, coders[j]!, ids[i]!, ids[j]!];
      // Code points of each unit that the other coder also coded; what is left meets the other's gaps.
      const aShared = new Array<number>(a.length).fill(0);
      const bShared = new Array<number>(b.length).fill(0);
      let shared = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length;) {
        const g = a[x]!;
        const h = b[y]!;
        const overlap = Math.min(g.end, h.end) - Math.max(g.start, h.start);
        if (overlap > 0) {
          coincide(tally, aIds[x]!, bIds[y]!, overlap * weight);
          aShared[x]! += overlap;
          bShared[y]! += overlap;
          shared += overlap;
        }
        if (g.end <= h.end) x++;
        else y++;
      }
      a.forEach((g, x) => coincide(tally, aIds[x]!, 0, (lengthOf(g) - aShared[x]!) * weight));
      b.forEach((h, y) => coincide(tally, bIds[y]!, 0, (lengthOf(h) - bShared[y]!) * weight));
      coincide(tally, 0, 0, (length - covered[i]! - covered[j]! + shared) * weight);
    }
  }
  coders.forEach((units, i) => {
    tally.selfPairs[0]! += length - covered[i]!;
    // Two coders: the other's units are already sorted and apart; more: their union.
    const others: readonly { start: number; end: number }[] =
      m === 2
        ? coders[1 - i]!
        : mergeIntervals(coders.flatMap((o, j) => (j === i ? [] : o.map((s): Interval => [s.start, s.end])))).map(([start, end]) => ({
            start,
            end,
          }));
    for (let x = 0, y = 0; x < units.length; x++) {
      const u = units[x]!;
      while (y < others.length && others[y]!.end <= u.start) y++;
      let pairable = 0;
      for (let z = y; z < others.length && others[z]!.start < u.end; z++) {
        pairable += Math.min(u.end, others[z]!.end) - Math.max(u.start, others[z]!.start);
      }
      tally.selfPairs[ids[i]![x]!]! += lengthOf(u) ** 2;
      tally.pairableSelfPairs[ids[i]![x]!]! += pairable ** 2;
    }
  });
  return tally;
}

/** Adds `from` into `into` (laying the continua end to end). */
export function addTally(into: UnitizingTally, from: UnitizingTally): UnitizingTally {
  from.values.forEach((value, c) => {
    const to = valueId(into, value);
    for (const sum of SUMS) into[sum][to]! += from[sum][c]!;
  });
  return into;
}

/** α = 1 − D_o / D_e from the agreeing coincidences Σ l_cc, the marginals l_c. and the self-pairings S_c of the values told apart. */
function alphaOf(agreeing: number, marginals: readonly number[], self: readonly number[], nothing: string): Coefficient {
  const total = marginals.reduce((a, b) => a + b, 0);
  if (total === 0) return { value: null, reason: nothing };
  const denominator = total * total - self.reduce((a, b) => a + b, 0);
  // Only cuα can get here: with three or more coders its pairable self-pairings can outweigh l..².
  if (!(denominator > 0)) return { value: null, reason: 'too little matter coded by several coders to estimate chance' };
  const expected = total - marginals.reduce((sum, n, c) => sum + (total * (n * n - self[c]!)) / denominator, 0);
  if (Math.abs(expected) < 1e-9 * total) return { value: null, reason: 'no variation: the expected disagreement is 0 (0/0)' };
  return { value: 1 - (total - agreeing) / expected, reason: null };
}

const sum = (xs: readonly number[], from = 0) => {
  let total = 0;
  for (let c = from; c < xs.length; c++) total += xs[c]!;
  return total;
};

const NOTHING = 'no document was read by two or more coders';

/** uα: every value (each code, or set of codes, and φ) told apart. */
export const uAlpha = (t: UnitizingTally): Coefficient => alphaOf(sum(t.diagonal), t.marginal, t.selfPairs, NOTHING);

/** |uα: coded (with any code) against φ. Coded-against-coded coincidences are the coded rows' sums less what met gaps. */
export const uAlphaBinary = (t: UnitizingTally): Coefficient =>
  alphaOf(
    t.diagonal[0]! + sum(t.marginal, 1) - sum(t.withGap, 1),
    [t.marginal[0]!, sum(t.marginal, 1)],
    [t.selfPairs[0]!, sum(t.selfPairs, 1)],
    NOTHING,
  );

/** cuα: the codes told apart within matter several coders coded (no φ); self-pairings count only that matter. */
export const cuAlpha = (t: UnitizingTally): Coefficient =>
  alphaOf(
    sum(t.diagonal, 1),
    t.marginal.slice(1).map((n, c) => n - t.withGap[c + 1]!),
    t.pairableSelfPairs.slice(1),
    'no code point was coded by two or more coders',
  );

export const unitizingAlphas = (t: UnitizingTally) => ({ uAlpha: uAlpha(t), uAlphaBinary: uAlphaBinary(t), cuAlpha: cuAlpha(t) });
