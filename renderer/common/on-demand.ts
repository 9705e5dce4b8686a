// A view's module fetched on first use, for the views the workspace shows without a Suspense boundary: the
// transcript (with Lexical) and the matrix (see CentreArea). The first screen then needs only the document
// list's code (issue 15); once the module is there, the view renders as if it had been imported statically.
import { useEffect, useSyncExternalStore } from 'react';

export interface OnDemand<M> {
  /** Starts the fetch if it has not started (say, once the first screen is painted). */
  preload(): void;
  /** The module once loaded, an Error if it could not be, undefined before. */
  current(): M | Error | undefined;
  /** Calls `listener` when the module has arrived (or failed to); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The hook: `current()`, rendering again when it arrives; fetches the module when `needed`. */
  use(needed: boolean): M | Error | undefined;
}

export function onDemand<M>(load: () => Promise<M>): OnDemand<M> {
  let loaded: M | Error | undefined;
  let started = false;
  const listeners = new Set<() => void>();
  const settle = (value: M | Error) => {
    loaded = value;
    listeners.forEach((listener) => listener());
  };
  const preload = () => {
    if (started) return;
    started = true;
    load().then(settle, (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
  };
  const current = () => loaded;
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return {
    preload,
    current,
    subscribe,
    use(needed) {
      useEffect(() => {
        if (needed) preload();
      }, [needed]);
      return useSyncExternalStore(subscribe, current);
    },
  };
}
