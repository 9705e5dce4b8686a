// State that belongs to one mounted document (its painted window, stripes, selection, popover): it
// reads as its initial value as soon as another mount replaces that document, in the same render, so
// nothing paints or measures the new document with the old one's values and no effect has to reset it.
import { useCallback, useState } from 'react';

type Update<T> = T | ((old: T) => T);

/** `initial` must keep its identity from render to render (a constant). */
export function useMountState<T>(owner: object | null, initial: T): [T, (next: Update<T>) => void] {
  const [state, setState] = useState({ owner, value: initial });
  const set = useCallback(
    (next: Update<T>) =>
      setState((old) => {
        const base = old.owner === owner ? old.value : initial;
        const value = next instanceof Function ? next(base) : next;
        // The same value for the same mount: React bails out, no render.
        return old.owner === owner && value === old.value ? old : { owner, value };
      }),
    [owner, initial],
  );
  return [state.owner === owner ? state.value : initial, set];
}
