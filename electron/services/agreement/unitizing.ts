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

export interface UnitizingTally {
  /** l_ck by value pair; GAP for φ. */
  observed: Map<string, Map<string, number>>;
  /** S_c. */
  selfPairs: Map<string, number>;
  /** S*_c: Σ over units valued c of the squared length other coders also coded (cuα). */
  pairableSelfPairs: Map<string, number>;
}

export const emptyTally = (): UnitizingTally => ({ observed: new Map(), selfPairs: new Map(), pairableSelfPairs: new Map() });

const bump = (map: Map<string, number>, key: string, by: number) => {
  if (by !== 0) map.set(key, (map.get(key) ?? 0) + by);
};
const bumpPair = (tally: UnitizingTally, c: string, k: string, by: number) => {
  if (by === 0) return;
  let row = tally.observed.get(c);
  if (!row) tally.observed.set(c, (row = new Map()));
  bump(row, k, by);
};

/**
 * A coder's units for a group of categories (each given as that coder's intervals of it): maximal stretches
 * of the same set of categories. Where one coder's categories overlap, the overlap is a unit of its own,
 * valued with both ("0+2"), since a partition gives every code point one value.
 */
export function stretchesOf(categories: readonly (readonly Interval[])[]): Stretch[] {
  const merged = categories.map((c) => mergeIntervals(c));
  if (merged.length === 1) return merged[0]!.map(([start, end]) => ({ start, end, value: '0' }));
  const bounds = [...new Set(merged.flatMap((c) => c.flatMap(([s, e]) => [s, e])))].sort((a, b) => a - b);
  const next = merged.map(() => 0);
  const stretches: Stretch[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [start, end] = [bounds[b]!, bounds[b + 1]!];
    const active: number[] = [];
    merged.forEach((intervals, c) => {
      while (next[c]! < intervals.length && intervals[next[c]!]![1] <= start) next[c]!++;
      const at = intervals[next[c]!];
      if (at && at[0] <= start) active.push(c);
    });
    if (active.length) stretches.push({ start, end, value: active.join('+') });
  }
  return stretches;
}

const lengthOf = (s: Stretch) => s.end - s.start;

/** The tally of one document of `length` code points, read by the coders present in it (at least two). */
export function tallyDocument(length: number, coders: readonly (readonly Stretch[])[]): UnitizingTally {
  const tally = emptyTally();
  const m = coders.length;
  if (m < 2) return tally;
  const weight = 1 / (m - 1);
  const covered = coders.map((units) => units.reduce((sum, u) => sum + lengthOf(u), 0));
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const a = coders[i]!;
      const b = coders[j]!;
      // Code points of each unit that the other coder also coded; what is left meets the other's gaps.
      const aShared = new Array<number>(a.length).fill(0);
      const bShared = new Array<number>(b.length).fill(0);
      let shared = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length;) {
        const g = a[x]!;
        const h = b[y]!;
        const overlap = Math.min(g.end, h.end) - Math.max(g.start, h.start);
        if (overlap > 0) {
          bumpPair(tally, g.value, h.value, overlap * weight);
          bumpPair(tally, h.value, g.value, overlap * weight);
          aShared[x]! += overlap;
          bShared[y]! += overlap;
          shared += overlap;
        }
        if (g.end <= h.end) x++;
        else y++;
      }
      a.forEach((g, x) => {
        bumpPair(tally, g.value, GAP, (lengthOf(g) - aShared[x]!) * weight);
        bumpPair(tally, GAP, g.value, (lengthOf(g) - aShared[x]!) * weight);
      });
      b.forEach((h, y) => {
        bumpPair(tally, h.value, GAP, (lengthOf(h) - bShared[y]!) * weight);
        bumpPair(tally, GAP, h.value, (lengthOf(h) - bShared[y]!) * weight);
      });
      bumpPair(tally, GAP, GAP, 2 * (length - covered[i]! - covered[j]! + shared) * weight);
    }
  }
  coders.forEach((units, i) => {
    for (const u of units) bump(tally.selfPairs, u.value, lengthOf(u) ** 2);
    bump(tally.selfPairs, GAP, length - covered[i]!);
    const others = mergeIntervals(coders.flatMap((o, j) => (j === i ? [] : o.map((s): Interval => [s.start, s.end]))));
    for (let x = 0, y = 0; x < units.length; x++) {
      const u = units[x]!;
      while (y < others.length && others[y]![1] <= u.start) y++;
      let pairable = 0;
      for (let z = y; z < others.length && others[z]![0] < u.end; z++) {
        pairable += Math.min(u.end, others[z]![1]) - Math.max(u.start, others[z]![0]);
      }
      bump(tally.pairableSelfPairs, u.value, pairable ** 2);
    }
  });
  return tally;
}

