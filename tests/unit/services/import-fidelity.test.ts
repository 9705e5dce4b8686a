// Import fidelity on the cases real files showed (issue 18): captions read as the WebVTT specification and
// the srt library read them, legacy encodings, speaker labels as transcribers write them, DOCX packages and
// fields, ODT captions. Expected values come from the specification or library named in each test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../shared/offsets';
import { parseCaptions } from '../../../electron/services/import/captions';
import { decodeText } from '../../../electron/services/import/decode';
import { readTranscript, type ImportedFile } from '../../../electron/services/import/read';
import { buildTranscript, parsePlainTranscript, speakerMatcher } from '../../../electron/services/transcript';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const upload = (name: string, bytes: Uint8Array, options = {}) =>
  readTranscript({ name, data: Buffer.from(bytes).toString('base64') }, options);
const lines = (f: ImportedFile) => f.transcript.text.split('\n');

function expectConsistent({ transcript: { text, paragraphs } }: ImportedFile) {
  const all = text.split('\n');
  paragraphs.forEach((p, i) => expect(sliceCodePoints(text, p.start, p.end)).toBe(all[i]));
}

describe('WebVTT, as the specification parses it', () => {
  // Each block below is kept or dropped as the WebVTT parser (§6.1) decides: "collect a WebVTT timestamp"
  // refuses 60 seconds and "::", takes a one-digit hour; a block without a timing is no cue; an arrow on the
  // first line that is no timing ends that block, and the next line's timing starts a cue; end < start is kept.
  const source = [
    'WEBVTT', //  1
    '',
    'STYLE', //  3
    '::cue { color: yellow }',
    '',
    'REGION', //  6
    'id:fred width:40%',
    '',
    '00:00:60.000 --> 00:01:02.000', //  9
    'Sixty seconds',
    '',
    '00::00:00.000 --> 00:00:01.000', // 12
    'Two colons',
    '',
    '0:00:01.000 --> 0:00:02.000', // 15
    'One-digit hour 😀',
    '',
    'Stray text after a blank line', // 18
    '',
    '00:00:03.000-->00:00:04.000', // 20
    'No spaces',
    '',
    'speaker --> id', // 23
    '00:00:05.000 --> 00:00:06.000',
    'After an identifier with an arrow',
    '',
    'NOTE a comment, not a cue', // 27
    '',
    '00:00:08.000 --> 00:00:07.000', // 29
    'Ends before it starts',
  ].join('\n');

  it('drops the blocks it cannot parse, keeps the rest, and says which lines it dropped', async () => {
    const { cues, skipped } = parseCaptions(source, 'vtt');
    expect(cues.map((c) => [c.startMs, c.text])).toEqual([
      [1000, 'One-digit hour 😀'],
      [3000, 'No spaces'],
      [5000, 'After an identifier with an arrow'],
      [8000, 'Ends before it starts'],
    ]);
    expect(skipped).toEqual([9, 12, 18, 23]);
    const f = await upload('messy.vtt', Buffer.from(source));
    expect(f.notes).toEqual(['Skipped 4 blocks that could not be read as a cue (lines 9, 12, 18, 23).']);
    expect(lines(f)).toEqual(['One-digit hour 😀', 'No spaces', 'After an identifier with an arrow', 'Ends before it starts']);
    expect(f.transcript.paragraphs.map((p) => p.timeMs)).toEqual([1000, 3000, 5000, 8000]);
    expectConsistent(f);
  });

  it('reads a timing right under the header line, and a NUL byte is no reason to call the file binary', async () => {
    expect(parseCaptions('WEBVTT\n00:00:01.000 --> 00:00:02.000\nRight under the header', 'vtt').cues[0]!.text).toBe(
      'Right under the header',
    );
    const f = await upload('nul.vtt', Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA NUL\u0000 in a cue\n'));
    expect(lines(f)).toEqual(['A NUL in a cue']);
    expect(f.notes).toEqual(['Removed 1 control character.']);
  });

  it('refuses only a file with no cue at all, naming the lines it could not read', async () => {
    await expect(upload('none.vtt', Buffer.from('WEBVTT\n\n00:00:61.000 --> 00:00:62.000\nNo\n\njust text\n'))).rejects.toThrow(
      '"none.vtt" holds no captions: no block could be read as a cue (lines 3, 6).',
    );
    await expect(upload('nocue.vtt', Buffer.from('WEBVTT\n\nNOTE only a note\n'))).rejects.toThrow('"nocue.vtt" holds no captions.');
  });

  it('ends caption lines at CR, LF and CRLF only: form feeds, vertical tabs and Unicode separators stay in the cue', () => {
    const { cues } = parseCaptions(
      'WEBVTT\r\r00:00:01.000 --> 00:00:02.000\rOne\fcue\vwith\u2028separators\u2029kept\r\nsecond line',
      'vtt',
    );
    expect(cues.map((c) => c.text)).toEqual(['One cue with separators kept second line']);
  });

  it('decodes character references and keeps the text of every tag but the voice', async () => {
    const cue =
      '<v.loud Dr Amaka Obi>&amp; &copy; &#x2014; &#169; <c.yellow>yellow</c> <i>it</i> <ruby>漢<rt>kan</rt></ruby> <00:00:01.500>timed &bogus; &lt;b&gt;';
    const { cues } = parseCaptions(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${cue}`, 'vtt');
    expect(cues[0]).toMatchObject({ voice: 'Dr Amaka Obi', text: '& © — © yellow it 漢kan timed &bogus; <b>' });
    const f = await upload('tags.vtt', Buffer.from(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Obi>😀 &amp; <b>bold</b>\n`));
    expect(lines(f)).toEqual(['Obi: 😀 & bold']);
    expect(f.transcript.speakers).toEqual([{ label: 'Obi', turns: 1, speaker: 'Obi', rule: 'voice' }]);
    expectConsistent(f);
  });
});

