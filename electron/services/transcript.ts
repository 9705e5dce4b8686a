// From paragraphs, as any format reader hands them over, to the canonical form segment offsets point
// into: non-empty paragraphs without trailing white space, joined by "\n". Speaker labels stay in the
// text; body_start marks where the speech begins. Formatting is kept beside the text, never in it.
import { DataError } from '../../db/errors';
import { codePointLength, utf16ToCodePoint } from '../../shared/offsets';
import type { Formatting, Paragraph } from '../../db/queries/documents';
import { speakerPatternProblem } from '../../shared/speaker-pattern';
import { boundedRegex } from './bounded-regex';
import { parseClock } from './timecode';

/** A speaker label at the start of a paragraph: who, how long the label is (UTF-16 units), and its time if it carries one. */
export interface LabelMatch {
  label: string;
  length: number;
  timeMs: number | null;
}

/** A paragraph's speaker label, if any; `prime` (a person's own pattern only) matches many texts in one timed batch. */
export type SpeakerMatcher = ((text: string) => LabelMatch | null) & { prime?: (texts: string[]) => void };

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
  /** The format marks the label as a speaker's (a WebVTT voice tag): it is one whatever the rules say. */
  voice?: boolean;
}

/**
 * Why a label is, or is not, taken for a speaker. Speakers: `voice` (a WebVTT voice tag), `recurring` (it
 * starts two paragraphs or more), `name` (once, one word or a short name with every word capitalised).
 * Not speakers: `heading` (once, alone on its line, where other labels sit before their speech: a heading or
 * a lead-in), `long` (once, more than three words), `phrase` (once, with a word in lower case: "Next time"),
 * `rare` (once, several words, in a text where fewer than one paragraph in ten starts with a label: "Ninja
 * Art" in subtitles). `chosen`: the person decided.
 */
export type SpeakerRule = 'voice' | 'recurring' | 'name' | 'heading' | 'long' | 'phrase' | 'rare' | 'chosen';

const SPEAKER_BY_RULE: Record<Exclude<SpeakerRule, 'chosen'>, boolean> = {
  voice: true,
  recurring: true,
  name: true,
  heading: false,
  long: false,
  phrase: false,
  rare: false,
};

/** A label found in the text, how many paragraphs start with it, the speaker it stands for (null: not a speaker), and the rule that decided. */
export interface SpeakerLabel {
  label: string;
  turns: number;
  speaker: string | null;
  rule: SpeakerRule;
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
// In brackets a label may also be an identifier with a digit in it, as QualCoder writes them: "[id1]", "[spk_0]".
const BRACKET_NAME = String.raw`${NAME}|(?=[\p{L}\p{N}_-]*\p{N})[\p{L}\p{N}_-]{1,30}`;
// An optional clock time before the label: "[00:01:23] DCS: …", "00:01:23 DCS: …".
const LEAD = String.raw`(?:[[(]?(?<lead>${CLOCK})[\])]?[ \t]+)?`;

const BUILT_IN_LABELS = [
  // [Name] text
  new RegExp(String.raw`${LEAD}\[(?<speaker>${BRACKET_NAME})\]:?[ \t]+(?=\S)`, 'uy'),
  // Name (00:01:23): text — or the label alone on its line, as transcription services write it
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME})[ \t]*[([](?<time>${CLOCK})[)\]]:(?:[ \t]+|$)`, 'uy'),
  // Name: text
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME}):(?:[ \t]+|$)`, 'uy'),
  // Name<TAB>text (Word transcripts with a hanging indent)
  new RegExp(String.raw`${LEAD}(?<speaker>${NAME})\t+(?=\S)`, 'uy'),
];

function labelOf(m: RegExpExecArray | null): LabelMatch | null {
  const label = (m?.groups?.speaker ?? m?.[1])?.trim();
  if (!m || !label || m[0].length === 0) return null;
  return { label, length: m[0].length, timeMs: parseClock(m.groups?.time ?? m.groups?.lead) };
}

/** The built-in speaker labels, or the user's own pattern (checked here, so a bad one fails with a clear message). */
export function speakerMatcher(pattern?: string): SpeakerMatcher {
  if (pattern === undefined) {
    // The built-in patterns are ours and bounded ({0,29}), so they run directly.
    const matchWith = (re: RegExp, text: string) => {
      re.lastIndex = 0;
      return labelOf(re.exec(text));
    };
    return (text) => BUILT_IN_LABELS.reduce<LabelMatch | null>((found, re) => found ?? matchWith(re, text), null);
  }
  const problem = speakerPatternProblem(pattern);
  if (problem) throw new DataError('invalid', problem);
  const re = boundedRegex(new RegExp(pattern, 'uy'), 'The speaker pattern');
  return Object.assign((text: string) => labelOf(re.exec(text)), { prime: (texts: string[]) => re.prime(texts) });
}

/** Line breaks of any platform (and form feeds, Unicode separators) end a line of plain text. */
export const splitLines = (text: string): string[] => text.split(/\r\n|[\n\r\f\v\u2028\u2029]/);

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
 * speaker opens that speaker's turn; paragraphs without one continue it, headings end it. Which labels are
 * speakers by default, and why, is decided by the rules of `SpeakerRule`.
 */
export function buildTranscript(blocks: Block[], matcher: SpeakerMatcher, options: SpeakerOptions = {}): ParsedTranscript {
  const trimmed = blocks.map(trimBlock).filter((b): b is Block => b !== null);
  matcher.prime?.(trimmed.filter((b) => !b.heading && !b.label).map((b) => b.text));
  const items: Item[] = trimmed.map((b) => ({ ...b, match: b.heading ? null : (b.label ?? matcher(b.text)) }));

  // For each label: its turns, whether it stood alone on its line every time (and had no time there), and whether a voice tag gave it.
  const found = new Map<string, { turns: number; alone: boolean; timed: boolean; voice: boolean }>();
  for (const item of items) {
    if (!item.match) continue;
    const seen = found.get(item.match.label) ?? { turns: 0, alone: true, timed: false, voice: false };
    seen.turns++;
    seen.alone &&= item.match.length >= item.text.length;
    seen.timed ||= item.match.timeMs !== null;
    seen.voice ||= !!item.voice;
    found.set(item.match.label, seen);
  }
  const labelled = [...found.values()].reduce((n, f) => n + f.turns, 0);
  // Where labels stand on lines of their own (as transcription services write them), a lone one is a speaker too.
  const othersAlone = (except: string) => [...found].some(([label, f]) => label !== except && f.alone);
  const ruleOf = (label: string): SpeakerRule => {
    const { turns, alone, timed, voice } = found.get(label)!;
    if (options.speakers && Object.hasOwn(options.speakers, label)) return 'chosen';
    if (voice) return 'voice';
    if (turns >= 2) return 'recurring';
    if (alone && !timed && !othersAlone(label)) return 'heading';
    const parts = label.split(/\s+/);
    if (parts.length > 3) return 'long';
    if (parts.length > 1 && parts.some((w) => /^\p{Ll}/u.test(w))) return 'phrase';
    if (parts.length > 1 && labelled * 10 < items.length) return 'rare';
    return 'name';
  };
  const rules = new Map([...found.keys()].map((label) => [label, ruleOf(label)]));
  const speakerOf = (label: string): string | null => {
    const rule = rules.get(label)!;
    if (rule === 'chosen') return options.speakers![label]?.trim() || null;
    return SPEAKER_BY_RULE[rule] ? label : null;
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
    speakers: [...found].map(([label, { turns }]) => ({ label, turns, speaker: speakerOf(label), rule: rules.get(label)! })),
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
