// "Keep it proven" (issue 13): any bytes given to the text readers give a document or a plain refusal
// naming the file, never a crash (an error the reader did not mean) or a hang. fast-check is not
// installed, so inputs come from a small seeded generator: a failure prints its seed to replay it.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import { readTranscript } from '../../../electron/services/import/read';
import { codePointLength, sliceCodePoints } from '../../../shared/offsets';

/** mulberry32: a tiny deterministic PRNG, good enough to vary test inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encode = (s: string) => [...new TextEncoder().encode(s)];
// Pieces that reach the readers' special cases: BOMs, caption syntax, Markdown marks, labels, broken UTF-8.
const PIECES: number[][] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xed, 0xa0, 0x80],
  [0xc3],
  [0x00],
  [0x80],
  ...[
    'WEBVTT\n\n',
    '00:00:01.000 --> 00:00:02.500\n',
    '1\n00:00:01,000 --> 00:00:02,000\n',
    '<v Ann>',
    '</v>',
    'NOTE x\n',
    '# ',
    '**',
    '_',
    '[',
    '](x)',
    '> ',
    '- ',
    '1. ',
    '```\n',
    'Interviewer: ',
    'R1: ',
    '[00:01:02] DCS: ',
    '😀',
    'é',
    '\r\n',
    '\n',
    '\n\n',
    ' ',
    '\t',
    'word',
    '&amp;',
    '<b>',
  ].map(encode),
];

function bytesFrom(next: () => number): Uint8Array {
  const out: number[] = [];
  const pieces = Math.floor(next() * 40);
  for (let i = 0; i < pieces; i++) {
    if (next() < 0.2) out.push(Math.floor(next() * 256));
    else out.push(...PIECES[Math.floor(next() * PIECES.length)]!);
  }
  return new Uint8Array(out);
}

describe('the text readers on arbitrary bytes', () => {
  for (const ext of ['txt', 'vtt', 'srt', 'md']) {
    it(`.${ext}: 300 generated files each give a consistent document or a refusal naming the file, within 1 s`, async () => {
      let documents = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const body = bytesFrom(random(seed * 7919 + ext.length));
        // A WebVTT file must start with its header: give half of them one, so cues get parsed too.
        const bytes = ext === 'vtt' && seed % 2 ? new Uint8Array([...encode('WEBVTT\n\n'), ...body]) : body;
        const name = `case ${seed}.${ext}`;
        const started = performance.now();
        try {
          const { transcript } = await readTranscript({ name, data: Buffer.from(bytes).toString('base64') });
          const lines = transcript.text.split('\n');
          expect(transcript.paragraphs.length, `seed ${seed}`).toBe(lines.length);
          transcript.paragraphs.forEach((p, i) => {
            expect(sliceCodePoints(transcript.text, p.start, p.end), `seed ${seed}`).toBe(lines[i]);
            expect(p.bodyStart >= p.start && p.bodyStart <= p.end, `seed ${seed}`).toBe(true);
          });
          expect(transcript.paragraphs.at(-1)!.end, `seed ${seed}`).toBe(codePointLength(transcript.text));
          documents++;
        } catch (error) {
          // A refusal the reader meant is a DataError naming the file; anything wrapped as "could not be read" was a crash.
          expect(error, `seed ${seed}`).toBeInstanceOf(DataError);
          expect((error as Error).message, `seed ${seed}`).toMatch(new RegExp(`^"case ${seed}\\.${ext}" `));
          expect((error as Error).message, `seed ${seed}`).not.toMatch(/could not be read:/);
        }
        expect(performance.now() - started, `seed ${seed}`).toBeLessThan(1000);
      }
      // The generator must reach both outcomes, or the property says little.
      expect(documents).toBeGreaterThan(3);
      expect(documents).toBeLessThan(300);
    });
  }
});
