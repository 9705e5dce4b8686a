import { describe, expect, it } from 'vitest';
import { coverageHistogram, type Interval, mergeIntervals, paragraphUnits } from '../../../electron/services/agreement/intervals';
import { addTally, emptyTally, stretchesOf, tallyDocument, unitizingAlphas } from '../../../electron/services/agreement/unitizing';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A coded passage of one category by one coder. */
interface Coding {
  category: number;
  start: number;
  end: number;
}

interface Doc {
  length: number;
  /** One list per coder present in the document. */
  coders: Coding[][];
}

/**
 * The second, independent computation: position by position over the code points. Each code point gets, per
 * coder, the set of categories coding it ("" when none); a unit is a maximal run of code points with the same
 * non-empty set. Then l_ck, S_c and S*_c are counted code point by code point, and the alphas follow from
 * the textbook formulas (Krippendorff 2019, §12.6) written out again here.
 */
function positionByPosition(docs: Doc[]) {
  const l = new Map<string, number>();
  const S = new Map<string, number>();
  const Sstar = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  for (const { length, coders } of docs) {
    const m = coders.length;
    const values = coders.map((codings) =>
      Array.from({ length }, (_, p) =>
        [...new Set(codings.filter((c) => c.start <= p && p < c.end).map((c) => c.category))].sort((a, b) => a - b).join('+'),
      ),
    );
    for (let p = 0; p < length; p++) {
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(l, `${values[i]![p]}|${values[j]![p]}`, 1 / (m - 1));
    }
    values.forEach((own, i) => {
      let p = 0;
      while (p < length) {
        if (own[p] === '') {
          add(S, '', 1);
          p++;
          continue;
        }
        let q = p;
        let pairable = 0;
        while (q < length && own[q] === own[p]) {
          if (values.some((other, j) => j !== i && other[q] !== '')) pairable++;
          q++;
        }
        add(S, own[p]!, (q - p) ** 2);
        add(Sstar, own[p]!, pairable ** 2);
        p = q;
      }
    });
  }
  const alpha = (keep: (v: string) => boolean, classOf: (v: string) => string, self: Map<string, number>) => {
    const cells = new Map<string, number>();
    for (const [key, v] of l) {
      const [c, k] = key.split('|') as [string, string];
      if (keep(c) && keep(k)) add(cells, `${classOf(c)}|${classOf(k)}`, v);
    }
    const classes = [...new Set([...cells.keys()].map((k) => k.split('|')[0]!))];
    const total = [...cells.values()].reduce((a, b) => a + b, 0);
    const row = (c: string) => classes.reduce((sum, k) => sum + (cells.get(`${c}|${k}`) ?? 0), 0);
    const selfOf = (c: string) => [...self].filter(([v]) => keep(v) && classOf(v) === c).reduce((sum, [, s]) => sum + s, 0);
    const allSelf = classes.reduce((sum, c) => sum + selfOf(c), 0);
    const observedDisagreement = total - classes.reduce((sum, c) => sum + (cells.get(`${c}|${c}`) ?? 0), 0);
    if (total === 0 || total ** 2 - allSelf <= 0) return null;
    const expectedDisagreement = total - classes.reduce((sum, c) => sum + (total * (row(c) ** 2 - selfOf(c))) / (total ** 2 - allSelf), 0);
    return Math.abs(expectedDisagreement) < 1e-9 * total ? null : 1 - observedDisagreement / expectedDisagreement;
  };
  return {
    uAlpha: alpha(
      () => true,
      (v) => v,
      S,
    ),
    uAlphaBinary: alpha(
      () => true,
      (v) => (v === '' ? '' : 'coded'),
      S,
    ),
    cuAlpha: alpha(
      (v) => v !== '',
      (v) => v,
      Sstar,
    ),
  };
}

/** The interval arithmetic under test, from the same codings. */
function byIntervals(docs: Doc[], categories: number) {
  const tally = emptyTally();
  for (const { length, coders } of docs) {
    const readings = coders.map((codings) =>
      stretchesOf(
        Array.from({ length: categories }, (_, c) => codings.filter((x) => x.category === c).map((x): Interval => [x.start, x.end])),
      ),
    );
    addTally(tally, tallyDocument(length, readings));
  }
  const a = unitizingAlphas(tally);
  return { uAlpha: a.uAlpha.value, uAlphaBinary: a.uAlphaBinary.value, cuAlpha: a.cuAlpha.value };
}

function randomDocs(random: () => number, categories: number): Doc[] {
  return Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const length = 20 + Math.floor(random() * 80);
    const coders = 2 + Math.floor(random() * 3);
    return {
      length,
      coders: Array.from({ length: coders }, () =>
        Array.from({ length: Math.floor(random() * 6) }, () => {
          const start = Math.floor(random() * (length - 1));
          return {
            category: Math.floor(random() * categories),
            start,
            end: start + 1 + Math.floor(random() * Math.min(25, length - start - 1)),
          };
        }),
      ),
    };
  });
}

