// From paragraphs, as any format reader hands them over, to the canonical form segment offsets point
// into: non-empty paragraphs without trailing white space, joined by "\n". Speaker labels stay in the
// text; body_start marks where the speech begins. Formatting is kept beside the text, never in it.
import { DataError } from '../../db/errors';
import { codePointLength, utf16ToCodePoint } from '../../shared/offsets';
import type { Formatting, Paragraph } from '../../db/queries/documents';
import { speakerPatternProblem } from '../../shared/speaker-pattern';
import { parseClock } from './timecode';

/** A speaker label at the start of a paragraph: who, how long the label is (UTF-16 units), and its time if it carries one. */
export interface LabelMatch {
  label: string;
  length: number;
  timeMs: number | null;
}

export type SpeakerMatcher = (text: string) => LabelMatch | null;

/** Bold or italic over a UTF-16 range of one block's text. */
export interface Mark {
  start: number;
  end: number;
  bold?: boolean;
  italic?: boolean;
}

/** One paragraph as a format reader hands it over; text holds no line break. */
export interface Block {
  text: string;
  heading?: number;
  marks?: Mark[];
  timeMs?: number | null;
  /** A label the format has already identified (a WebVTT voice, a caption's "Name:"): not detected again. */
  label?: LabelMatch;
}

/** A label found in the text, how many paragraphs start with it, and the speaker it stands for (null: not a speaker). */
export interface SpeakerLabel {
  label: string;
  turns: number;
  speaker: string | null;
}

export interface ParsedTranscript {
  text: string;
  paragraphs: Omit<Paragraph, 'n'>[];
  formatting: Formatting | null;
  speakers: SpeakerLabel[];
}

export interface SpeakerOptions {
  /** A regular expression matched at the start of each paragraph instead of the built-in labels; group `speaker` (or group 1) names the speaker, group `time` may hold a clock time. */
  speakerPattern?: string;
  /** Label → speaker name, or null for "not a speaker". Renaming two labels to one name merges them. Unlisted labels keep the default. */
  speakers?: Record<string, string | null>;
}

const CLOCK = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
// A short name that starts with a capital: "Interviewer", "DCS", "R1", "Dr. Ní Bhriain", "Speaker 2".
const NAME = String.raw`\p{Lu}[\p{L}\p{M}\p{N} .'’-]{0,29}?`;
// An optional clock time before the label: "[00:01:23] DCS: …", "00:01:23 DCS: …".
const LEAD = String.raw`(?:[[(]?(?<lead>${CLOCK})[\])]?[ \t]+)?`;

