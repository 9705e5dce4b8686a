// The co-occurrence rule in words, shared by the matrix's help, its DOCX export and the README.
// No Node, Electron or DOM imports: the renderer imports this too.

export const THEME_RULE = 'Themes are the codes outside every framework (not the framework’s own cell or layer codes).';

export const COOCCURRENCE_RULES = {
  overlap:
    'A cell’s segments are those carrying the cell’s code (with a layer chosen, also that layer’s code). A theme belongs to the cell when one of those segments carries it, or overlaps a segment by the same coder in the same document that carries it; its count is the number of the cell’s segments for which that holds. Segments that only touch (one ends where the other starts) do not overlap.',
  'same-segment':
    'A cell’s segments are those carrying the cell’s code (with a layer chosen, also that layer’s code). A theme belongs to the cell when one of those segments carries the theme itself; its count is the number of the cell’s segments that do.',
} as const;

export const MODE_LABELS = { overlap: 'Overlapping segments', 'same-segment': 'Same segment only' } as const;
