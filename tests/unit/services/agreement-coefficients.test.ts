import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  unitsFromRatings,
  type UnitCounts,
} from '../../../electron/services/agreement/coefficients';

const _ = null;

/**
 * Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability, section C ("Nominal data, any number of
 * observers, missing data"): observers A–D, units 1–12, values 1–5, "." missing. The paper reports α = 0.743.
 * (The same table is the ordinal example of the fast-krippendorff Python package's tests.)
 */
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/**
 * Fleiss, J. L. (1971), Table 1: psychiatric diagnoses of 30 patients by 6 raters each, 5 categories
 * (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other), one row per patient, as the
 * R package irr ships it (data "diagnoses") and statsmodels' tests copy it. Fleiss reports κ = .430; irr's
 * kappam.fleiss gives 0.4302445.
 */
const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];

/** Rows are subjects, columns the raters: as coder × unit ratings. */
const transpose = <T>(rows: T[][]): T[][] => rows[0]!.map((_, c) => rows.map((r) => r[c]!));

describe("Krippendorff's alpha (nominal)", () => {
  it('reproduces Krippendorff (2011): 4 observers × 12 units with missing values, α = 0.743', () => {
    const { units } = unitsFromRatings(KRIPPENDORFF_2011);
    expect(krippendorffAlpha(units).value).toBeCloseTo(0.743, 3);
  });

  it('skips units only one coder rated (unit 12 of the example adds nothing)', () => {
    const { units } = unitsFromRatings(KRIPPENDORFF_2011.map((row) => row.slice(0, 11)));
    const withUnit12 = unitsFromRatings(KRIPPENDORFF_2011).units;
    expect(krippendorffAlpha(units).value).toBe(krippendorffAlpha(withUnit12).value);
  });

  it('matches the two-coder binary formula α = 1 − (n − 1) o_01 / (n_0 n_1) (Krippendorff 2011, section A)', () => {
    // Hand-computed: 10 units; both coded 3, only A 1, only B 2, neither 4. n = 20, o_01 = 3, n_1 = 2·3 + 3 = 9, n_0 = 11.
    const units: UnitCounts[] = [
      { counts: [0, 2], times: 3 },
      { counts: [1, 1], times: 3 },
      { counts: [2, 0], times: 4 },
    ];
    expect(krippendorffAlpha(units).value).toBeCloseTo(1 - (19 * 3) / (11 * 9), 12);
  });

  it('is undefined, with the reason, when there is no variation or nothing pairable', () => {
    expect(krippendorffAlpha([{ counts: [2, 0], times: 7 }])).toEqual({ value: null, reason: expect.stringContaining('no variation') });
    expect(krippendorffAlpha([{ counts: [1, 0], times: 7 }])).toEqual({
      value: null,
      reason: expect.stringContaining('two or more coders'),
    });
  });
});

describe("Fleiss' kappa", () => {
  it('reproduces Fleiss (1971): 30 patients × 6 raters × 5 diagnoses, κ = 0.430 (irr: 0.4302445)', () => {
    const { units } = unitsFromRatings(transpose(FLEISS_1971));
    expect(fleissKappa(units).value).toBeCloseTo(0.4302445, 7);
  });

  it("reproduces Wikipedia's worked example (10 subjects × 14 raters × 5 categories): κ = 0.210", () => {
    // "Fleiss' kappa", Wikipedia, worked example table; statsmodels tests the same table against 0.210.
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table.map((counts) => ({ counts, times: 1 }))).value).toBeCloseTo(0.21, 3);
  });

  it('refuses units rated by different numbers of coders, and is undefined without variation', () => {
    expect(() =>
      fleissKappa([
        { counts: [3, 0], times: 1 },
        { counts: [1, 1], times: 1 },
      ]),
    ).toThrow(/same number of coders/);
    expect(fleissKappa([{ counts: [0, 3], times: 5 }]).value).toBeNull();
    expect(fleissKappa([]).reason).toMatch(/no units/);
  });
});

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1960), Table 1: 200 cases, 3 categories, p_o = .70, p_c = .41, κ = .29 / .59 = .49', () => {
    // The table's proportions (.44 .07 .09 / .05 .20 .05 / .01 .03 .06) times N = 200.
    const table = [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ];
    expect(cohenKappa(table).value).toBeCloseTo(0.29 / 0.59, 12);
    expect(cohenKappa(table).value).toBeCloseTo(0.49, 2);
  });

  it("reproduces SAS's unweighted kappa for statsmodels' 3 × 3 example: 0.4842", () => {
    expect(
      cohenKappa([
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ]).value,
    ).toBeCloseTo(0.4842, 4);
  });

  it('is 0 for chance-level agreement and undefined when both coders put every unit in one category', () => {
    // Hand-computed: p_o = 0.5, p_A = p_B = 0.5, p_e = 0.5.
    expect(
      cohenKappa([
        [5, 5],
        [5, 5],
      ]).value,
    ).toBe(0);
    expect(
      cohenKappa([
        [0, 0],
        [0, 9],
      ]),
    ).toEqual({ value: null, reason: expect.stringContaining('no variation') });
  });
});

describe('percent agreement', () => {
  it('is (both + neither) / units for two coders', () => {
    const units: UnitCounts[] = [
      { counts: [0, 2], times: 3 },
      { counts: [1, 1], times: 3 },
      { counts: [2, 0], times: 4 },
    ];
    expect(percentAgreement(units).value).toBeCloseTo(7 / 10, 12);
  });

  it("is Fleiss' mean pairwise agreement P̄ for the Wikipedia table: 0.378 (Wikipedia's worked example)", () => {
    const units = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ].map((counts) => ({ counts, times: 1 }));
    expect(percentAgreement(units).value).toBeCloseTo(0.378, 3);
  });
});
