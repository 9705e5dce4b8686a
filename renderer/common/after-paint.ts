// Work a person does not see (screen-reader text, announcements) waits until the frame that shows their
// change has been painted: any change to the page's elements makes Chrome rebuild every CSS highlight, so
// doing it in the same frame delays the coding the person is waiting to see.
import { useEffect, useState } from 'react';

/** Runs `work` once the next frame has been painted. */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** `value`, as it was when the last frame was painted: it follows `value` one frame late. */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let live = true;
    afterPaint(() => live && setShown(value));
    return () => {
      live = false;
    };
  }, [value]);
  return shown;
}
