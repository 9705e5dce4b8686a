// Which coders' codings are painted: blind double coding needs "mine only".

export interface Visibility {
  mode: 'all' | 'mine' | 'chosen';
  chosen: number[];
}

export const showsCoder = (visibility: Visibility, currentCoderId: number | null, coderId: number): boolean =>
  visibility.mode === 'all' || (visibility.mode === 'mine' ? coderId === currentCoderId : visibility.chosen.includes(coderId));

/** The visibility after one coder's chip is pressed: that coder in or out, starting from what is shown now. */
export function toggleCoder(visibility: Visibility, coderIds: number[], currentCoderId: number | null, id: number): Visibility {
  const base = visibility.mode === 'chosen' ? visibility.chosen : visibility.mode === 'mine' ? [currentCoderId ?? -1] : coderIds;
  const chosen = base.includes(id) ? base.filter((x) => x !== id) : [...base, id];
  return { mode: chosen.length === coderIds.length ? 'all' : 'chosen', chosen };
}
