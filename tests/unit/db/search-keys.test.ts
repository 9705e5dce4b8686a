import { describe, expect, it } from 'vitest';
import { documentKeysFrom, documentOfKey, keyBetween, spreadKey } from '../../../db/search-keys';

describe('search keys', () => {
  it('spread a document’s paragraphs evenly over its range of 2^32, in order, and tell the document back', () => {
    // 3 paragraphs: 2^32 / 4 apart, the first at 2^30 into document 7's range.
    const keys = [1, 2, 3].map((n) => spreadKey(7, n, 3));
    expect(keys.map((k) => k - documentKeysFrom(7))).toEqual([2 ** 30, 2 * 2 ** 30, 3 * 2 ** 30]);
    expect(keys.map(documentOfKey)).toEqual([7, 7, 7]);
    expect(spreadKey(7, 3, 3)).toBeLessThan(documentKeysFrom(8));
  });

  it('find a free key halfway between two, before the range’s end for the last turn, and none between neighbours', () => {
    const [a, b] = [spreadKey(7, 1, 3), spreadKey(7, 2, 3)];
    expect(keyBetween(7, a, b)).toBe(documentKeysFrom(7) + 1.5 * 2 ** 30);
    // After the last turn: halfway to the next document's first key, still in this document's range.
    const last = keyBetween(7, spreadKey(7, 3, 3), null)!;
    expect(last).toBe(documentKeysFrom(7) + 3.5 * 2 ** 30);
    expect(documentOfKey(last)).toBe(7);
    expect(keyBetween(7, a, a + 1)).toBeNull();
    expect(keyBetween(7, a, a + 2)).toBe(a + 1);
  });
});