/** Adds `from` into `into` (laying the continua end to end). */
export function addTally(into: UnitizingTally, from: UnitizingTally): UnitizingTally {
  for (const [c, row] of from.observed) for (const [k, v] of row) bumpPair(into, c, k, v);
  for (const [c, v] of from.selfPairs) bump(into.selfPairs, c, v);
  for (const [c, v] of from.pairableSelfPairs) bump(into.pairableSelfPairs, c, v);
  return into;
}

/** α = 1 − D_o / D_e from observed coincidences, self-pairings, and which values are told apart. */
function alphaOf(
  observed: ReadonlyMap<string, ReadonlyMap<string, number>>,
  selfPairs: ReadonlyMap<string, number>,
  classOf: (value: string) => string,
  nothing: string,
): Coefficient {
  const cells = new Map<string, Map<string, number>>();
  const marginals = new Map<string, number>();
  let total = 0;
  for (const [c, row] of observed) {
    for (const [k, v] of row) {
      const [cc, kk] = [classOf(c), classOf(k)];
      let out = cells.get(cc);
      if (!out) cells.set(cc, (out = new Map()));
      bump(out, kk, v);
      bump(marginals, cc, v);
      total += v;
    }
  }
  if (total === 0) return { value: null, reason: nothing };
  const selfByClass = new Map<string, number>();
  for (const [c, s] of selfPairs) bump(selfByClass, classOf(c), s);
  const allSelf = [...selfByClass.values()].reduce((a, b) => a + b, 0);
  const denominator = total * total - allSelf;
  let observedAgreement = 0;
  let expectedAgreement = 0;
  for (const [c, marginal] of marginals) {
    observedAgreement += cells.get(c)?.get(c) ?? 0;
    expectedAgreement += (total * (marginal * marginal - (selfByClass.get(c) ?? 0))) / denominator;
  }
  // Only cuα can get here: with three or more coders its pairable self-pairings can outweigh l..².
  if (!(denominator > 0)) return { value: null, reason: 'too little matter coded by several coders to estimate chance' };
  const expected = total - expectedAgreement;
  if (Math.abs(expected) < 1e-9 * total) return { value: null, reason: 'no variation: the expected disagreement is 0 (0/0)' };
  return { value: 1 - (total - observedAgreement) / expected, reason: null };
}

/** uα (categories and φ told apart), |uα (coded or not) and cuα (categories within matter coded by several coders). */
export function unitizingAlphas(tally: UnitizingTally): { uAlpha: Coefficient; uAlphaBinary: Coefficient; cuAlpha: Coefficient } {
  const nothing = 'no document was read by two or more coders';
  const categories = new Map(
    [...tally.observed].filter(([c]) => c !== GAP).map(([c, row]) => [c, new Map([...row].filter(([k]) => k !== GAP))]),
  );
  return {
    uAlpha: alphaOf(tally.observed, tally.selfPairs, (v) => v, nothing),
    uAlphaBinary: alphaOf(tally.observed, tally.selfPairs, (v) => (v === GAP ? GAP : 'coded'), nothing),
    cuAlpha: alphaOf(categories, tally.pairableSelfPairs, (v) => v, 'no code point was coded by two or more coders'),
  };
}
