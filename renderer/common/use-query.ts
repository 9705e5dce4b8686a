import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/api/methods';
import type { ApiEvent } from '../../shared/protocol';
import { bridge, call } from './api';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/**
 * Calls an API query and calls it again when one of the given events arrives, keeping the previous
 * data on screen meanwhile (no flicker). `args` is compared by value.
 */
export function useQuery<M extends MethodName>(method: M, args: ArgsOf<M> | null, events: readonly ApiEvent[]): Query<ResultOf<M>> {
  const [data, setData] = useState<ResultOf<M>>();
  const [error, setError] = useState<Error>();
  const key = JSON.stringify(args);
  const latest = useRef(0);

  const reload = useCallback(() => {
    if (key === 'null') return;
    const ticket = ++latest.current;
    call(method, JSON.parse(key) as ArgsOf<M>).then(
      (result) => {
        if (ticket !== latest.current) return;
        setData(result);
        setError(undefined);
      },
      (e: Error) => ticket === latest.current && setError(e),
    );
  }, [method, key]);

  useEffect(reload, [reload]);
  const eventKey = events.join(',');
  useEffect(() => bridge.subscribe((event) => eventKey.split(',').includes(event) && reload()), [eventKey, reload]);
  return { data, error, reload };
}
