import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { clock, type RecordingPlayer } from './use-recording';
import type { MountedTranscript } from './use-transcript-mount';

type Paragraph = ResultOf<'documents.get'>['paragraphs'][number];

/**
 * The play control of a turn, beside the turn under the pointer (else the one being heard): play it from
 * its time, or set its time to the playing position. One control that moves, rather than one per turn, so a
 * long transcript keeps one tab stop; the keys Alt+R and Alt+T do the same for the caret's turn.
 */
export function TurnPlayControl({
  player,
  turn,
  mounted,
  pageRef,
}: {
  player: RecordingPlayer;
  turn: Paragraph | undefined;
  mounted: MountedTranscript | null;
  pageRef: RefObject<HTMLDivElement | null>;
}) {
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = turn && mounted?.doc.turnElementAt(turn.start);
    const page = pageRef.current;
    setTop(element && page ? element.getBoundingClientRect().top - page.getBoundingClientRect().top : null);
  }, [turn, mounted, pageRef]);
  if (!turn || top === null || !player.recording) return null;
  const time = turn.timeMs === null ? null : clock(turn.timeMs / 1000);
  return (
    <div className="turn-play" style={{ top }} role="group" aria-label={`Turn ¶${turn.n}`}>
      {time !== null && (
        <button
          type="button"
          className="icon-button"
          aria-label={`Play ¶${turn.n} from ${time}`}
          title={`Play from ${time}`}
          aria-current={player.current?.n === turn.n && player.playing ? 'true' : undefined}
          onClick={() => player.playTurn(turn)}
        >
          ▶
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={`Set ¶${turn.n}'s time to ${clock(player.seconds)}`}
        title={`Set this turn's time to the playing position (${clock(player.seconds)})`}
        onClick={() => player.stamp(turn)}
      >
        Set
      </button>
    </div>
  );
}
