// Levels of the theme tree, for counting themes rolled up to a chosen depth ("top-level themes").
//
// Levels count down from the top of the codebook and skip grouping codes that cannot be coded
// themselves: under a non-codable "Themes", its children are level 1 and theirs level 2. A code's level
// is the number of codable codes on its path, itself included; a grouping code with no codable code
// above it (such as "Themes") has level 0 and rolls up into nothing but itself.

export interface TreeCode {
  id: number;
  parentId: number | null;
  codable: boolean;
}

/** Each code's codable ancestors-or-self, from the top down. */
function codableChains(codes: Map<number, TreeCode>): Map<number, number[]> {
  const chains = new Map<number, number[]>();
  const chainOf = (id: number): number[] => {
    const known = chains.get(id);
    if (known) return known;
    const code = codes.get(id)!;
    const above = code.parentId === null || !codes.has(code.parentId) ? [] : chainOf(code.parentId);
    const chain = code.codable ? [...above, id] : above;
    chains.set(id, chain);
    return chain;
  };
  for (const id of codes.keys()) chainOf(id);
  return chains;
}

/** The level of every code (0 for grouping codes with no codable code above them). */
export function levelsOf(codes: Map<number, TreeCode>): Map<number, number> {
  return new Map([...codableChains(codes)].map(([id, chain]) => [id, chain.length]));
}

/**
 * Themes rolled up to `level`: each theme counted goes to its ancestor-or-self at that level (a theme
 * above that level stays itself). Returns every theme it counts in, with the themes counted for it.
 */
export function rollUp(codes: Map<number, TreeCode>, themes: number[], level: number): Map<number, number[]> {
  const chains = codableChains(codes);
  const groups = new Map<number, number[]>();
  for (const theme of themes) {
    const chain = chains.get(theme) ?? [];
    const target = chain.length === 0 ? theme : chain[Math.min(level, chain.length) - 1]!;
    groups.set(target, [...(groups.get(target) ?? []), theme]);
  }
  return groups;
}
