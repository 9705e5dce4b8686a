import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../shared/offsets';
import { buildTranscript, parsePlainTranscript, speakerMatcher, type ParsedTranscript } from '../../../electron/services/transcript';
import { formatClock, parseClock } from '../../../electron/services/timecode';

/** Every paragraph's range is its line of the canonical text; the label ends where the body starts. */
function expectConsistent({ text, paragraphs }: ParsedTranscript) {
  const lines = text.split('\n');
  expect(paragraphs).toHaveLength(lines.length);
  paragraphs.forEach((p, i) => expect(sliceCodePoints(text, p.start, p.end)).toBe(lines[i]));
}

const speakers = (t: ParsedTranscript) => t.paragraphs.map((p) => p.speaker);
const labels = (t: ParsedTranscript) => t.paragraphs.map((p) => sliceCodePoints(t.text, p.start, p.bodyStart));

describe('parsePlainTranscript', () => {
  it('makes one paragraph per non-empty line, joined by a single newline', () => {
    const parsed = parsePlainTranscript('\uFEFFInterviewer: Hello.  \r\n\r\nDCS: Hi 😀 there.\rA closing line\n');
    expect(parsed.text).toBe('Interviewer: Hello.\nDCS: Hi 😀 there.\nA closing line');
    expectConsistent(parsed);
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

describe('speaker turns', () => {
  it('detects the usual labels at the start of a paragraph, with the times some carry', () => {
    const t = parsePlainTranscript(
      [
        'Interviewer: How did it start?',
        'INT: And then?',
        'Q: A question.',
        'A: An answer.',
        'DCS: We set up a board.',
        'R1: Respondent one.',
        '[Élodie Ní Bhriain] Accented names too.',
        'Jane Smith (00:01:23): With a time.',
        '[00:02:05] Interviewer: A time before the label.',
        'R2\tA tab after the label.',
      ].join('\n'),
    );
    expectConsistent(t);
    expect(speakers(t)).toEqual(['Interviewer', 'INT', 'Q', 'A', 'DCS', 'R1', 'Élodie Ní Bhriain', 'Jane Smith', 'Interviewer', 'R2']);
    expect(labels(t)).toEqual([
      'Interviewer: ',
      'INT: ',
      'Q: ',
      'A: ',
      'DCS: ',
      'R1: ',
      '[Élodie Ní Bhriain] ',
      'Jane Smith (00:01:23): ',
      '[00:02:05] Interviewer: ',
      'R2\t',
    ]);
    expect(t.paragraphs.map((p) => p.timeMs)).toEqual([null, null, null, null, null, null, null, 83_000, 125_000, null]);
  });

  it('continues a turn over paragraphs without a label, and ends it at a heading', () => {
    const t = buildTranscript(
      [{ text: 'Title' }, { text: 'DCS: First.' }, { text: 'More of it.' }, { text: 'Part two', heading: 2 }, { text: 'Loose text.' }],
      speakerMatcher(),
    );
    expect(speakers(t)).toEqual([null, 'DCS', 'DCS', null, null]);
    expect(t.paragraphs[2]!.bodyStart).toBe(t.paragraphs[2]!.start);
    expect(t.formatting?.headings).toEqual([{ n: 4, level: 2 }]);
  });

  it('joins a label on a line of its own to the speech below it', () => {
    const t = parsePlainTranscript('Interviewer (00:00:04):\nCould you describe it?\n\nDirector:\nWe have a board.\nIt meets monthly.');
    expect(t.text).toBe('Interviewer (00:00:04): Could you describe it?\nDirector: We have a board.\nIt meets monthly.');
    expect(speakers(t)).toEqual(['Interviewer', 'Director', 'Director']);
    expect(labels(t)).toEqual(['Interviewer (00:00:04): ', 'Director: ', '']);
    expect(t.paragraphs[0]!.timeMs).toBe(4000);
  });

  it('takes a long one-off label for text unless it recurs, and lists every label with its turns', () => {
    const t = parsePlainTranscript(
      'So the answer to it is: yes.\nHead of Early Help Services: first.\nHead of Early Help Services: second.',
    );
    expect(speakers(t)).toEqual([null, 'Head of Early Help Services', 'Head of Early Help Services']);
    expect(t.speakers).toEqual([
      { label: 'So the answer to it is', turns: 1, speaker: null, rule: 'long' },
      { label: 'Head of Early Help Services', turns: 2, speaker: 'Head of Early Help Services', rule: 'recurring' },
    ]);
  });

  it("applies the user's edits: rename, merge by giving two labels one name, and 'not a speaker'", () => {
    const raw = 'INT: Hello.\nInterviewer: Again.\nDCS: Hi.\nNote: recorded by phone.\nDCS: Bye.';
    const t = parsePlainTranscript(raw, { speakers: { INT: 'Interviewer', DCS: 'Director', Note: null } });
    expect(speakers(t)).toEqual(['Interviewer', 'Interviewer', 'Director', 'Director', 'Director']);
    // The text is never changed: labels stay as written, an unaccepted label is speech.
    expect(t.text).toBe(raw);
    expect(labels(t)).toEqual(['INT: ', 'Interviewer: ', 'DCS: ', '', 'DCS: ']);
    expect(t.speakers.find((s) => s.label === 'INT')).toEqual({ label: 'INT', turns: 1, speaker: 'Interviewer', rule: 'chosen' });
  });

  it('uses a custom pattern instead of the built-in labels, with optional time', () => {
    const raw = 'Speaker 1  0:03\tHello there.\nSpeaker 2  1:15\tHi.\nInterviewer: not matched now.';
    const t = parsePlainTranscript(raw, { speakerPattern: String.raw`(?<speaker>Speaker \d+)\s+(?<time>\d+:\d{2})\t` });
    expect(speakers(t)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 2']);
    expect(t.paragraphs.map((p) => p.timeMs)).toEqual([3000, 75_000, null]);
    expect(parsePlainTranscript('P1 - hi\nP2 - ho', { speakerPattern: '(P\\d) - ' }).paragraphs.map((p) => p.speaker)).toEqual([
      'P1',
      'P2',
    ]);
  });

  it('refuses a custom pattern that is not a regular expression or has no group for the name', () => {
    expect(() => speakerMatcher('(unclosed')).toThrow(/not a valid regular expression/);
    expect(() => speakerMatcher('\\w+:')).toThrow(/needs a group around the name/);
  });

  it('keeps formatting in code points beside the text, never in it', () => {
    const t = buildTranscript(
      [
        { text: '😀 DCS: bold', marks: [{ start: 3, end: 7, bold: true }] },
        { text: 'x 😀😀 italic   ', marks: [{ start: 7, end: 16, italic: true }] },
      ],
      speakerMatcher(),
    );
    expect(t.text).toBe('😀 DCS: bold\nx 😀😀 italic');
    expect(t.formatting).toEqual({ headings: [], bold: [[2, 6]], italic: [[17, 23]] });
    expect(sliceCodePoints(t.text, 2, 6)).toBe('DCS:');
    expect(sliceCodePoints(t.text, 17, 23)).toBe('italic');
    expect(buildTranscript([{ text: 'plain' }], speakerMatcher()).formatting).toBeNull();
  });
});

describe('clock times', () => {
  it('reads the forms transcripts use and refuses impossible ones', () => {
    expect(parseClock('1:23')).toBe(83_000);
    expect(parseClock('01:02:03.5')).toBe(3_723_500);
    expect(parseClock('00:00:01,250')).toBe(1250);
    expect(parseClock('00:61:00')).toBeNull();
    expect(parseClock('1:2')).toBeNull();
    expect(formatClock(3_723_999)).toBe('01:02:03');
  });
});
