import type { ResultOf } from '../../electron/api/methods';

type Passage = ResultOf<'codes.segments'>[number];

/** A coded passage as lists show it: its text (three lines at most) and where it comes from. */
export function PassageText({ passage }: { passage: Passage }) {
  return (
    <>
      <span className="passage-text">{passage.text}</span>
      <span className="passage-source">
        {passage.document} · {passage.coder}
      </span>
    </>
  );
}
