// WebVTT and SubRip captions (Zoom, Teams, transcription services): cues merged into speaker turns.
// A turn keeps the start time of its first cue; `<v Name>` voice tags and "Name:" prefixes name speakers.
import { parseClock } from '../timecode';
import type { Block, LabelMatch, SpeakerMatcher } from '../transcript';
import { splitLines } from '../transcript';
import { FileProblem } from './file-problem';

export type CaptionFormat = 'vtt' | 'srt';

interface Cue {
  startMs: number;
  voice: string | null;
  text: string;
}

// WebVTT: [hh:]mm:ss.ttt; SubRip: hh:mm:ss,ttt (a dot is tolerated, as many tools write one).
const TIMESTAMP = { vtt: /^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}$/, srt: /^\d{1,3}:\d{2}:\d{2}[,.]\d{3}$/ };
const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Groups lines into blank-line separated blocks, remembering each line's number. */
function paragraphsOf(source: string): { line: number; text: string }[][] {
  const groups: { line: number; text: string }[][] = [[]];
  splitLines(source).forEach((text, i) => {
    if (text.trim() === '') groups.push([]);
    else groups.at(-1)!.push({ line: i + 1, text });
  });
  return groups.filter((g) => g.length > 0);
}

function readCues(source: string, format: CaptionFormat): Cue[] {
  const groups = paragraphsOf(source.replace(/^\uFEFF/, ''));
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t]|$)/.test(groups[0]?.[0]?.text ?? ''))
      throw new FileProblem('is not a WebVTT file: it does not start with "WEBVTT"');
    groups.shift();
  }
  const cues: Cue[] = [];
  for (const group of groups) {
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(group[0]!.text)) continue;
    const timingAt = group.findIndex((l) => l.text.includes('-->'));
    // A cue may start with an identifier (SubRip's counter): the timing is its first or second line.
    if (timingAt < 0 || timingAt > 1) {
      const { line, text } = group[Math.min(1, group.length - 1)]!;
      throw new FileProblem(`has no cue timing on line ${line} where one was expected ("${text.slice(0, 60)}")`);
    }
    const timing = group[timingAt]!;
    const m = TIMING.exec(timing.text);
    const [start, end] =
      m && TIMESTAMP[format].test(m[1]!) && TIMESTAMP[format].test(m[2]!) ? [parseClock(m[1]), parseClock(m[2])] : [null, null];
    if (start === null || end === null) {
      throw new FileProblem(`has a broken cue timing on line ${timing.line}: "${timing.text.slice(0, 80)}"`);
    }
    if (end < start) throw new FileProblem(`has a cue that ends before it starts on line ${timing.line}: "${timing.text.slice(0, 80)}"`);
    const raw = group
      .slice(timingAt + 1)
      .map((l) => l.text.trim())
      .join(' ');
    const voice = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(raw)?.[1]?.trim() ?? null;
    const text = decodeEntities(raw.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) cues.push({ startMs: start, voice, text });
  }
  if (cues.length === 0) throw new FileProblem('holds no captions');
  return cues;
}

/** Blocks of a caption file: consecutive cues of one speaker form one turn, labelled "Name: " once. */
export function captionBlocks(source: string, format: CaptionFormat, matcher: SpeakerMatcher): Block[] {
  const blocks: (Block & { speaker: string | null })[] = [];
  for (const cue of readCues(source, format)) {
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
    });
  }
  return blocks.map(({ speaker: _speaker, ...block }) => block);
}
