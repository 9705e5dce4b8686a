import { describe, expect, it } from 'vitest';
import { offsetAfter, paragraphEdit, spliceRuns, type TextVersion } from '../../../renderer/transcript/paragraph-edit';

/** Paragraphs "A: …" (a label of 3 code points) over `lines`, numbered from 1. */
function version(lines: string[], formatting?: TextVersion['formatting']): TextVersion {
  let at = 0;
  const paragraphs = lines.map((line, i) => {
    const start = at;
    at += [...line].length + 1;
    return { n: i + 1, start, end: start + [...line].length, bodyStart: start + 3, speaker: 'A', timeMs: null };
  });
  return { text: lines.join('\n'), paragraphs, formatting };
}

const before = version(['A: one two', 'A: a 😀 word here', 'A: three']);

describe('a text edit inside one paragraph', () => {
  it('finds the paragraph and the replaced code points, past an emoji (surrogate pair)', () => {
    const after = version(['A: one two', 'A: a 😀 fixed 🎉 here', 'A: three']);
    // "word" (code points 18–22: the second line starts at 11, "A: a 😀 " is 7 code points) became "fixed 🎉".
    expect(paragraphEdit(before, after)).toEqual({ index: 1, line: 'A: a 😀 fixed 🎉 here', start: 18, end: 22, length: 7 });
  });

  it('is not one when turns change: a split, a join, a relabelled turn, two paragraphs edited', () => {
    expect(paragraphEdit(before, version(['A: one two', 'A: a 😀', 'A: word here', 'A: three']))).toBeNull();
    expect(paragraphEdit(before, version(['A: one two A: a 😀 word here', 'A: three']))).toBeNull();
    const relabelled = version(['A: one two', 'A: a 😀 word here', 'A: three']);
    relabelled.paragraphs[1] = { ...relabelled.paragraphs[1]!, speaker: 'B' };
    expect(paragraphEdit(before, relabelled)).toBeNull();
    expect(paragraphEdit(before, version(['A: one too', 'A: a 😀 word here', 'A: tree']))).toBeNull();
    expect(paragraphEdit(before, before)).toBeNull();
  });

  it('needs the formatting elsewhere unchanged (moved along after the edit); the edited paragraph may change its own', () => {
    const bold = (ranges: [number, number][]) => ({ headings: [], bold: ranges, italic: [] });
    const from = version(
      ['A: one two', 'A: a 😀 word here', 'A: three'],
      bold([
        [3, 6],
        [14, 15],
        [32, 37],
      ]),
    );
    // "word" → "words": the bold after it moves by one, the bold inside the paragraph is its own affair.
    const to = version(
      ['A: one two', 'A: a 😀 words here', 'A: three'],
      bold([
        [3, 6],
        [14, 16],
        [33, 38],
      ]),
    );
    expect(paragraphEdit(from, to)?.index).toBe(1);
    const unbolded = version(
      ['A: one two', 'A: a 😀 words here', 'A: three'],
      bold([
        [3, 6],
        [14, 16],
      ]),
    );
    expect(paragraphEdit(from, unbolded)).toBeNull();
  });
});

describe('offsets through the edit', () => {
  const edit = { index: 1, line: '', start: 18, end: 22, length: 7 };
  it('keeps an offset before, moves one after, and puts one inside at the end of the new words', () => {
    expect(offsetAfter(edit, 18)).toBe(18);
    expect(offsetAfter(edit, 20)).toBe(25);
    expect(offsetAfter(edit, 22)).toBe(25);
    expect(offsetAfter(edit, 30)).toBe(33);
  });

  it('swaps the runs of the paragraph and moves the later ones, leaving the earlier ones as they were', () => {
    const runs = [
      { start: 0, end: 3, key: 'a' },
      { start: 3, end: 10, key: 'b' },
      { start: 11, end: 14, key: 'c' },
      { start: 14, end: 27, key: 'd' },
      { start: 28, end: 31, key: 'e' },
    ];
    const spliced = spliceRuns(
      runs,
      11,
      27,
      [
        { start: 11, end: 14, key: 'f' },
        { start: 14, end: 30, key: 'g' },
      ],
      3,
    );
    expect(spliced).toEqual([
      runs[0],
      runs[1],
      { start: 11, end: 14, key: 'f' },
      { start: 14, end: 30, key: 'g' },
      { start: 31, end: 34, key: 'e' },
    ]);
    expect(spliced[0]).toBe(runs[0]);
    // An empty paragraph had no runs: the new ones go in before the later ones.
    expect(spliceRuns(runs, 10, 10, [{ start: 10, end: 11, key: 'h' }], 1).map((r) => r.key)).toEqual(['a', 'b', 'h', 'c', 'd', 'e']);
  });
});
