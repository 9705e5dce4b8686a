// Agreement coefficients for nominal data, computed from counts. Pure: no database, no Node.
// A coefficient that is 0/0 (no variation, nothing pairable) is undefined: null with the reason, never a guess.

export type Coefficient = { value: number; reason: null } | { value: null; reason: string };

const value = (v: number): Coefficient => ({ value: v, reason: null });
const undefinedBecause = (reason: string): Coefficient => ({ value: null, reason });

/**
 * One rating pattern: how many coders put a unit in each category (`counts[c]`), and how many units share
 * that pattern (`times`). Coders absent from a unit are simply not counted: missing data.
 */
export interface UnitCounts {
  counts: readonly number[];
  times: number;
}

/** Raw ratings (one row per coder, one column per unit, null where missing) as rating patterns. */
export function unitsFromRatings<T>(ratings: readonly (readonly (T | null)[])[]): { categories: T[]; units: UnitCounts[] } {
  const categories = [...new Set(ratings.flat().filter((r): r is T => r !== null))];
  const width = Math.max(0, ...ratings.map((r) => r.length));
  const units = Array.from({ length: width }, (_, u) => {
    const counts = new Array<number>(categories.length).fill(0);
    for (const row of ratings) {
      const r = row[u] ?? null;
      if (r !== null) counts[categories.indexOf(r)]!++;
    }
    return { counts, times: 1 };
  });
  return { categories, units };
}

const codersOf = (u: UnitCounts) => u.counts.reduce((a, b) => a + b, 0);

/**
 * The share of agreeing pairs of coders over all pairable units: Σ n_uc(n_uc − 1) / Σ m_u(m_u − 1).
 * Two coders: (both + neither) / units. Constant m coders: Fleiss' mean observed agreement P̄.
 */
export function percentAgreement(units: readonly UnitCounts[]): Coefficient {
  let agreeing = 0;
  let pairs = 0;
  for (const u of units) {
    const m = codersOf(u);
    if (m < 2) continue;
    agreeing += u.times * u.counts.reduce((sum, n) => sum + n * (n - 1), 0);
    pairs += u.times * m * (m - 1);
  }
  return pairs === 0 ? undefinedBecause('no unit was coded by two or more coders') : value(agreeing / pairs);
}

/** Cohen (1960): κ = (p_o − p_e) / (1 − p_e) from a square table of two coders' counts (rows: coder A). */
export function cohenKappa(table: readonly (readonly number[])[]): Coefficient {
  const k = table.length;
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return undefinedBecause('there are no units');
  let observed = 0;
  let chance = 0;
  for (let c = 0; c < k; c++) {
    observed += table[c]![c]! / n;
    const rowShare = table[c]!.reduce((a, b) => a + b, 0) / n;
    const columnShare = table.reduce((sum, row) => sum + row[c]!, 0) / n;
    chance += rowShare * columnShare;
  }
  if (chance >= 1) return undefinedBecause('no variation: both coders put every unit in the same category (0/0)');
  return value((observed - chance) / (1 - chance));
}

/**
 * Krippendorff's alpha, nominal, any number of coders, missing data allowed (Krippendorff 2011): the
 * coincidence matrix o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1) over units with m_u ≥ 2, then
 * α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 */
export function krippendorffAlpha(units: readonly UnitCounts[]): Coefficient {
  const k = Math.max(0, ...units.map((u) => u.counts.length));
  const coincidences = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const u of units) {
    const m = codersOf(u);
    if (m < 2) continue;
    for (let c = 0; c < u.counts.length; c++) {
      for (let d = 0; d < u.counts.length; d++) {
        const pairs = u.counts[c]! * (u.counts[d]! - (c === d ? 1 : 0));
        if (pairs) coincidences[c]![d]! += (u.times * pairs) / (m - 1);
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  if (n === 0) return undefinedBecause('no unit was coded by two or more coders');
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      observed += coincidences[c]![d]!;
      expected += marginals[c]! * marginals[d]!;
    }
  }
  if (expected === 0) return undefinedBecause('no variation: every pairable value is in the same category (0/0)');
  return value(1 - ((n - 1) * observed) / expected);
}

/**
 * Fleiss (1971): κ = (P̄ − P̄_e) / (1 − P̄_e) for N units each rated by the same number m of coders, with P̄ the
 * mean share of agreeing pairs per unit and P̄_e = Σ_c p_c², p_c the share of all ratings in category c.
 */
export function fleissKappa(units: readonly UnitCounts[]): Coefficient {
  const rated = units.filter((u) => u.times > 0);
  if (rated.length === 0) return undefinedBecause('there are no units rated by every coder');
  const m = codersOf(rated[0]!);
  if (rated.some((u) => codersOf(u) !== m)) throw new Error("Fleiss' kappa needs the same number of coders on every unit.");
  if (m < 2) return undefinedBecause('it needs at least two coders per unit');
  const observed = percentAgreement(rated).value!;
  const k = Math.max(...rated.map((u) => u.counts.length));
  const totals = new Array<number>(k).fill(0);
  let ratings = 0;
  for (const u of rated) {
    u.counts.forEach((n, c) => (totals[c]! += u.times * n));
    ratings += u.times * m;
  }
  const chance = totals.reduce((sum, t) => sum + (t / ratings) ** 2, 0);
  if (chance >= 1) return undefinedBecause('no variation: every rating is in the same category (0/0)');
  return value((observed - chance) / (1 - chance));
}
