import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../db/offsets';
import { parsePlainTranscript } from '../../../electron/services/transcript';

describe('parsePlainTranscript', () => {
  it('makes one paragraph per non-empty line, joined by a single newline', () => {
    const parsed = parsePlainTranscript('\uFEFFInterviewer: Hello.  \r\n\r\nDCS: Hi 😀 there.\rA closing line\n');
    expect(parsed.text).toBe('Interviewer: Hello.\nDCS: Hi 😀 there.\nA closing line');
    expect(parsed.paragraphs.map((p) => p.speaker)).toEqual(['Interviewer', 'DCS', null]);
    for (const [i, p] of parsed.paragraphs.entries()) {
      expect(sliceCodePoints(parsed.text, p.start, p.end)).toBe(parsed.text.split('\n')[i]);
    }
  });

  it('marks where the speech starts after the label, in code points', () => {
    const { text, paragraphs } = parsePlainTranscript('Interviewer: a\nDD: 😀😀 b');
    const second = paragraphs[1]!;
    expect(sliceCodePoints(text, second.start, second.bodyStart)).toBe('DD: ');
    expect(sliceCodePoints(text, second.bodyStart, second.end)).toBe('😀😀 b');
    expect(second.end - second.start).toBe(8);
  });

  it('does not take a sentence with a colon late in the line for a speaker', () => {
    const { paragraphs } = parsePlainTranscript('What I said to the board was this: no more pilots.');
    expect(paragraphs[0]!.speaker).toBeNull();
    expect(paragraphs[0]!.bodyStart).toBe(0);
  });
});
