import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../db/ids';

describe('sha256', () => {
  it('hashes the UTF-8 bytes of a text, as stored hashes were made', () => {
    for (const text of ['', 'Ça va 😀 naïve', 'a lone \ud800 surrogate']) {
      expect(sha256(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