describe('SubRip, as the srt library parses it', () => {
  it('takes the index and timing forms the srt library takes and skips what comes before the first cue', () => {
    // cdown/srt's tests: index trailing white space, index with a dot, leading zeros, no index, "." and
    // full-width "，" before the milliseconds, none at all, a blank line inside the content, no final newline.
    const source = [
      'Subtitles by someone', // 1
      '',
      '1 ',
      '00:00:01,000 --> 00:00:02,000',
      'Index with trailing space',
      '',
      '2.0',
      '00:00:03.000 --> 00:00:04.000',
      'Dot index, dot milliseconds',
      '',
      '003',
      '00:00:05，000 --> 00:00:06，000',
      'Full-width comma',
      '',
      '00:00:07 --> 00:00:08',
      'No index, no milliseconds',
      '',
      '5',
      '00:00:09,000 --> 00:00:10,000',
      'A blank line',
      '',
      'inside',
      '',
      '6',
      '00:00:11,000 --> 00:00:12,500',
      'No final newline',
    ].join('\r\n');
    const { cues, skipped } = parseCaptions(source, 'srt');
    expect(cues.map((c) => [c.startMs, c.endMs, c.text])).toEqual([
      [1000, 2000, 'Index with trailing space'],
      [3000, 4000, 'Dot index, dot milliseconds'],
      [5000, 6000, 'Full-width comma'],
      [7000, 8000, 'No index, no milliseconds'],
      [9000, 10_000, 'A blank line inside'],
      [11_000, 12_500, 'No final newline'],
    ]);
    expect(skipped).toEqual([1]);
  });
});

describe('legacy and Unicode encodings', () => {
  it('detects Shift_JIS and Windows-1253 (ICU names it ISO-8859-7), says so, and reads the text as written', async () => {
    // Expected text: what the fixtures were made from with iconv (README).
    const jis = await readTranscript({ path: join(FIXTURES, 'text', 'shift-jis.srt') });
    expect(jis.encoding).toBe('shift_jis');
    expect(lines(jis)).toEqual(['インタビュアー：今日はありがとうございます。', '回答者：こちらこそ、よろしくお願いします。']);
    expect(jis.notes[0]).toMatch(/^Read as Japanese \(Shift_JIS\): the file is not UTF-8/);
    const greek = await readTranscript({ path: join(FIXTURES, 'text', 'windows-1253.txt') });
    expect(greek.encoding).toBe('iso-8859-7');
    expect(lines(greek)[0]).toBe('Συνεντευκτής: Πώς ξεκίνησε η συνεργασία με τον δήμο;');
    expect(greek.transcript.speakers.map((s) => s.speaker)).toEqual(['Συνεντευκτής', 'Ερωτώμενη']);
    const latin = await readTranscript({ path: join(FIXTURES, 'text', 'latin1.vtt') });
    expect([latin.encoding, lines(latin)]).toEqual(['windows-1252', ['Interviewer: Café or thé? “Quoted” – fine.']]);
  });

  it('reads the encoding the person chose instead of the one detected', async () => {
    const greek = await readTranscript({ path: join(FIXTURES, 'text', 'windows-1253.txt') }, { encoding: 'windows-1253' });
    expect([greek.encoding, greek.notes]).toEqual(['windows-1253', []]);
    expect(lines(greek)[1]).toBe('Ερωτώμενη: Με μια συνάντηση στην Αθήνα, τον Μάρτιο.');
    // UTF-8 read as Windows-1252 on purpose: the choice wins, bytes and all.
    const forced = await readTranscript({ path: join(FIXTURES, 'text', 'utf8.txt') }, { encoding: 'windows-1252' });
    expect(lines(forced)[0]).toBe('Interviewer: CafÃ© â€“ naÃ¯ve ðŸ˜€?');
  });

  it('reads UTF-32 big- and little-endian with a byte-order mark', () => {
    const text = 'Interviewer: 😀 naïve';
    const utf32 = (bigEndian: boolean) => {
      const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
      const view = new DataView(new ArrayBuffer(points.length * 4));
      points.forEach((p, i) => view.setUint32(i * 4, p, !bigEndian));
      return new Uint8Array(view.buffer);
    };
    expect(decodeText(utf32(true))).toEqual({ text, encoding: 'UTF-32BE', notes: [] });
    expect(decodeText(utf32(false))).toEqual({ text, encoding: 'UTF-32LE', notes: [] });
  });

  it('refuses a file that mixes UTF-8 characters with broken bytes, pointing at the first and at the dialog', async () => {
    await expect(readTranscript({ path: join(FIXTURES, 'text', 'invalid-utf8.txt') })).rejects.toThrow(
      '"invalid-utf8.txt" is not valid UTF-8 text: byte 45 (line 2) is not part of a UTF-8 character; choose its encoding in the import dialog, or save it as UTF-8.',
    );
  });
});

