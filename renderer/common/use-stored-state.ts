import { useCallback, useEffect, useState } from 'react';

function read<T>(key: string, initial: T): T {
  try {
    const stored = localStorage.getItem(`trellis.${key}`);
    return stored === null ? initial : (JSON.parse(stored) as T);
  } catch {
    return initial;
  }
}

/**
 * State remembered across launches (pane sizes, view choices) in localStorage. A key that changes (another
 * project's) reads that key's value afresh, so one project's layout never carries over to the next.
 */
export function useStoredState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [state, setState] = useState<{ key: string; value: T }>(() => ({ key, value: read(key, initial) }));
  const current = state.key === key ? state : { key, value: read(key, initial) };
  if (current !== state) setState(current);
  useEffect(() => localStorage.setItem(`trellis.${current.key}`, JSON.stringify(current.value)), [current.key, current.value]);
  const set = useCallback((value: T) => setState({ key, value }), [key]);
  return [current.value, set];
}
