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

/** "1,234 ms (CPU 1,100 ms)". */
export const withCpu = (t: { ms: number; cpuMs: number }): string => `${fmt(t.ms)} ms (CPU ${fmt(t.cpuMs)} ms)`;

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
