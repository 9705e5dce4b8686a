// Views that the first paint does not need (comparison, excerpts, search, codebook details, the dialogs)
// are loaded on first use, each from its own chunk: one 570 kB bundle was parsed and compiled before
// anything showed (issue 15). This shows while such a view's chunk arrives. The transcript and the matrix
// load the same way without a Suspense boundary (common/on-demand.ts).
import { Suspense, type ReactNode } from 'react';

/** `quiet`: nothing in the meantime, for a dialog, where a placeholder in the page would only shift it for a moment. */
export function Deferred({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  return <Suspense fallback={quiet ? null : <Loading />}>{children}</Suspense>;
}

/** Says that a view is on its way, or why it could not be loaded. */
export function Loading({ error }: { error?: Error }) {
  return error ? (
    <p className="hint pad" role="alert">
      This view could not be loaded: {error.message}
    </p>
  ) : (
    <p className="hint pad" role="status">
      Loading…
    </p>
  );
}
