// "Keep it proven" (issue 13): any bytes given to the readers give a document or a plain refusal naming
// the file, never a crash (an error the reader did not mean) or a hang. Inputs come from fast-check, which
// shrinks a failure to a small case and prints its seed to replay it. A hang ends in the test's timeout;
// the run counts keep the whole file to seconds.
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import { FileProblem } from '../../../electron/services/import/file-problem';
import { readTranscript } from '../../../electron/services/import/read';
import { readBoundedZip } from '../../../electron/services/zip';
import { codePointLength, sliceCodePoints } from '../../../shared/offsets';

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

/** Up to 40 pieces: the readers' special cases above, mixed with arbitrary bytes. */
const textBytes = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4 }).map((b) => [...b]) },
    ),
    {
      maxLength: 40,
    },
  )
  .map((parts) => new Uint8Array(parts.flat()));

/**
 * Reads `bytes` as the file `name`: either a document whose paragraphs tile its text exactly, or a refusal
 * the reader meant (a DataError starting with the file's name). "could not be read:" is how an error the
 * reader did not expect is wrapped: that is a crash. Returns whether it was a document.
 */
async function documentOrRefusal(name: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const { transcript } = await readTranscript({ name, data: Buffer.from(bytes).toString('base64') });
    const lines = transcript.text.split('\n');
    expect(transcript.paragraphs.length).toBe(lines.length);
    transcript.paragraphs.forEach((p, i) => {
      expect(sliceCodePoints(transcript.text, p.start, p.end)).toBe(lines[i]);
      expect(p.bodyStart >= p.start && p.bodyStart <= p.end).toBe(true);
    });
    expect(transcript.paragraphs.at(-1)!.end).toBe(codePointLength(transcript.text));
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message.startsWith(`"${name}" `), (error as Error).message).toBe(true);
    expect((error as Error).message).not.toMatch(/could not be read:/);
    return false;
  }
}

describe('the text readers on arbitrary bytes', () => {
  for (const ext of ['txt', 'vtt', 'srt', 'md']) {
    it(`.${ext}: 300 generated files each give a consistent document or a refusal naming the file`, async () => {
      let documents = 0;
      await fc.assert(
        fc.asyncProperty(textBytes, fc.boolean(), async (body, header) => {
          // A WebVTT file must start with its header: give half of them one, so cues get parsed too.
          const bytes = ext === 'vtt' && header ? new Uint8Array([...encode('WEBVTT\n\n'), ...body]) : body;
          if (await documentOrRefusal(`case.${ext}`, bytes)) documents++;
        }),
        { numRuns: 300, seed: 13 + ext.length },
      );
      // The generator must reach both outcomes, or the property says little.
      expect(documents).toBeGreaterThan(3);
      expect(documents).toBeLessThan(300);
    });
  }
});

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Bytes of `base` with up to 8 bytes overwritten and perhaps cut short: damage of every kind. */
const damaged = (base: Uint8Array) =>
  fc
    .record({
      writes: fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.nat({ max: base.length }), { freq: 3 }),
    })
    .map(({ writes, cut }) => {
      const bytes = base.slice(0, cut ?? base.length);
      for (const [at, value] of writes) if (at < bytes.length) bytes[at] = value;
      return bytes;
    });

/** The archive with one entry's text changed: characters inserted or removed, so the XML inside breaks. */
const withBrokenEntry = (base: Uint8Array, entry: string) => {
  const files = unzipSync(base);
  const xml = Buffer.from(files[entry]!).toString('utf8');
  return fc
    .record({
      at: fc.nat({ max: xml.length }),
      remove: fc.nat({ max: 40 }),
      insert: fc.constantFrom('<', '>', '&', '"', '</w:p>', '<w:p>', '<!DOCTYPE x [<!ENTITY e "e">]>', '\u0000', '😀', ''),
    })
    .map(({ at, remove, insert }) => zipSync({ ...files, [entry]: strToU8(xml.slice(0, at) + insert + xml.slice(at + remove)) }));
};

describe('the bounded ZIP reader on damaged archives', () => {
  it('any damage to a real archive gives its entries or a FileProblem, nothing else', () => {
    const docx = fixture('interview.docx');
    fc.assert(
      fc.property(
        fc.oneof(
          damaged(docx),
          fc.uint8Array({ maxLength: 200 }).map((b) => new Uint8Array([0x50, 0x4b, 3, 4, ...b])),
        ),
        (bytes) => {
          try {
            const { names, files } = readBoundedZip(bytes, () => true);
            // Every entry asked for and not a folder is there, unpacked.
            for (const name of names) if (!name.endsWith('/')) expect(files[name]).toBeInstanceOf(Uint8Array);
          } catch (error) {
            expect(error).toBeInstanceOf(FileProblem);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('Word and OpenDocument files, through the ZIP reader', () => {
  for (const [name, entry] of [
    ['interview.docx', 'word/document.xml'],
    ['interview.odt', 'content.xml'],
  ] as const) {
    it(`${name}: damaged bytes or broken XML give a document or a refusal naming the file`, async () => {
      const base = fixture(name);
      let documents = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(damaged(base), withBrokenEntry(base, entry)), async (bytes) => {
          if (await documentOrRefusal(`damaged ${name}`, bytes)) documents++;
        }),
        { numRuns: 60, seed: 11 },
      );
      expect(documents).toBeGreaterThan(0);
      expect(documents).toBeLessThan(60);
    }, 60_000);
  }
});
