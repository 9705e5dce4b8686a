import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../shared/offsets';
import { planCaseSheet, readSheetRows } from '../../../electron/services/import/case-sheet';
import { parseInline } from '../../../electron/services/import/markdown';
import { readTranscript, type ImportedFile } from '../../../electron/services/import/read';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const read = (file: string, options = {}) => readTranscript({ path: join(FIXTURES, file) }, options);
const speakers = (f: ImportedFile) => f.transcript.paragraphs.map((p) => p.speaker);
const lines = (f: ImportedFile) => f.transcript.text.split('\n');

function expectConsistent({ transcript: { text, paragraphs } }: ImportedFile) {
  const all = text.split('\n');
  paragraphs.forEach((p, i) => expect(sliceCodePoints(text, p.start, p.end)).toBe(all[i]));
}

describe('plain text', () => {
  const expected = 'Interviewer: Café – naïve 😀?\nDCS: Yes, the board met.\nIt met monthly.\nR1: Ünïcode all the way.';

  it('reads UTF-8 with or without BOM and UTF-16 LE/BE with BOM alike, with CRLF, CR and LF normalised', async () => {
    for (const [file, encoding] of [
      ['text/utf8.txt', 'UTF-8'],
      ['text/utf8-bom.txt', 'UTF-8'],
      ['text/utf16le-bom.txt', 'UTF-16LE'],
      ['text/utf16be-bom.txt', 'UTF-16BE'],
    ]) {
      const f = await read(file!);
      expect(f.transcript.text, file).toBe(expected);
      expect(f.encoding, file).toBe(encoding);
      expect(speakers(f)).toEqual(['Interviewer', 'DCS', 'DCS', 'R1']);
      expectConsistent(f);
    }
  });

  it('detects Windows-1252 in a file with no UTF-8 in it, and says so', async () => {
    const f = await read('text/cp1252.txt');
    expect(f.encoding).toBe('windows-1252');
    expect(f.transcript.text).toBe('Interviewer: “Quoted” café – 10 € each?\nDCS: Naïve, perhaps… but it worked.');
    expect(f.notes).toEqual([
      'Read as Western European (Windows-1252, Latin-1): the file is not UTF-8 and this encoding fits it best (another can be chosen).',
    ]);
  });

  it('reads labels on lines of their own and times, as transcription services write them', async () => {
    const f = await read('text/rev.txt');
    expect(lines(f)[1]).toBe('Interviewer (00:00:04): Could you describe the arrangements?');
    expect(speakers(f)).toEqual([null, 'Interviewer', 'Director', 'Director', 'Interviewer', 'Director']);
    expect(f.transcript.paragraphs.map((p) => p.timeMs)).toEqual([null, 4000, 9000, null, 75_000, null]);
  });
});

describe('Word and OpenDocument files made by LibreOffice', () => {
  it('keeps paragraphs, headings, bold and italic, turns table rows into paragraphs and line breaks into new ones', async () => {
    const f = await read('interview.docx');
    expect(f.format).toBe('docx');
    expect(lines(f)).toEqual([
      'Interview 04 – Metropolitan District 2',
      'Interviewer: Thank you for making the time. Could you describe the Children’s Trust board?',
      'DCS: We set it up in 2006 – café meetings at first, rather naïve ones 😀, and then a proper board.',
      'It meets every six weeks and the PCT chief executive sits on it.',
      'Schools and health',
      'Interviewer: And the schools?',
      'DCS: Schools came later, through the extended services work.',
      'R1\tThe head teachers’ forum had its own seat.',
      'INT:\tHow did health respond?',
      'DCS:\tSlowly at first. Then the pooled budget changed everything.',
      'Interviewer: Thank you.',
    ]);
    expect(speakers(f)).toEqual([null, 'Interviewer', 'DCS', 'DCS', null, 'Interviewer', 'DCS', 'R1', 'INT', 'DCS', 'Interviewer']);
    expectConsistent(f);
    const { text, formatting } = f.transcript;
    expect(formatting!.headings).toEqual([
      { n: 1, level: 1 },
      { n: 5, level: 2 },
    ]);
    expect(formatting!.bold.map(([s, e]) => sliceCodePoints(text, s, e))).toEqual([
      'Interviewer:',
      'DCS:',
      'Interviewer:',
      'DCS:',
      'Interviewer:',
    ]);
    expect(formatting!.italic.map(([s, e]) => sliceCodePoints(text, s, e))).toEqual(['naïve', 'extended services']);
    expect(f.notes).toEqual([]);
  });

  it('reads the same document saved as .odt to the same transcript', async () => {
    const [docx, odt] = await Promise.all([read('interview.docx'), read('interview.odt')]);
    expect(odt.format).toBe('odt');
    expect(odt.transcript).toEqual(docx.transcript);
  });

  it('leaves comments out, reads tracked changes as accepted, and notes both', async () => {
    for (const file of ['tracked.docx', 'tracked.odt']) {
      const f = await read(file);
      expect(f.transcript.text, file).toBe('Interviewer: Was the board useful?\nDCS: We met every month.');
      expect([...f.notes].sort(), file).toEqual([
        'Comments were not imported.',
        'Tracked changes were not imported: the text reads as if all changes were accepted.',
      ]);
    }
  });
});

