export interface Row {
  name: string;
  size: string;
  figure: string;
  target: string;
}

/** Wall-clock and CPU time (this process, user + system) of fn: beside other work on the machine, CPU time is the steadier figure. */
export function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * The nearest-rank p-th percentile of samples in any order: it sorts a copy, so that a caller passing
 * samples in the order they were taken (as the project suite once did, printing p99 below p50) still
 * gets a percentile, and the caller's array keeps its order.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** The median of several runs of fn, after one warm-up run when asked (a view recomputes it again and again). */
export function medianOf(fn: () => unknown, runs: number, warmUp = true): number {
  if (warmUp) fn();
  return median(Array.from({ length: runs }, () => time(fn).ms));
}

/** "1,234 ms (CPU 1,100 ms)". */
export const withCpu = (t: { ms: number; cpuMs: number }): string => `${fmt(t.ms)} ms (CPU ${fmt(t.cpuMs)} ms)`;

export const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

/** How many times the limit a figure is, for rows that print their limit beside them. */
export const ratio = (ms: number, limit: number): string => `${(ms / limit).toFixed(2)}×`;
