import { describe, expect, it } from 'vitest';
import { median, medianOf, percentile } from '../../../bench/report';

describe('bench percentile', () => {
  // Expected values: the nearest-rank definition, the ⌈p/100 · n⌉-th smallest sample.
  it('ranks samples given in the order they were taken, not by position', () => {
    const taken = [9, 1, 7, 3, 5, 10, 2, 8, 4, 6];
    expect(percentile(taken, 50)).toBe(5);
    expect(percentile(taken, 90)).toBe(9);
    expect(percentile(taken, 99)).toBe(10);
    expect(percentile(taken, 0)).toBe(1);
    expect(percentile(taken, 100)).toBe(10);
  });

  it('never puts a higher percentile below a lower one', () => {
    const samples = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 2003) / 10);
    expect(percentile(samples, 99)).toBeGreaterThanOrEqual(percentile(samples, 50));
    // 2,000 distinct values: the 99th percentile is the 1,980th smallest.
    expect(percentile(samples, 99)).toBe([...samples].sort((a, b) => a - b)[1979]);
  });

  it('leaves the caller’s samples in their order', () => {
    const taken = [3, 1, 2];
    percentile(taken, 50);
    expect(taken).toEqual([3, 1, 2]);
  });

  it('takes the middle sample as the median of an odd count', () => {
    expect(median([0.9, 0.2, 0.5, 0.1, 0.7])).toBe(0.5);
  });

  it('refuses an empty sample rather than answering undefined', () => {
    expect(() => percentile([], 50)).toThrow();
  });

  it('medianOf runs the warm-up once more than the timed runs', () => {
    let calls = 0;
    medianOf(() => calls++, 5);
    expect(calls).toBe(6);
    medianOf(() => calls++, 5, false);
    expect(calls).toBe(11);
  });
});
