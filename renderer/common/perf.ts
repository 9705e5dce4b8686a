/** Named moments the benchmarks read back (performance.getEntriesByName); cheap enough to leave in. */
export const perfMark = (name: string): void => {
  performance.mark(`trellis:${name}`);
};