describe('speaker labels as transcribers write them', () => {
  it("takes QualCoder's [id1] labels, but not a bracketed note such as [laughs]", () => {
    const t = parsePlainTranscript('[id1] hello.\n[laughs] yes.\n[id2] hi.\n[id1] bye.');
    expect(t.paragraphs.map((p) => p.speaker)).toEqual(['id1', 'id1', 'id2', 'id1']);
  });

  it('takes neither a lower-case phrase nor a one-off title in subtitles for a speaker, and says which rule decided', () => {
    // Subtitles where hardly a cue has a label: "Ninja Art:" and "Fire Style:" name techniques, "Next time:" a preview.
    const cues = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the episode.`);
    cues[10] = 'Ninja Art: Shadow Clone Jutsu!';
    cues[20] = 'Fire Style: Fireball Jutsu!';
    cues[39] = 'Next time: the exam begins.';
    const t = parsePlainTranscript(cues.join('\n'));
    expect(t.paragraphs.every((p) => p.speaker === null)).toBe(true);
    expect(t.speakers.map((s) => [s.label, s.rule])).toEqual([
      ['Ninja Art', 'rare'],
      ['Fire Style', 'rare'],
      ['Next time', 'phrase'],
    ]);
    // The same one-off name in a labelled interview is a speaker.
    const interview = parsePlainTranscript('Interviewer: Hello.\nJane Doe: Hi.\nInterviewer: Thanks.');
    expect(interview.speakers.map((s) => [s.label, s.speaker, s.rule])).toEqual([
      ['Interviewer', 'Interviewer', 'recurring'],
      ['Jane Doe', 'Jane Doe', 'name'],
    ]);
  });

  it('keeps a lone line ending with a colon apart from the next paragraph when labels elsewhere sit before their speech', () => {
    const t = buildTranscript(
      [
        { text: 'Interviewer: How did it start?' },
        { text: 'Summary:' },
        { text: 'The board met monthly.' },
        { text: 'Interviewer: Thanks.' },
      ],
      speakerMatcher(),
    );
    expect(t.text.split('\n')).toEqual(['Interviewer: How did it start?', 'Summary:', 'The board met monthly.', 'Interviewer: Thanks.']);
    expect(t.speakers.find((s) => s.label === 'Summary')).toEqual({ label: 'Summary', turns: 1, speaker: null, rule: 'heading' });
  });
});

describe('Word and OpenDocument packages', () => {
  it("finds a DOCX's main part through the package relationships (pandoc's alternate_document_path.docx)", async () => {
    const f = await readTranscript({ path: join(FIXTURES, 'pandoc', 'docx', 'alternate_document_path.docx') });
    expect(lines(f)[0]).toBe('Test');
    expect(f.transcript.formatting?.headings).toEqual([{ n: 1, level: 1 }]);
  });

  it('keeps the numbers of SEQ caption fields, numbering one saved without its result as Word does', async () => {
    const files = unzipSync(readFileSync(join(FIXTURES, 'interview.docx')));
    const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const captions =
      `<w:p>${run('Table ')}<w:fldSimple w:instr=" SEQ Table \\* ARABIC ">${run('1')}</w:fldSimple>${run(': Boards')}</w:p>` +
      `<w:p>${run('Table ')}<w:fldSimple w:instr=" SEQ Table \\* ARABIC "/>${run(': Members')}</w:p>`;
    const xml = Buffer.from(files['word/document.xml']!).toString('utf8').replace('<w:sectPr', `${captions}<w:sectPr`);
    const f = await upload('captions.docx', zipSync({ ...files, 'word/document.xml': Buffer.from(xml) }));
    expect(lines(f).slice(-2)).toEqual(['Table 1: Boards', 'Table 2: Members']);
  });

  it("keeps an ODT image's caption as a paragraph and notes the image left out (pandoc's imageWithCaption.odt)", async () => {
    const f = await readTranscript({ path: join(FIXTURES, 'pandoc', 'odt', 'imageWithCaption.odt') });
    expect(lines(f)).toEqual(['Abbildung 1: Image caption']);
    expect(f.notes).toEqual(['Images were not imported.']);
  });
});
