// Tableau 20 reordered so that consecutive picks stay far apart: saturated hues first, then their
// light partners. Codes and coders get the first colour not yet used, cycling when all are taken.
export const PALETTE = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
  '#A0CBE8',
  '#FFBE7D',
  '#FF9D9A',
  '#86BCB6',
  '#8CD17D',
  '#F1CE63',
  '#D4A6C8',
  '#FABFD2',
  '#D7B5A6',
  '#79706E',
] as const;

/** The opacity of a code's tint over the transcript: low enough that text over three overlapping tints keeps 4.5:1 in both themes. */
export const TINT_ALPHA = 0.16;

/**
 * Colours for many new codes in turn (an imported codebook): each call returns the palette colour used
 * least so far, counting the colour it returns, or counts the colour given instead. One tally for the
 * whole run keeps an import of n codes linear rather than recounting every code per new one.
 */
export function colorPicker(used: Iterable<string>): (given?: string) => string {
  const counts = new Map<string, number>(PALETTE.map((c) => [c, 0]));
  const count = (c: string) => {
    if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
    return c;
  };
  for (const c of used) count(c);
  return (given) => {
    if (given !== undefined) return count(given);
    const fewest = Math.min(...counts.values());
    return count(PALETTE.find((c) => counts.get(c) === fewest)!);
  };
}

export const nextColor = (used: Iterable<string>): string => colorPicker(used)();

export const isHexColor = (value: string): boolean => /^#[0-9A-F]{6}$/.test(value);
