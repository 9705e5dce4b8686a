// The regression corpus (tests/fixtures/import/*/, see SOURCES.md there): other projects' test files, each
// compared with the output those projects expect — vtt.js's cues, pandoc's golden documents, pysrt's and
// srt's assertions — never with Trellis's own output. Each corpus lists the files where Trellis knowingly
// differs, with the reason; any other difference fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaptions, type CaptionFormat } from '../../../electron/services/import/captions';
import { decodeText } from '../../../electron/services/import/decode';
import { readTranscript } from '../../../electron/services/import/read';
import { collapse, nativeParagraphs } from './pandoc-native';

const CORPUS = join(process.cwd(), 'tests', 'fixtures', 'import');
const bytesOf = (...path: string[]) => readFileSync(join(CORPUS, ...path));

/** The cues of a caption file's bytes as Trellis reads them, or null when it refuses the file. */
function cuesOf(bytes: Uint8Array, format: CaptionFormat) {
  try {
    return parseCaptions(decodeText(bytes).text, format).cues;
  } catch {
    return null;
  }
}

function report(corpus: string, outcomes: [string, boolean][]): string[] {
  const failed = outcomes.filter(([, ok]) => !ok).map(([file]) => file);
  console.log(`${corpus}: ${outcomes.length - failed.length}/${outcomes.length} files as expected`);
  return failed;
}

