import { useEffect, useState } from 'react';

/** State remembered across launches (pane sizes, view choices) in localStorage. */
export function useStoredState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(`trellis.${key}`);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => localStorage.setItem(`trellis.${key}`, JSON.stringify(value)), [key, value]);
  return [value, setValue];
}