describe('unitizing alphas (Krippendorff 2019, §12.6)', () => {
  it('gives the hand-computed |uα for two overlapping units of one code', () => {
    // 20 code points; A codes [0,10), B codes [5,15). Coincidences (m − 1 = 1): l_XX = 2·5, l_Xφ = l_φX = 5 + 5,
    // l_φφ = 2·5, l.. = 40. S_X = 10² + 10², S_φ = 10 + 10 (gap lengths), ΣS = 220.
    // ε_XX = 40 (20² − 200) / (40² − 220) = 8000/1380; ε_φφ = 40 (20² − 20) / 1380 = 15200/1380.
    // |uα = 1 − (40 − 20) / (40 − 23200/1380) = 1 − 27600/32000 = 0.1375.
    const tally = tallyDocument(20, [[{ start: 0, end: 10, value: '0' }], [{ start: 5, end: 15, value: '0' }]]);
    expect(unitizingAlphas(tally).uAlphaBinary.value).toBeCloseTo(0.1375, 12);
    expect(unitizingAlphas(tally).uAlpha.value).toBeCloseTo(0.1375, 12);
  });

  it('is 1 for identical unitizations, and undefined (0/0) when nobody coded anything', () => {
    const same = [{ start: 3, end: 9, value: '0' }];
    expect(unitizingAlphas(tallyDocument(30, [same, same])).uAlphaBinary.value).toBe(1);
    const none = unitizingAlphas(tallyDocument(30, [[], []]));
    expect(none.uAlphaBinary).toEqual({ value: null, reason: expect.stringContaining('0/0') });
    expect(none.cuAlpha.value).toBeNull();
  });

  it('samples units, not code points: the same codings give a different figure than per-character alpha', () => {
    // Per character, [0,10) against [5,15) in 20 code points is α = 1 − 39·10 / (20·20) = 0.025 (see the
    // coefficients tests); as units it is |uα = 0.1375 (above): a coded stretch is one unit, not ten draws.
    const whole = [{ start: 0, end: 10, value: '0' }];
    const pieces = [
      { start: 0, end: 5, value: '0' },
      { start: 5, end: 10, value: '0' },
    ];
    // Identical code points give observed agreement whatever the pieces, so α stays 1 ...
    expect(unitizingAlphas(tallyDocument(40, [whole, pieces])).uAlphaBinary.value).toBe(1);
    // ... while unit lengths change what chance would give: shorter units, less chance agreement.
    const other = [{ start: 2, end: 12, value: '0' }];
    const asWhole = unitizingAlphas(tallyDocument(40, [whole, other])).uAlphaBinary.value!;
    const asPieces = unitizingAlphas(tallyDocument(40, [pieces, other])).uAlphaBinary.value!;
    expect(asPieces).not.toBeCloseTo(asWhole, 6);
  });

  it('values a stretch where one coder applied two codes of a group with both codes', () => {
    expect(
      stretchesOf([
        [
          [0, 10],
          [12, 14],
        ],
        [[5, 20]],
      ]),
    ).toEqual([
      { start: 0, end: 5, value: '0' },
      { start: 5, end: 10, value: '0+1' },
      { start: 10, end: 12, value: '1' },
      { start: 12, end: 14, value: '0+1' },
      { start: 14, end: 20, value: '1' },
    ]);
  });

  it('agrees with a position-by-position computation on 300 random codings (1–3 documents, 2–4 coders, 1–3 codes)', () => {
    const random = rng(20190612);
    let compared = 0;
    for (let trial = 0; trial < 300; trial++) {
      const categories = 1 + Math.floor(random() * 3);
      const docs = randomDocs(random, categories);
      const expected = positionByPosition(docs);
      const actual = byIntervals(docs, categories);
      for (const key of ['uAlpha', 'uAlphaBinary', 'cuAlpha'] as const) {
        if (expected[key] === null) expect(actual[key], `${trial} ${key}`).toBeNull();
        else {
          expect(actual[key], `${trial} ${key}`).toBeCloseTo(expected[key], 9);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(600);
  });
});

describe('interval arithmetic', () => {
  it('merges overlapping and touching ranges of one coder', () => {
    expect(
      mergeIntervals([
        [5, 8],
        [0, 3],
        [3, 4],
        [6, 12],
        [20, 21],
      ]),
    ).toEqual([
      [0, 4],
      [5, 12],
      [20, 21],
    ]);
  });

  it('counts how many units k coders coded, as a per-unit count does', () => {
    const random = rng(7);
    for (let trial = 0; trial < 100; trial++) {
      const length = 1 + Math.floor(random() * 60);
      const coders = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        mergeIntervals(
          Array.from({ length: Math.floor(random() * 5) }, (): Interval => {
            const start = Math.floor(random() * length);
            return [start, start + 1 + Math.floor(random() * (length - start))];
          }).map(([s, e]): Interval => [s, Math.min(e, length)]),
        ),
      );
      const expected = new Array<number>(coders.length + 1).fill(0);
      for (let p = 0; p < length; p++) expected[coders.filter((c) => c.some(([s, e]) => s <= p && p < e)).length]!++;
      expect(coverageHistogram(coders, length)).toEqual(expected);
    }
  });

  it('maps coded code points to the paragraphs they touch, and none for a passage on the line break only', () => {
    const paragraphs: Interval[] = [
      [0, 10],
      [11, 20],
      [21, 30],
    ];
    expect(paragraphUnits([[9, 12]], paragraphs)).toEqual([[0, 2]]);
    expect(paragraphUnits([[10, 11]], paragraphs)).toEqual([]);
    expect(
      paragraphUnits(
        [
          [0, 1],
          [25, 26],
        ],
        paragraphs,
      ),
    ).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
