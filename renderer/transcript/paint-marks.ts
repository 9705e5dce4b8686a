import { perfMark } from '../common/perf';

/** Marks a moment once the frame showing it has been painted (the viewer benchmark reads these). */
export const markWhenPainted = (name: string): void => {
  requestAnimationFrame(() => setTimeout(() => perfMark(name), 0));
};
