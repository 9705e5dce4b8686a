import type { Page } from '@playwright/test';

export interface PaintedLane {
  lane: number;
  /** Screen point in the middle of the bar, to hover or click. */
  x: number;
  y: number;
  /** The bar's colour as #rrggbb. */
  color: string;
}

/** The coding stripes drawn in the margin at a screen height, read from the canvas pixels, lane by lane. */
export function stripesAt(page: Page, y: number): Promise<PaintedLane[]> {
  return page.evaluate((clientY) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.stripe-canvas');
    if (!canvas) return [];
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width || 1;
    const ctx = canvas.getContext('2d')!;
    const lanes: { lane: number; x: number; y: number; color: string }[] = [];
    for (let lane = 0; lane * 16 < box.width; lane++) {
      // The middle of a bar: 5 px wide from the lane's left edge.
      const [r, g, b, a] = ctx.getImageData(Math.round((lane * 16 + 2.5) * ratio), Math.round((clientY - box.top) * ratio), 1, 1).data;
      if (a! < 200) continue;
      const hex = (n: number) => n.toString(16).padStart(2, '0');
      lanes.push({ lane, x: box.left + lane * 16 + 2.5, y: clientY, color: `#${hex(r!)}${hex(g!)}${hex(b!)}` });
    }
    return lanes;
  }, y);
}
