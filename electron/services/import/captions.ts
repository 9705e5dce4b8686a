// WebVTT and SubRip captions (Zoom, Teams, transcription services): cues merged into speaker turns.
// WebVTT is read as the specification's parser (and every browser) reads it, SubRip as the srt library
// does: a block that cannot be read is dropped and the rest kept, and the import note says which lines
// were dropped. Only a file with no cue at all is refused. A turn keeps the start time of its first cue;
// `<v Name>` voice tags and "Name:" prefixes name speakers.
import type { Block, LabelMatch, SpeakerMatcher } from '../transcript';
import { FileProblem } from './file-problem';
import { decodeCharacterReferences } from './html-entities';

export type CaptionFormat = 'vtt' | 'srt';

export interface Cue {
  /** The line of the cue's timing. */
  line: number;
  startMs: number;
  endMs: number;
  voice: string | null;
  /** The cue's text without tags, character references decoded, white space collapsed. */
  text: string;
}

export interface Captions {
  cues: Cue[];
  /** The first line of each block that was dropped because it could not be read as a cue. */
  skipped: number[];
}

// "collect a WebVTT timestamp": [h…:]mm:ss.ttt; the spec collects every digit, then checks how many there are.
const VTT_TIMESTAMP = /(\d+):(\d+)(?::(\d+))?\.(\d+)/y;

/** A WebVTT timestamp at `at`, as the specification's parser collects it, with where it ends; null where the parser fails. */
function vttTimestamp(line: string, at: number): { ms: number; end: number } | null {
  VTT_TIMESTAMP.lastIndex = at;
  const m = VTT_TIMESTAMP.exec(line);
  if (!m) return null;
  const [, first, second, third, fraction] = m as unknown as [string, string, string, string | undefined, string];
  // The first field is minutes when it is two digits up to 59 and no third field follows; otherwise hours.
  const hours = first.length !== 2 || Number(first) > 59;
  if ((hours && third === undefined) || second.length !== 2 || (third !== undefined && third.length !== 2) || fraction.length !== 3)
    return null;
  const [h, min, s] = third === undefined ? [0, Number(first), Number(second)] : [Number(first), Number(second), Number(third)];
  if (min > 59 || s > 59) return null;
  return { ms: ((h * 60 + min) * 60 + s) * 1000 + Number(fraction), end: VTT_TIMESTAMP.lastIndex };
}

/** "collect WebVTT cue timings and settings": white space around the arrow is optional; the settings are not needed. */
function vttTimings(line: string): { startMs: number; endMs: number } | null {
  const skip = (at: number) => at + /^[\t\n\f\r ]*/.exec(line.slice(at))![0].length;
  const start = vttTimestamp(line, skip(0));
  if (!start) return null;
  const arrow = skip(start.end);
  if (!line.startsWith('-->', arrow)) return null;
  const end = vttTimestamp(line, skip(arrow + 3));
  return end && { startMs: start.ms, endMs: end.ms };
}

const COMMENT_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

/** The WebVTT parser of the specification (§6.1), keeping what a transcript needs of each cue. */
function parseVtt(source: string): { raw: { line: number; startMs: number; endMs: number; text: string }[]; skipped: number[] } {
  // Only CR, LF and CRLF end a line (not form feeds or Unicode separators); NULs were removed when decoding.
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0]!)) throw new FileProblem('is not a WebVTT file: it does not start with "WEBVTT"');
  // The header runs to the first blank line, or to a line with an arrow, which starts the first cue.
  let i = 1;
  while (i < lines.length && lines[i] !== '' && !lines[i]!.includes('-->')) i++;
  const raw: { line: number; startMs: number; endMs: number; text: string }[] = [];
  const skipped: number[] = [];
  while (i < lines.length) {
    while (i < lines.length && lines[i] === '') i++;
    if (i >= lines.length) break;
    const first = i;
    let cue: { line: number; startMs: number; endMs: number } | null = null;
    let seenArrow = false;
    const buffer: string[] = [];
    for (let count = 1; i < lines.length; count++) {
      const line = lines[i]!;
      if (line === '') break;
      if (line.includes('-->')) {
        // An arrow on the first line, or on the second after an identifier, is the timing; elsewhere it starts the next block.
        if (count > 2 || (count === 2 && seenArrow)) break;
        seenArrow = true;
        const timings = vttTimings(line);
        cue = timings && { line: i + 1, ...timings };
        if (cue) buffer.length = 0;
      } else buffer.push(line);
      i++;
    }
    if (cue) raw.push({ ...cue, text: buffer.join('\n') });
    else if (!COMMENT_BLOCK.test(lines[first]!)) skipped.push(first + 1);
  }
  return { raw, skipped };
}

