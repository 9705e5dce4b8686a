// How a reliability coefficient reads against Krippendorff's usual cut-offs: at least 0.8 to rely on a
// variable, 0.667 to draw tentative conclusions, below that not to rely on it.

export type Band = 'reliable' | 'tentative' | 'unreliable' | 'undefined';

export const RELIABLE = 0.8;
export const TENTATIVE = 0.667;

export function bandOf(value: number | null | undefined): Band {
  if (value === null || value === undefined) return 'undefined';
  return value >= RELIABLE ? 'reliable' : value >= TENTATIVE ? 'tentative' : 'unreliable';
}

/** Three decimals, as reports print them; the unrounded value goes into the cell's title. */
export const formatCoefficient = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'undefined' : value.toFixed(3);
