// What a screen reader says about the codings: at the caret (Alt+Shift+K) and, as the stripes' text
// equivalent, for every coding in the painted part of the transcript.
import type { CodeInfo } from './codebook-index';

interface Coding {
  start: number;
  end: number;
  codeIds: number[];
  coderId: number;
}
interface Named {
  id: number;
  name: string;
}

/** "coded with Duty to cooperate, Local, by A" */
export function codingSaid(coding: Coding, codes: ReadonlyMap<number, Pick<CodeInfo, 'name'>>, coders: readonly Named[]): string {
  const names = coding.codeIds.map((id) => codes.get(id)?.name ?? 'an unknown code');
  const coder = coders.find((c) => c.id === coding.coderId)?.name ?? 'an unknown coder';
  return `coded with ${names.length ? names.join(', ') : 'no code'}, by ${coder}`;
}

/** The announcement for the codings covering a caret offset (code points), in the order given. */
export function codingsAtCaretSaid(
  codings: readonly Coding[],
  offset: number,
  codes: ReadonlyMap<number, Pick<CodeInfo, 'name'>>,
  coders: readonly Named[],
): string {
  const here = codings.filter((c) => c.start <= offset && offset < c.end);
  if (here.length === 0) return 'Not coded at the caret';
  const said = here.map((c) => codingSaid(c, codes, coders)).join('; ');
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/** "¶3" or "¶3–5": the paragraphs a coding lies in. */
export function paragraphsOf(coding: Coding, paragraphs: readonly { n: number; start: number; end: number }[]): string {
  const first = paragraphs.find((p) => coding.start < p.end) ?? paragraphs[0];
  const last = [...paragraphs].reverse().find((p) => p.start < coding.end) ?? first;
  if (!first || !last) return '';
  return first.n === last.n ? `¶${first.n}` : `¶${first.n}–${last.n}`;
}
