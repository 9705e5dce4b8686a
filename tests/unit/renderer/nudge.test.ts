import { describe, expect, it } from 'vitest';
import { nudge } from '../../../renderer/transcript/selection';

const TEXT = 'DCS: The naïve plan 😀 worked – mostly. Schools';
/** The code-point offset where a piece starts, or ends with `after`. */
const at = (piece: string, after = false) => [...TEXT.slice(0, TEXT.indexOf(piece))].length + (after ? [...piece].length : 0);
const slice = (start: number, end: number) => [...TEXT].slice(start, end).join('');

describe('moving a coding boundary by a word', () => {
  it('moves a start to the start of the next or previous word, never onto a space', () => {
    expect(nudge(TEXT, at('The'), 1, 'word', 'start', true)).toBe(at('naïve'));
    expect(nudge(TEXT, at('naïve'), -1, 'word', 'start', true)).toBe(at('The'));
    // An emoji is a step of its own.
    expect(nudge(TEXT, at('worked'), -1, 'word', 'start', true)).toBe(at('😀'));
    expect(nudge(TEXT, at('plan'), 1, 'word', 'start', true)).toBe(at('😀'));
  });

  it('moves an end to the end of the next or previous word; snapping passes over punctuation', () => {
    expect(nudge(TEXT, at('plan', true), 1, 'word', 'end', true)).toBe(at('😀', true));
    expect(nudge(TEXT, at('mostly', true), 1, 'word', 'end', true)).toBe(at('Schools', true));
    expect(nudge(TEXT, at('Schools', true), -1, 'word', 'end', true)).toBe(at('mostly', true));
    // Without snapping, the full stop is a word of its own.
    expect(nudge(TEXT, at('mostly', true), 1, 'word', 'end', false)).toBe(at('mostly.', true));
  });

  it('never leaves a boundary on white space, wherever it starts', () => {
    const length = [...TEXT].length;
    for (let offset = 0; offset <= length; offset++) {
      for (const direction of [1, -1] as const) {
        const start = nudge(TEXT, offset, direction, 'word', 'start', true);
        const end = nudge(TEXT, offset, direction, 'word', 'end', true);
        if (start < length) expect(slice(start, start + 1)).not.toMatch(/\s/);
        if (end > 0) expect(slice(end - 1, end)).not.toMatch(/\s/);
      }
    }
  });

  it('moves by one code point with Ctrl, an emoji counting once', () => {
    expect(nudge(TEXT, at('😀'), 1, 'character', 'start', true)).toBe(at('😀') + 1);
  });
});
