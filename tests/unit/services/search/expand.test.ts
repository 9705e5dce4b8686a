import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../../db/queries/documents';
import { expandHit, sentences, turnOf } from '../../../../electron/services/search/expand';

const split = (text: string) => {
  const cps = [...text];
  return sentences(cps, 0, cps.length).map(([s, e]) => cps.slice(s, e).join(''));
};

describe('sentences', () => {
  it('end where a reader says they do, not after titles, initials or "e.g."', () => {
    expect(split('Dr. Smith agreed. We met Mr. J. Jones, e.g. at the board; i.e. twice! Then? "Done." 😀 Next')).toEqual([
      'Dr. Smith agreed.',
      'We met Mr. J. Jones, e.g. at the board; i.e. twice!',
      'Then?',
      '"Done."',
      '😀 Next',
    ]);
  });

  it('read on after a full stop followed by a lower-case word, and end at "etc." before a capital', () => {
    expect(split('It was approx. five. We used forms etc. Nobody minded.')).toEqual([
      'It was approx. five.',
      'We used forms etc.',
      'Nobody minded.',
    ]);
  });
});

const para = (n: number, start: number, bodyStart: number, end: number, speaker: string | null): Paragraph => ({
  n,
  start,
  bodyStart,
  end,
  speaker,
  timeMs: null,
});

describe('expandHit', () => {
  // "DCS: One. Two e.g. three." / "More." (an unlabelled continuation) / "Head: No."
  const text = 'DCS: One. Two e.g. three.\nMore.\nHead: No.';
  const cps = [...text];
  const paragraphs = [para(1, 0, 5, 25, 'DCS'), para(2, 26, 26, 31, 'DCS'), para(3, 32, 38, 41, 'Head')];
  const grow = (index: number, start: number, end: number, how: Parameters<typeof expandHit>[5]) =>
    cps.slice(...expandHit(cps, paragraphs, index, start, end, how)).join('');

  it('grows a hit to its word, sentence, paragraph body or turn', () => {
    const tw = text.indexOf('Two');
    expect(grow(0, tw + 1, tw + 2, 'word')).toBe('Two');
    expect(grow(0, tw, tw + 3, 'sentence')).toBe('Two e.g. three.');
    expect(grow(0, 5, 8, 'sentence')).toBe('One.');
    expect(grow(0, tw, tw + 3, 'paragraph')).toBe('One. Two e.g. three.');
    expect(grow(0, tw, tw + 3, 'turn')).toBe('One. Two e.g. three.\nMore.');
    expect(grow(1, 26, 30, 'turn')).toBe('One. Two e.g. three.\nMore.');
    expect(grow(2, 38, 40, 'turn')).toBe('No.');
    expect(grow(0, 5, 8, 'hit')).toBe('One');
  });

  it('finds a turn only through paragraphs without a label of their own', () => {
    expect(turnOf(paragraphs, 2)).toEqual([38, 41]);
  });
});