describe('Markdown', () => {
  it('turns syntax into formatting and keeps the words, one paragraph per block or turn', async () => {
    const f = await read('interview.md');
    expect(lines(f)).toEqual([
      'Interview 05 – Borough 4',
      'Arrangements',
      'Interviewer: How is the Children’s Trust organised?',
      "DCS: We have a board, an executive group and four outcome partnerships — it's naïve to think otherwise 😀.",
      'Interviewer: And the schools?',
      'DCS: They came later* through the extended services work; see the plan.',
      '- one point',
      '- another point',
    ]);
    expect(speakers(f).slice(0, 6)).toEqual([null, null, 'Interviewer', 'DCS', 'Interviewer', 'DCS']);
    const { text, formatting } = f.transcript;
    expect(formatting!.headings).toEqual([
      { n: 1, level: 1 },
      { n: 2, level: 2 },
    ]);
    expect(formatting!.bold.map(([s, e]) => sliceCodePoints(text, s, e))).toEqual(['Interviewer:', 'DCS:', 'Interviewer:', 'DCS:']);
    expect(formatting!.italic.map(([s, e]) => sliceCodePoints(text, s, e))).toEqual(['Children’s Trust', 'naïve']);
    expectConsistent(f);
  });

  it('parses nested emphasis, escapes, code and links inline', () => {
    expect(parseInline('***both*** and \\*not\\* `a*b` [link](http://x.org) snake_case_word')).toEqual({
      text: 'both and *not* a*b link snake_case_word',
      marks: [{ start: 0, end: 4, bold: true, italic: true }],
    });
  });
});

describe('captions', () => {
  it('merges Zoom cues of one speaker into a turn timed by its first cue', async () => {
    const f = await read('captions/zoom.vtt');
    expect(lines(f)).toEqual([
      'Jane Smith: Thanks for joining. Could you describe the board?',
      'Director: We set it up in 2006 & it meets monthly. The PCT sits on it.',
    ]);
    expect(speakers(f)).toEqual(['Jane Smith', 'Director']);
    expect(f.transcript.paragraphs.map((p) => p.timeMs)).toEqual([1000, 83_250]);
    expectConsistent(f);
  });

  it('writes WebVTT voice tags as labels and drops other tags', async () => {
    const f = await read('captions/teams.vtt');
    expect(lines(f)).toEqual([
      'Interviewer: Welcome, and thank you. Shall we begin?',
      'Dr Amaka Obi: Yes. Absolutely – café first?',
      'Interviewer: Thank you.',
    ]);
    expect(speakers(f)).toEqual(['Interviewer', 'Dr Amaka Obi', 'Interviewer']);
    expect(f.transcript.paragraphs.map((p) => p.timeMs)).toEqual([2000, 8000, 3_723_000]);
    expect(f.transcript.paragraphs[1]!.bodyStart - f.transcript.paragraphs[1]!.start).toBe('Dr Amaka Obi: '.length);
  });

  it('reads SubRip with "Name:" prefixes', async () => {
    const f = await read('captions/subtitles.srt');
    expect(lines(f)).toEqual(['INT: How did it start?', 'DCS: With a shadow board. Then a proper one.']);
    expect(f.transcript.paragraphs.map((p) => p.timeMs)).toEqual([1000, 3500]);
  });
});

describe('case attribute sheets', () => {
  it('reads CSV and an XLSX saved by LibreOffice to the same rows, and types new columns from their values', async () => {
    const csv = await readSheetRows('csv', readFileSync(join(FIXTURES, 'case-attributes.csv')));
    const xlsx = await readSheetRows('xlsx', readFileSync(join(FIXTURES, 'case-attributes.xlsx')));
    expect(xlsx).toEqual(csv.map((row) => (row.at(-1) === '' ? row.slice(0, -1) : row)));
    const sheet = planCaseSheet(xlsx, []);
    expect(sheet.columns).toEqual([
      { name: 'Region', type: 'choice', choices: ['Metropolitan district', 'County'] },
      { name: 'Interview date', type: 'date', choices: null },
      { name: 'Years in post', type: 'number', choices: null },
      { name: 'Notes', type: 'text', choices: null },
    ]);
    expect(sheet.cases[1]).toEqual({
      name: 'tracked',
      row: 3,
      values: { Region: 'County', 'Interview date': '2010-07-02', 'Years in post': '11' },
    });
  });

  it('checks values against the types of attributes the project has, naming row and column', () => {
    const existing = [{ id: 1, name: 'years in post', type: 'number' as const, choices: null }];
    expect(() =>
      planCaseSheet(
        [
          ['Case', 'Years in post'],
          ['A', '4'],
          ['B', 'many'],
        ],
        existing,
      ),
    ).toThrow('has "many" in row 3, where years in post expects a number');
    expect(() =>
      planCaseSheet(
        [
          ['Case', 'X'],
          ['A', '1'],
          ['a', '2'],
        ],
        [],
      ),
    ).toThrow('names the case "a" twice (rows 2 and 3)');
    expect(() => planCaseSheet([['Case', 'X', '']], [])).toThrow('has no rows of cases under its header row');
    expect(() =>
      planCaseSheet(
        [
          ['Case', 'X', ''],
          ['A', '1', '2'],
        ],
        [],
      ),
    ).toThrow('has no name for column 3');
  });
});
