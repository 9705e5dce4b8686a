// First loads in flight, by method and arguments: views that mount together and ask the same share one call
// (the workspace's first frame asks for the codebook and the coders twice each; in a browser, six connections
// per host are all there is for the start-up calls). A call that must not join (a reload after an event)
// starts afresh: what is in flight may predate the change; later joiners then share the fresh one. Reloads
// asked in the same task (the views following one event, told together) share one call: it starts after the
// change each of them follows. Reloads for another event, even one the same change sent, ask again: the page
// cannot tell that change from a later one.

export type Ask = <T>(method: string, key: string, join: boolean) => Promise<T>;

/** `call(method, args)` with sharing: `key` is the JSON of the arguments. */
export function sharedCalls(call: (method: string, args: unknown) => Promise<unknown>): Ask {
  const inFlight = new Map<string, Promise<unknown>>();
  /** The reloads started in the current task. */
  const reloadedNow = new Set<string>();
  return <T>(method: string, key: string, join: boolean): Promise<T> => {
    const id = `${method} ${key}`;
    const pending = join || reloadedNow.has(id) ? inFlight.get(id) : undefined;
    if (pending) return pending as Promise<T>;
    const asked = call(method, JSON.parse(key));
    inFlight.set(id, asked);
    if (!join) {
      if (reloadedNow.size === 0) queueMicrotask(() => reloadedNow.clear());
      reloadedNow.add(id);
    }
    const done = () => void (inFlight.get(id) === asked && inFlight.delete(id));
    asked.then(done, done);
    return asked as Promise<T>;
  };
}
