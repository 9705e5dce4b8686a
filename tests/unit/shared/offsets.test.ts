import { describe, expect, it } from 'vitest';
import { codePointCursor, codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '../../../shared/offsets';

const text = 'Café 😀 naïve — 𝒳 end';

describe('code-point offsets', () => {
  it('counts astral characters once', () => {
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength(text)).toBe([...text].length);
  });

  it('converts both ways for every position', () => {
    const points = [...text];
    for (let cp = 0; cp <= points.length; cp++) {
      const utf16 = points.slice(0, cp).join('').length;
      expect(codePointToUtf16(text, cp)).toBe(utf16);
      expect(utf16ToCodePoint(text, utf16)).toBe(cp);
    }
  });

  it('slices by code points', () => {
    const points = [...text];
    expect(sliceCodePoints(text, 5, 8)).toBe(points.slice(5, 8).join(''));
    expect(sliceCodePoints(text, 5, 6)).toBe('😀');
  });
});

describe('codePointCursor', () => {
  it('gives the same UTF-16 index as codePointToUtf16 for offsets that never decrease, emoji included', () => {
    const text = 'a😀b👍🏽 café 😀😀 end';
    const at = codePointCursor(text);
    const offsets = [0, 1, 1, 2, 3, 5, 9, 12, 13, 17, 40];
    expect(offsets.map((o) => at(o))).toEqual(offsets.map((o) => codePointToUtf16(text, o)));
  });
});
