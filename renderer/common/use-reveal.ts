import { useEffect, useRef } from 'react';

/** A ref for a panel that scrolls itself into view when it opens (it often opens below the fold). */
export function useReveal<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return ref;
}
