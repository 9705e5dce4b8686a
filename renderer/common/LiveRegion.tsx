// The page's one polite live region: what changes out of sight (a coding stored, undone or refused, an
// import finished, the matrix updated) is said by a screen reader without moving the focus.
import { useEffect, useState } from 'react';
import { afterPaint } from './after-paint';

const listeners = new Set<(message: string) => void>();

/** Says a message through the live region (if one is on the page), once the change it tells of is painted. */
export function announce(message: string) {
  afterPaint(() => {
    for (const listener of listeners) listener(message);
  });
}

/** Rendered once, in the workspace. */
export function LiveRegion() {
  const [said, setSaid] = useState({ n: 0, message: '' });
  useEffect(() => {
    const listener = (message: string) => setSaid((s) => ({ n: s.n + 1, message }));
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  // A new node per message, so that the same words said twice are read twice.
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" aria-label="Announcements">
      <span key={said.n}>{said.message}</span>
    </div>
  );
}