const BUILT_IN_LABELS = [
  // [Name] text
  new RegExp(String.raw`${LEAD}\[(?<speaker>${NAME})\]:?[ \t]+(?=\S)`, 'uy'),
  // Name (00:01:23): text — or the label alone on its line, as transcription services write it
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME})[ \t]*[([](?<time>${CLOCK})[)\]]:(?:[ \t]+|$)`, 'uy'),
  // Name: text
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME}):(?:[ \t]+|$)`, 'uy'),
  // Name<TAB>text (Word transcripts with a hanging indent)
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME})\t+(?=\S)`, 'uy'),
];

function matchWith(re: RegExp, text: string): LabelMatch | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  const label = (m?.groups?.speaker ?? m?.[1])?.trim();
  if (!m || !label || m[0].length === 0) return null;
  return { label, length: m[0].length, timeMs: parseClock(m.groups?.time ?? m.groups?.lead) };
}

/** The built-in speaker labels, or the user's own pattern (checked here, so a bad one fails with a clear message). */
export function speakerMatcher(pattern?: string): SpeakerMatcher {
  if (pattern === undefined) return (text) => BUILT_IN_LABELS.reduce<LabelMatch | null>((found, re) => found ?? matchWith(re, text), null);
  const problem = speakerPatternProblem(pattern);
  if (problem) throw new DataError('invalid', problem);
  const re = new RegExp(pattern, 'uy');
  return (text) => matchWith(re, text);
}

/** Line breaks of any platform (and form feeds, Unicode separators) end a line. */
export const splitLines = (text: string): string[] => text.split(/\r\n|[\n\r\f\v\u2028\u2029]/);

const words = (label: string) => label.split(/\s+/).length;

interface Item extends Block {
  match: LabelMatch | null;
}

function trimBlock(block: Block): Block | null {
  const text = block.text.replace(/\s+$/u, '');
  if (text.trim().length === 0) return null;
  const marks = block.marks
    ?.map((m) => ({ ...m, end: Math.min(m.end, text.length) }))
    .filter((m) => m.end > m.start && (m.bold || m.italic));
  return { ...block, text, marks };
}

/** Joins a label standing alone on its line ("Interviewer (00:00:01):") to the speech on the next line. */
function joinBareLabels(items: Item[], speakerOf: (label: string) => string | null): Item[] {
  const joined: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1];
    const bare = item.match && item.match.length >= item.text.length && speakerOf(item.match.label) !== null;
    if (bare && next && !next.heading && !(next.match && speakerOf(next.match.label) !== null)) {
      const shift = item.text.length + 1;
      joined.push({
        ...item,
        text: `${item.text} ${next.text}`,
        marks: [...(item.marks ?? []), ...(next.marks ?? []).map((m) => ({ ...m, start: m.start + shift, end: m.end + shift }))],
        match: { ...item.match!, length: shift },
        timeMs: item.timeMs ?? next.timeMs,
      });
      i++;
    } else joined.push(item);
  }
  return joined;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * The canonical transcript of a document's blocks. A paragraph that starts with a label accepted as a
 * speaker opens that speaker's turn; paragraphs without one continue it, headings end it. By default a
 * label is a speaker when it has at most three words or starts at least two paragraphs.
 */
export function buildTranscript(blocks: Block[], matcher: SpeakerMatcher, options: SpeakerOptions = {}): ParsedTranscript {
  const trimmed = blocks.map(trimBlock).filter((b): b is Block => b !== null);
  const items: Item[] = trimmed.map((b) => ({ ...b, match: b.heading ? null : (b.label ?? matcher(b.text)) }));

  const turns = new Map<string, number>();
  for (const { match } of items) if (match) turns.set(match.label, (turns.get(match.label) ?? 0) + 1);
  const speakerOf = (label: string): string | null => {
    if (options.speakers && Object.hasOwn(options.speakers, label)) return options.speakers[label]?.trim() || null;
    return words(label) <= 3 || turns.get(label)! >= 2 ? label : null;
  };

  const paragraphs: ParsedTranscript['paragraphs'] = [];
  const formatting: Formatting = { headings: [], bold: [], italic: [] };
  const texts: string[] = [];
  let offset = 0;
  let current: string | null = null;
  for (const item of joinBareLabels(items, speakerOf)) {
    const length = codePointLength(item.text);
    // Most text has no surrogate pairs: then UTF-16 indexes are code points already.
    const toCodePoint = length === item.text.length ? (i: number) => i : (i: number) => utf16ToCodePoint(item.text, i);
    const speaker = item.match ? speakerOf(item.match.label) : null;
    if (item.heading) current = null;
    else if (speaker !== null) current = speaker;
    paragraphs.push({
      start: offset,
      end: offset + length,
      bodyStart: offset + (speaker !== null ? toCodePoint(item.match!.length) : 0),
      speaker: current,
      timeMs: (speaker !== null ? item.match!.timeMs : null) ?? item.timeMs ?? null,
    });
    if (item.heading) formatting.headings.push({ n: paragraphs.length, level: item.heading });
    for (const mark of item.marks ?? []) {
      const range: [number, number] = [offset + toCodePoint(mark.start), offset + toCodePoint(mark.end)];
      if (mark.bold) formatting.bold.push([...range]);
      if (mark.italic) formatting.italic.push([...range]);
    }
    texts.push(item.text);
    offset += length + 1;
  }
  formatting.bold = mergeRanges(formatting.bold);
  formatting.italic = mergeRanges(formatting.italic);
  const hasFormatting = formatting.headings.length + formatting.bold.length + formatting.italic.length > 0;
  return {
    text: texts.join('\n'),
    paragraphs,
    formatting: hasFormatting ? formatting : null,
    speakers: [...turns].map(([label, count]) => ({ label, turns: count, speaker: speakerOf(label) })),
  };
}

/** Plain text: one paragraph per non-empty line. */
export function parsePlainTranscript(raw: string, options: SpeakerOptions = {}): ParsedTranscript {
  const lines = splitLines(raw.replace(/^\uFEFF/, ''));
  return buildTranscript(
    lines.map((text) => ({ text })),
    speakerMatcher(options.speakerPattern),
    options,
  );
}
