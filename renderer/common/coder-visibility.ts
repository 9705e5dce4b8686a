// Which coders' codings are shown. Blind double coding needs "only mine" everywhere: the transcript paints
// only the current coder's codings, and the codebook counts, documents list, matrix and code details count
// only theirs, until they choose to show all coders (or open the comparison).
import { createContext, useContext } from 'react';

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

export interface CoderView {
  visibility: Visibility;
  setVisibility: (visibility: Visibility) => void;
  /** The coder whose work alone every view shows while "only mine" is on; null otherwise. */
  blind: { id: number; name: string } | null;
}

const CoderViewContext = createContext<CoderView>({ visibility: { mode: 'all', chosen: [] }, setVisibility: () => {}, blind: null });

/** Held by the workspace, so that the transcript's "Only mine" reaches every view. */
export const CoderViewProvider = CoderViewContext.Provider;
export const useCoderView = (): CoderView => useContext(CoderViewContext);

/** A query's coder filter while blind: only the blind coder's work. */
export const blindFilter = (blind: CoderView['blind']): { coderId?: number } => (blind ? { coderId: blind.id } : {});
