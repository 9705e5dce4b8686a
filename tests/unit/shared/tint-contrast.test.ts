// Text over one, two and three overlapping code tints keeps WCAG 2.1's 4.5:1 (1.4.3) in the light and the
// dark theme. The colours come from shared/palette (code colours, tint opacity) and renderer/common/base.css
// (the transcript's background and text in each theme); the ratio is WCAG's: (L1 + 0.05) / (L2 + 0.05),
// L the relative luminance of sRGB (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE, TINT_ALPHA } from '../../../shared/palette';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const luminance = ([r, g, b]: Rgb) => {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** Tints painted one over another on the background (source-over), as the highlights are. */
const over = (background: Rgb, tints: string[]): Rgb =>
  tints.reduce<Rgb>((under, hex) => rgb(hex).map((c, i) => c * TINT_ALPHA + under[i]! * (1 - TINT_ALPHA)) as Rgb, background);

/** The theme's custom properties, read from the stylesheet itself: `:root` and the dark `@media` block. */
function themes(): Record<'light' | 'dark', { bg: Rgb; text: Rgb }> {
  const css = readFileSync('renderer/common/base.css', 'utf8');
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (block: string, name: string) => rgb(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(block)![1]!);
  const light = css.slice(0, darkAt);
  const dark = css.slice(darkAt);
  return {
    light: { bg: read(light, 'bg'), text: read(light, 'text') },
    dark: { bg: read(dark, 'bg'), text: read(dark, 'text') },
  };
}

/** Every choice of k colours of the palette (a passage coded with k codes at once). */
function choices(k: number, from = 0): string[][] {
  if (k === 0) return [[]];
  return PALETTE.slice(from).flatMap((c, i) => choices(k - 1, from + i + 1).map((rest) => [c, ...rest]));
}

/** Every order of a few colours. */
const orders = (list: string[]): string[][] =>
  list.length <= 1 ? [list] : list.flatMap((c, i) => orders([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [c, ...rest]));

describe('text over code tints', () => {
  for (const [theme, { bg, text }] of Object.entries(themes())) {
    it(`keeps 4.5:1 over one, two and three overlapping tints (${theme} theme)`, () => {
      // 20 + 190 + 1140 combinations.
      for (const k of [1, 2, 3]) {
        const combos = choices(k);
        expect(combos).toHaveLength(k === 1 ? 20 : k === 2 ? 190 : 1140);
        // Highlights stack in either order: the worst order counts.
        const worst = Math.min(...combos.flatMap((tints) => orders(tints).map((order) => contrast(text, over(bg, order)))));
        expect(worst, `${theme}, ${k} tint(s)`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('the formula gives WCAG’s known extremes', () => {
    // Black on white is 21:1 by definition; a colour against itself 1:1.
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    expect(contrast(rgb('#4E79A7'), rgb('#4E79A7'))).toBe(1);
  });
});
