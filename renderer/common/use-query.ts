import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/api/methods';
import type { ApiEvent } from '../../shared/protocol';
import { bridge, call } from './api';
import { eventOrder } from './event-order';
import { sharedCalls } from './shared-calls';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
  /**
   * Shows `data` now (or what it makes of the data shown), as a change this page made will leave it (an
   * optimistic edit); `supersede` drops the answers of loads already in flight, which predate the change
   * (the change's own event reloads after it).
   */
  set: (data: T | ((shown: T | undefined) => T), supersede: boolean) => void;
}

const ask = sharedCalls(call as (method: string, args: unknown) => Promise<unknown>);
const onEvent = eventOrder((listener) => bridge.subscribe(listener));

/**
 * Calls an API query and calls it again when one of the given events arrives, keeping the previous
 * data on screen meanwhile (no flicker). `args` is compared by value. `first`: reloads before the other
 * views' queries after an event (see event-order).
 */
export function useQuery<M extends MethodName>(
  method: M,
  args: ArgsOf<M> | null,
  events: readonly ApiEvent[],
  { first = false }: { first?: boolean } = {},
): Query<ResultOf<M>> {
  const [data, setData] = useState<ResultOf<M>>();
  const [error, setError] = useState<Error>();
  const key = JSON.stringify(args);
  const latest = useRef(0);

  const load = useCallback(
    (join: boolean) => {
      if (key === 'null') return;
      const ticket = ++latest.current;
      ask<ResultOf<M>>(method, key, join).then(
        (result) => {
          if (ticket !== latest.current) return;
          setData(result);
          setError(undefined);
        },
        (e: Error) => ticket === latest.current && setError(e),
      );
    },
    [method, key],
  );
  const reload = useCallback(() => load(false), [load]);
  const set = useCallback((next: ResultOf<M> | ((shown: ResultOf<M> | undefined) => ResultOf<M>), supersede: boolean) => {
    if (supersede) latest.current++;
    setData(next);
  }, []);

  // The first load leaves as soon as the view is committed, before the browser paints it (not after, as a
  // passive effect would): at start-up the calls then overlap the first paint instead of following it.
  useLayoutEffect(() => load(true), [load]);
  const eventKey = events.join(',');
  useEffect(() => onEvent((event) => eventKey.split(',').includes(event) && reload(), first), [eventKey, reload, first]);
  return { data, error, reload, set };
}