// The srt library's grammar (cdown/srt): an optional index, a timing with any of its separators (",", ".",
// ":" and their full-width forms; milliseconds optional), the content up to a blank line that is followed
// by the next cue. Whatever lies between two matches is skipped.
const SEP = '[,.:，．。：]';
const TS = `[0-9]+${SEP}[0-9]+${SEP}[0-9]+${SEP}?[0-9]*`;
const IDX = String.raw`-?[0-9]+\.?[0-9]*`;
const END = '(?![\\s\\S])';
const SRT_CUE = new RegExp(
  String.raw`\s*(?:${IDX}\s*\n)?(${TS}) *-[ -] *> *(${TS}) ?[^\n]*(?:\n|${END})([\s\S]*?)(?:\n|${END})(?:\n|${END}|(?=${IDX}\s*\n${TS}))(?=(?:${IDX}\s*\n)?${TS}|${END})`,
  'g',
);

function srtTimestamp(text: string): number {
  const [h, m, s, ms] = text.split(new RegExp(SEP)).map((f) => Number(f || 0));
  return ((h! * 60 + m!) * 60 + s!) * 1000 + (ms ?? 0);
}

function parseSrt(source: string): { raw: { line: number; startMs: number; endMs: number; text: string }[]; skipped: number[] } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const raw: { line: number; startMs: number; endMs: number; text: string }[] = [];
  const skipped: number[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (at: number) => {
    for (; counted < at; counted++) if (text[counted] === '\n') line++;
    return line;
  };
  const skipGarbage = (from: number, to: number) => {
    const garbage = /\S/.exec(text.slice(from, to));
    if (garbage) skipped.push(lineAt(from + garbage.index));
  };
  let expected = 0;
  for (const m of text.matchAll(SRT_CUE)) {
    skipGarbage(expected, m.index);
    const timingAt = m.index + m[0].indexOf(m[1]!);
    raw.push({ line: lineAt(timingAt), startMs: srtTimestamp(m[1]!), endMs: srtTimestamp(m[2]!), text: m[3]! });
    expected = m.index + m[0].length;
  }
  skipGarbage(expected, text.length);
  return { raw, skipped };
}

/** Cue text as a transcript reads it: the first voice tag's name, tags removed (keeping their text), character references decoded. */
function cueText(raw: string): { voice: string | null; text: string } {
  const collapse = (s: string) => s.replace(/[\t\n\v\f\r \u2028\u2029]+/g, ' ').trim();
  const voice = /<v(?:\.[^\s>]*)?[\t\n\f\r ]+([^>]*)/.exec(raw)?.[1];
  // A tag runs to ">" or to the end of the text, as the cue text tokenizer reads it; "{\an8}" is SubRip's.
  const text = raw.replace(/<[^>]*(?:>|$)/g, '').replace(/\{\\[^}]*\}/g, '');
  return { voice: voice ? collapse(decodeCharacterReferences(voice)) || null : null, text: collapse(decodeCharacterReferences(text)) };
}

/** "line 6", "lines 3, 6, …" (the first ten). */
const linesText = (lines: number[]) =>
  `line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? ', …' : ''}`;

/** The cues of a caption file and the blocks dropped; a file without a cue is refused. */
export function parseCaptions(source: string, format: CaptionFormat): Captions {
  const { raw, skipped } = format === 'vtt' ? parseVtt(source) : parseSrt(source);
  if (raw.length === 0)
    throw new FileProblem(
      skipped.length ? `holds no captions: no block could be read as a cue (${linesText(skipped)})` : 'holds no captions',
    );
  return { cues: raw.map(({ text, ...cue }) => ({ ...cue, ...cueText(text) })), skipped };
}

const skippedNote = (skipped: number[]): string[] =>
  skipped.length === 0
    ? []
    : [`Skipped ${skipped.length} block${skipped.length === 1 ? '' : 's'} that could not be read as a cue (${linesText(skipped)}).`];

/** Blocks of a caption file: consecutive cues of one speaker form one turn, labelled "Name: " once. */
export function captionBlocks(source: string, format: CaptionFormat, matcher: SpeakerMatcher): { blocks: Block[]; notes: string[] } {
  const { cues, skipped } = parseCaptions(source, format);
  const blocks: (Block & { speaker: string | null })[] = [];
  for (const cue of cues) {
    if (!cue.text) continue;
    const found: LabelMatch | null = cue.voice ? { label: cue.voice, length: 0, timeMs: null } : matcher(cue.text);
    const speaker = found?.label ?? null;
    const body = cue.text.slice(found?.length ?? 0).trim();
    const last = blocks.at(-1);
    if (speaker !== null && last?.speaker === speaker) {
      last.text += body ? ` ${body}` : '';
      continue;
    }
    // A voice tag's name is not in the cue text: it is written as the label, as in other transcripts.
    const label = cue.voice ? `${cue.voice}: ` : cue.text.slice(0, found?.length ?? 0);
    blocks.push({
      speaker,
      text: label + body,
      timeMs: cue.startMs,
      label: speaker === null ? undefined : { label: speaker, length: label.length, timeMs: null },
      voice: cue.voice !== null || undefined,
    });
  }
  return { blocks: blocks.map(({ speaker: _speaker, ...block }) => block), notes: skippedNote(skipped) };
}
