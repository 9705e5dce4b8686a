// Grows a hit to the passage auto-coding codes: the word, the sentence, the paragraph or the speaker's
// turn. Offsets are code points of the document text; a passage stays inside paragraph bodies, so it
// never takes in a speaker label.
import type { Paragraph } from '../../../db/queries/documents';

export const EXPANSIONS = ['hit', 'word', 'sentence', 'paragraph', 'turn'] as const;
export type Expansion = (typeof EXPANSIONS)[number];

const WORD = /[\p{L}\p{N}\p{M}_'’-]/u;
const SPACE = /\s/u;
const TERMINATOR = new Set(['.', '!', '?', '…']);
const CLOSER = new Set(['"', "'", '”', '’', ')', ']', '»']);
const LOWER = /\p{Ll}/u;

// A full stop after one of these (or after an initial, or inside "e.g.") ends no sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'rev',
  'hon',
  'cllr',
  'vs',
  'cf',
  'no',
  'nos',
  'fig',
  'approx',
  'ca',
  'dept',
  'inc',
  'ltd',
  'co',
  'esp',
  'incl',
  'al',
]);

function isAbbreviation(cps: string[], dot: number, from: number): boolean {
  let k = dot;
  while (k > from && !SPACE.test(cps[k - 1]!)) k--;
  const word = cps
    .slice(k, dot)
    .join('')
    .replace(/^[("'“‘[]+/u, '')
    .toLowerCase();
  if (word.length === 0) return false;
  if (word.includes('.')) return true; // e.g, i.e, U.K
  if ([...word].length === 1 && /\p{L}/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/** The sentences of text [from, to) as code-point ranges, without the white space between them. */
export function sentences(cps: string[], from: number, to: number): [number, number][] {
  const found: [number, number][] = [];
  let start = from;
  while (start < to && SPACE.test(cps[start]!)) start++;
  for (let j = start; j < to; j++) {
    if (!TERMINATOR.has(cps[j]!)) continue;
    let k = j + 1;
    while (k < to && (TERMINATOR.has(cps[k]!) || CLOSER.has(cps[k]!))) k++;
    if (k < to && !SPACE.test(cps[k]!)) continue;
    let next = k;
    while (next < to && SPACE.test(cps[next]!)) next++;
    if (next < to && LOWER.test(cps[next]!)) continue; // "…, e.g. the CAF" or "Dr. who" read on
    if (cps[j] === '.' && k === j + 1 && next < to && isAbbreviation(cps, j, start)) continue;
    found.push([start, k]);
    start = next;
    j = next - 1;
  }
  if (start < to) {
    let end = to;
    while (end > start && SPACE.test(cps[end - 1]!)) end--;
    if (end > start) found.push([start, end]);
  }
  return found;
}

/** A speaker's turn: the paragraph and the ones around it that continue it without a label of their own. */
export function turnOf(paragraphs: Paragraph[], index: number): [number, number] {
  const continues = (i: number) =>
    paragraphs[i]!.bodyStart === paragraphs[i]!.start &&
    (paragraphs[i]!.speaker === null || paragraphs[i]!.speaker === paragraphs[i - 1]!.speaker);
  let first = index;
  while (first > 0 && continues(first)) first--;
  let last = index;
  while (last + 1 < paragraphs.length && continues(last + 1)) last++;
  return [paragraphs[first]!.bodyStart, paragraphs[last]!.end];
}

/** The passage to code for a hit [start, end) inside paragraph `index` of a document (cps: its code points). */
export function expandHit(
  cps: string[],
  paragraphs: Paragraph[],
  index: number,
  start: number,
  end: number,
  how: Expansion,
): [number, number] {
  const p = paragraphs[index]!;
  switch (how) {
    case 'hit':
      return [start, end];
    case 'word': {
      let s = start;
      while (s > p.bodyStart && WORD.test(cps[s - 1]!)) s--;
      let e = end;
      while (e < p.end && WORD.test(cps[e]!)) e++;
      return [s, e];
    }
    case 'sentence': {
      const all = sentences(cps, p.bodyStart, p.end);
      const touched = all.filter(([s, e]) => s < end && start < e);
      return touched.length ? [Math.min(start, touched[0]![0]), Math.max(end, touched.at(-1)![1])] : [start, end];
    }
    case 'paragraph':
      return [p.bodyStart, p.end];
    case 'turn':
      return turnOf(paragraphs, index);
  }
}
