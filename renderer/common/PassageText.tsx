import type { ResultOf } from '../../electron/api/methods';

type Passage = ResultOf<'codes.segments'>[number];

/** A coded passage as lists show it: its text (three lines at most), where it comes from and who coded it
 * (a passage two coders coded appears twice, told apart by its coder). */
export function PassageText({ passage }: { passage: Passage }) {
  return (
    <>
      <span className="passage-text">{passage.text}</span>
      <span className="passage-source">
        {passage.document} · coder {passage.coder}
      </span>
    </>
  );
}
