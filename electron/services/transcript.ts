import type { Paragraph } from '../../db/queries/documents';
import { codePointLength } from '../../db/offsets';

export interface ParsedTranscript {
  text: string;
  paragraphs: Omit<Paragraph, 'n'>[];
}

// "Interviewer: …", "DCS: …", "R1: …": a short label of letters, digits, spaces or dots before a colon.
const SPEAKER_LABEL = /^([A-Z][\p{L}\p{N} .'-]{0,30}?):[ \t]+/u;

/**
 * Turns plain text into the canonical form segment offsets point into: one paragraph per non-empty
 * line, trailing spaces removed, joined by "\n". Speaker labels stay in the text; body_start marks
 * where the speech begins.
 */
export function parsePlainTranscript(raw: string): ParsedTranscript {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/u, ''))
    .filter((l) => l.trim().length > 0);
  const paragraphs: ParsedTranscript['paragraphs'] = [];
  let offset = 0;
  for (const line of lines) {
    const length = codePointLength(line);
    const label = SPEAKER_LABEL.exec(line);
    paragraphs.push({
      start: offset,
      end: offset + length,
      bodyStart: offset + (label ? codePointLength(label[0]) : 0),
      speaker: label ? label[1]!.trim() : null,
      timeMs: null,
    });
    offset += length + 1;
  }
  return { text: lines.join('\n'), paragraphs };
}
