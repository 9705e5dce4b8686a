// What each agreement statistic is, in words: shown by the comparison views’ info popovers and printed in the
// exported report. No Node or DOM imports: the renderer imports this module as it is.

export type AgreementUnit = 'character' | 'paragraph' | 'document';

export type StatisticKey = 'percent' | 'kappa' | 'alpha' | 'fleiss' | 'uAlphaBinary' | 'uAlpha' | 'cuAlpha';

export interface Statistic {
  key: StatisticKey;
  name: string;
  formula: string;
  /** Which coders and units it is computed for, and what to keep in mind reading it. */
  caveats: string;
  reference: string;
  /** Not yet checked against a published value. */
  experimental: boolean;
}

export const UNITS: Record<AgreementUnit, string> = {
  character:
    'Each Unicode code point of a document is a unit; a code is present at a code point when the coder coded a passage with that code that covers it.',
  paragraph:
    "Each speaker turn (paragraph) of a document is a unit; a code is present in it when any of the coder's passages with that code covers at least one of its code points. Empty paragraphs are not units.",
  document: 'Each document is one unit; a code is present when the coder coded at least one passage in it with that code.',
};

export const MISSING_DATA =
  'A coder takes part in a document when they coded at least one passage in it, with any code. A coder who did not is missing ' +
  'there, not "uncoded": alpha and the percent agreement count only the coders present in each document (documents with fewer ' +
  "than two are left out); with two coders, only documents both coded count; Fleiss' kappa counts only documents every chosen " +
  'coder coded. Overlapping or touching passages of one code by one coder are merged before counting.';

export const UNDEFINED =
  'A coefficient whose formula is 0/0 (no variation: every unit in the same category, or nothing pairable) is reported as ' +
  'undefined, with the reason, beside the percent agreement. Pooled figures (per code over documents, overall) come from summed ' +
  'counts, never from averaging coefficients.';

const KRIPPENDORFF_2019 = 'Krippendorff, K. (2019). Content Analysis: An Introduction to Its Methodology (4th ed.), §12.6. Sage.';

export const STATISTICS: readonly Statistic[] = [
  {
    key: 'percent',
    name: 'Percent agreement',
    formula:
      'The share of agreeing pairs of coders over all units: with two coders, (both + neither) / units; with more, Σ over units of the pairs of coders who agree, divided by all pairs of coders present.',
    caveats:
      'Not corrected for chance: a code that is rare in the text gives high agreement even when coders never coded the same passage.',
    reference:
      'Krippendorff, K. (2011). Computing Krippendorff’s alpha-reliability. Annenberg School for Communication, University of Pennsylvania.',
    experimental: false,
  },
  {
    key: 'kappa',
    name: "Cohen's kappa",
    formula:
      'κ = (p_o − p_e) / (1 − p_e): p_o the observed share of units on which the two coders agree, p_e the agreement expected by chance from each coder’s own rates, Σ over present/absent of p_A · p_B.',
    caveats:
      'Two coders only; each coder’s own rates define chance, so two coders who differ in how much they code are not penalised for it.',
    reference: 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
    experimental: false,
  },
  {
    key: 'alpha',
    name: "Krippendorff's alpha (nominal)",
    formula:
      'α = 1 − D_o / D_e from the coincidence matrix o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1) over units coded by m_u ≥ 2 coders: D_o = Σ_{c≠k} o_ck / n, D_e = Σ_{c≠k} n_c n_k / (n (n − 1)).',
    caveats: 'Any number of coders; coders missing from a document are missing data. Chance comes from the pooled rates of all coders.',
    reference:
      'Krippendorff, K. (2011). Computing Krippendorff’s alpha-reliability. Annenberg School for Communication, University of Pennsylvania.',
    experimental: false,
  },
  {
    key: 'fleiss',
    name: "Fleiss' kappa",
    formula:
      'κ = (P̄ − P̄_e) / (1 − P̄_e): P̄ the mean share of agreeing pairs of coders per unit, P̄_e = Σ_c p_c² with p_c the share of all ratings in category c.',
    caveats:
      'Three or more coders, paragraph and document units; only documents every chosen coder coded (the formula needs the same coders on every unit).',
    reference: 'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.',
    experimental: false,
  },
  {
    key: 'uAlphaBinary',
    name: "Krippendorff's |uα (unitizing, binary)",
    formula:
      'Each coder’s reading is a partition of the text into units (maximal coded stretches) and gaps. l_ck sums, over pairs of coders, the lengths where one coder’s c meets the other’s k, divided by m − 1; ε_ck = l.. (l_c. l_.k − [c = k] S_c) / (l..² − Σ S), with S_c the sum of squared unit lengths (total gap length for gaps). |uα = 1 − (l.. − Σ l_cc) / (l.. − Σ ε_cc), every code of the group counted as "coded".',
    caveats:
      'Character units only. Observed disagreement counts the code points where coders differ; chance treats each coded stretch as one unit (a long passage is one draw, not a thousand), so it is not the per-character alpha. Documents (and, overall, codes) are laid end to end as one continuum.',
    reference: KRIPPENDORFF_2019,
    experimental: false,
  },
  {
    key: 'uAlpha',
    name: "Krippendorff's uα (unitizing, nominal)",
    formula:
      'As |uα, with each code of a group of mutually exclusive codes (the sub-codes of a code, or a framework axis) a value of its own beside the gaps.',
    caveats:
      'Character units only. Where one coder applied two codes of a group to the same code points, that stretch is a unit valued with both codes together.',
    reference: KRIPPENDORFF_2019,
    experimental: false,
  },
  {
    key: 'cuAlpha',
    name: "Krippendorff's cuα (coding within units)",
    formula:
      'The coincidences of uα among codes only (no gaps), with self-pairings counting for each unit only the code points other coders also coded: how reliably coders tell the codes apart where they both coded.',
    caveats: 'Experimental: not yet checked against a published value.',
    reference: KRIPPENDORFF_2019,
    experimental: true,
  },
];
