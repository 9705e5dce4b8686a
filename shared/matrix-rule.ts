// What the matrix says about itself, shared by its view, its exports and the README: the co-occurrence
// rule in words and the name of an exported file. No Node, Electron or DOM imports: the renderer uses it.

export const THEME_RULE = 'Themes are the codes outside every framework (not the framework’s own cell or layer codes).';

export const COOCCURRENCE_RULES = {
  overlap:
    'A cell’s segments are those carrying the cell’s code (with a layer chosen, also that layer’s code). A theme belongs to the cell when one of those segments carries it, or overlaps a segment by the same coder in the same document that carries it; its count is the number of the cell’s segments for which that holds. Segments that only touch (one ends where the other starts) do not overlap.',
  'same-segment':
    'A cell’s segments are those carrying the cell’s code (with a layer chosen, also that layer’s code). A theme belongs to the cell when one of those segments carries the theme itself; its count is the number of the cell’s segments that do.',
} as const;

export const MODE_LABELS = { overlap: 'Overlapping segments', 'same-segment': 'Same segment only' } as const;

/** An export's file name from its title (a matrix's, a codebook's), without characters file systems refuse. */
export const exportFileBase = (title: string, fallback = 'matrix'): string =>
  title
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim() || fallback;

/** How themes are counted, in a few words: every theme as itself, or rolled up to a level of the theme tree. */
export const themeLevelLabel = (level: number | null): string =>
  level === null ? 'Every theme' : level === 1 ? 'Top-level themes' : `Themes at level ${level}`;

/** The roll-up in a sentence, for exports and the help (empty when every theme counts as itself). */
export const themeLevelRule = (level: number | null): string =>
  level === null
    ? ''
    : `${themeLevelLabel(level)}: a theme counts a segment when the rule holds for it or for any code under it, once per segment. Levels count down from the top of the codebook, skipping grouping codes that cannot be coded.`;

/**
 * The summary view in a sentence, for a grid that shows only each cell's leading themes (empty when it
 * shows them all): an export in that view says so, and where to get every theme.
 */
export const themeLimitRule = (limit: number): string =>
  limit > 0
    ? `Summary view: each cell shows its ${limit === 1 ? 'most frequent theme' : `${limit} most frequent themes`}; “+ N more themes” counts those left out. Choose Themes per cell: All to export every theme.`
    : '';

/** The line standing for a cell's themes the summary view leaves out. */
export const moreThemes = (hidden: number): string => `+ ${hidden} more theme${hidden === 1 ? '' : 's'}`;
