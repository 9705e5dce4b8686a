// Views that the first paint does not need (matrix, comparison, excerpts, search, codebook details, the
// import dialog) are loaded on first use, each from its own chunk: one 570 kB bundle was parsed and
// compiled before anything showed (issue 15). This shows while such a view's chunk arrives.
import { Suspense, type ReactNode } from 'react';

export function Deferred({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="hint pad" role="status">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
