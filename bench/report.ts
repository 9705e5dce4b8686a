export interface Row {
  name: string;
  size: string;
  figure: string;
  target: string;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
