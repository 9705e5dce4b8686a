// Work a person does not see (screen-reader text, announcements) waits until the frame showing the change
// is painted, or until scrolling settles: any change to the page's elements makes Chrome rebuild every CSS
// highlight, so doing it in the same frame delays the coding the person is waiting to see.
import { useEffect, useState } from 'react';

/** Runs `work` once the next frame has been painted. */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/**
 * `value` once it has stopped changing for `quietMs`: text a screen reader reads (the stripes' equivalent)
 * is rewritten once after a coding or a scroll, not in every frame of it.
 */
export function useSettled<T>(value: T, quietMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), quietMs);
    return () => clearTimeout(timer);
  }, [value, quietMs]);
  return settled;
}
