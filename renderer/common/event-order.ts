// The order in which views reload after an API event. The browser host allows a page only a few
// connections at once, so the reloads an event starts are answered about in the order they leave: the
// view a person is watching change (the open matrix, while coding) goes first. Otherwise the order would
// be the order the views subscribed, and a view loaded on first use (the matrix, issue 15) subscribes last
// (bench: new coding → open matrix cell updated, p50 135–228 ms in mount order, 352–515 ms last).
import type { ApiEvent } from '../../shared/protocol';

type Listener = (event: ApiEvent) => void;

/** Fans one event subscription out to listeners, those added `first` before the others, each group in the order added. */
export function eventOrder(subscribe: (listener: Listener) => () => void) {
  const first = new Set<Listener>();
  const others = new Set<Listener>();
  let subscribed = false;
  return (listener: Listener, isFirst: boolean): (() => void) => {
    (isFirst ? first : others).add(listener);
    if (!subscribed) {
      subscribed = true;
      subscribe((event) => {
        first.forEach((l) => l(event));
        others.forEach((l) => l(event));
      });
    }
    return () => {
      first.delete(listener);
      others.delete(listener);
    };
  };
}