describe('regression corpus', () => {
  it('vtt.js: every file yields the cues (times and rendered text) vtt.js expects, and a file without one is refused', () => {
    const manifest = JSON.parse(bytesOf('vttjs', 'manifest.json').toString('utf8')) as { vtt: string; json: string; proc: string | null }[];
    const outcomes = manifest.map(({ vtt, json, proc }): [string, boolean] => {
      const expected = (JSON.parse(bytesOf('vttjs', json).toString('utf8')) as { cues: { startTime: number; endTime: number }[] }).cues;
      // The processing model's output: one element per cue, its textContent what a browser shows.
      const shown = proc ? (JSON.parse(bytesOf('vttjs', proc).toString('utf8')) as { textContent: string }[]) : null;
      const cues = cuesOf(bytesOf('vttjs', vtt), 'vtt');
      if (expected.length === 0) return [vtt, cues === null];
      const same =
        cues !== null &&
        cues.length === expected.length &&
        expected.every(
          (c, i) =>
            cues[i]!.startMs === Math.round(c.startTime * 1000) &&
            cues[i]!.endMs === Math.round(c.endTime * 1000) &&
            (!shown || collapse(cues[i]!.text) === collapse(shown[i]!.textContent)),
        );
      return [vtt, same];
    });
    expect(report('vtt.js', outcomes)).toEqual(VTTJS_DIFFERENCES);
  });

  it('pysrt: the cue counts its tests assert, and the same cues from every encoding of a file', () => {
    const texts = (file: string) => cuesOf(bytesOf('pysrt', file), 'srt')?.map((c) => c.text) ?? null;
    const utf8 = texts('utf-8.srt');
    const bomUtf8 = texts('bom-utf-8.srt');
    const outcomes: [string, boolean][] = [
      // test_srtfile.py TestOpen.test_utf8: 1332 items.
      ['utf-8.srt', utf8?.length === 1332],
      // TestOpen.test_windows1252 (1332 items) and TestSerialization.test_save (saved as UTF-8 it is utf-8.srt byte for byte).
      ['windows-1252.srt', JSON.stringify(texts('windows-1252.srt')) === JSON.stringify(utf8)],
      // TestBOM: 7 items in each encoding.
      ...['bom-utf-8.srt', 'bom-utf-16-le.srt', 'bom-utf-16-be.srt', 'bom-utf-32-le.srt', 'bom-utf-32-be.srt'].map(
        (file): [string, boolean] => [file, texts(file)?.length === 7 && JSON.stringify(texts(file)) === JSON.stringify(bomUtf8)],
      ),
      // TestIntegration.test_length: 37; test_missing_indexes: 7.
      ['capability_tester.srt', texts('capability_tester.srt')?.length === 37],
      ['no-indexes.srt', texts('no-indexes.srt')?.length === 7],
      // TestOpen.test_error_handling: pysrt refuses a timing without milliseconds.
      ['invalid.srt', texts('invalid.srt') === null],
    ];
    expect(report('pysrt', outcomes)).toEqual(PYSRT_DIFFERENCES);
  });

  it('srt (cdown): the GB2312 file of its tool tests decodes to what iconv makes of it', () => {
    // Expected: `iconv -f gb2312 -t utf-8 gb2312.srt` (glibc), kept beside the file.
    let decoded: string | null;
    try {
      decoded = decodeText(bytesOf('srt', 'gb2312.srt')).text;
    } catch {
      decoded = null;
    }
    const outcomes: [string, boolean][] = [['gb2312.srt', decoded === bytesOf('srt', 'gb2312.iconv-utf8.txt').toString('utf8')]];
    expect(report('srt', outcomes)).toEqual([]);
  });

  for (const kind of ['docx', 'odt'] as const) {
    it(`pandoc ${kind}: every paragraph of pandoc's golden output is in Trellis's text`, async () => {
      const dir = join(CORPUS, 'pandoc', kind);
      const outcomes: [string, boolean][] = [];
      for (const file of readdirSync(dir).filter((f) => f.endsWith(`.${kind}`))) {
        const golden = nativeParagraphs(readFileSync(join(dir, file.replace(/\.\w+$/, '.native')), 'utf8'));
        let text: string | null;
        try {
          text = collapse((await readTranscript({ path: join(dir, file) })).transcript.text);
        } catch {
          text = null;
        }
        // A document pandoc finds no text in (an image alone) is one Trellis refuses.
        outcomes.push([file, golden.length === 0 ? text === null : text !== null && golden.every((p) => text.includes(p))]);
      }
      expect(report(`pandoc ${kind}`, outcomes)).toEqual(PANDOC_DIFFERENCES[kind]);
    }, 120_000);
  }

  it("QualCoder: its sample transcript's [id1] labels are its three speakers", async () => {
    const f = await readTranscript({ path: join(CORPUS, 'qualcoder', 'transcript.txt') });
    // Expected from the file itself: seven turns labelled [id1] (3), [id2] (2) and [id3] (2).
    const outcomes: [string, boolean][] = [
      [
        'transcript.txt',
        JSON.stringify(f.transcript.paragraphs.map((p) => p.speaker)) === JSON.stringify(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']),
      ],
    ];
    expect(report('QualCoder', outcomes)).toEqual([]);
  });
});

// vtt.js (last released 2019) follows an older draft where the current specification's parser differs:
const VTTJS_DIFFERENCES = [
  // "000:00.000" and "120:00.000": a first field that is not two digits up to 59 means hours, so a third field must follow.
  'cue-times/min-top-digits.vtt',
  'cue-times/minimum-spots-over-sixty.vtt',
  // A timing right under "WEBVTT" ends the header and starts the first cue.
  'file-layout/header-no-new-line.vtt',
  // An identifier line "-->" fails as a timing; the timing on the next line then starts a block of its own, a cue.
  'integration/id.vtt',
];
// Trellis reads SubRip as the srt library does, which takes a timing without milliseconds ("00:00:01"); pysrt refuses it.
const PYSRT_DIFFERENCES = ['invalid.srt'];
const PANDOC_DIFFERENCES: Record<'docx' | 'odt', string[]> = {
  docx: [
    // pandoc writes "[DIAGRAM]" for a SmartArt diagram: a placeholder, not text of the document.
    'diagram.docx',
    // A drop cap is a paragraph of its own in the file; pandoc joins it to the next ("D" + "rop cap.").
    'drop_cap.docx',
    // Tracked paragraph-mark changes: pandoc splits and joins the paragraphs differently.
    'paragraph_insertion_deletion.docx',
    // "☐"/"☒" are list bullets from the numbering definitions; Trellis (through mammoth) keeps no list markers.
    'task_list.docx',
    // Changes without author or date: pandoc keeps both the insertion and the deletion ("dummytest").
    'track_changes_scrubbed_metadata.docx',
    // A Symbol-font character (w:sym "(") that mammoth does not map.
    'unicode.docx',
  ],
  // pandoc leaves out the text of a reference to a chapter ("A reference to ."); Trellis keeps it.
  odt: ['referenceToChapter.odt'],
};
