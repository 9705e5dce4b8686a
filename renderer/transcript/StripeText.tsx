import { useSettled } from '../common/after-paint';
import type { CodeInfo } from './codebook-index';
import { codingSaid, paragraphsOf } from './codings-said';
import type { Segment } from './optimistic-segments';

interface Props {
  codings: Segment[];
  paragraphs: { n: number; start: number; end: number }[];
  codes: ReadonlyMap<number, CodeInfo>;
  coders: { id: number; name: string }[];
}

/** The stripes' text equivalent, for a screen reader: each coding in the painted part of the text, where it is and what it says. */
export function StripeText({ codings: current, paragraphs, codes, coders }: Props) {
  const codings = useSettled(current);
  return (
    <ul className="visually-hidden" aria-label="Codings in this part of the transcript">
      {codings.map((c) => (
        <li key={c.id}>
          {paragraphsOf(c, paragraphs)}: {codingSaid(c, codes, coders)}
        </li>
      ))}
    </ul>
  );
}
