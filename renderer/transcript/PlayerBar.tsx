import { useState } from 'react';
import { call } from '../common/api';
import { clock, SPEEDS, type RecordingPlayer } from './use-recording';

const STATE_SAID = {
  ok: '',
  changed:
    'The file at this path has changed since it was linked (another size or date), so it is not played: link it again if it is the right recording.',
  missing: 'The linked file is not there any more (moved, renamed or on a drive that is not connected): link it again where it is now.',
} as const;

/** The recording linked to the open document: the audio, its controls and the transcription keys' buttons. */
export function PlayerBar({
  player,
  documentId,
  src,
  onError,
}: {
  player: RecordingPlayer;
  documentId: number;
  src: string;
  onError(e: Error): void;
}) {
  const { recording, audioRef, playing, seconds, speed } = player;
  const [duration, setDuration] = useState(0);
  if (!recording) return null;
  const heard = player.current;
  return (
    <section className="player-bar" aria-label="Recording">
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        onPlay={player.onAudioEvent}
        onPause={player.onAudioEvent}
        onTimeUpdate={player.onAudioEvent}
        onSeeked={player.onAudioEvent}
        onLoadedMetadata={(e) => {
          setDuration(e.currentTarget.duration);
          e.currentTarget.playbackRate = speed;
          player.onAudioEvent();
        }}
      />
      <button type="button" className="player-play" onClick={player.toggle} aria-keyshortcuts="Alt+P">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={player.back} aria-keyshortcuts="Alt+B">
        Back 5 s
      </button>
      <input
        type="range"
        className="player-position"
        aria-label="Position in the recording"
        aria-valuetext={clock(seconds)}
        min={0}
        max={Number.isFinite(duration) ? duration : 0}
        step={0.1}
        value={seconds}
        onChange={(e) => {
          if (audioRef.current) audioRef.current.currentTime = Number(e.target.value);
        }}
      />
      <span className="player-clock" aria-hidden="true">
        {clock(seconds)} / {clock(Number.isFinite(duration) ? duration : 0)}
      </span>
      <label className="player-speed">
        Speed
        <select value={speed} onChange={(e) => player.setSpeed(Number(e.target.value))} aria-keyshortcuts="Alt+S Alt+N">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-keyshortcuts="Alt+T"
        title="Set the time of the turn holding the caret (Alt+T)"
        onClick={() => {
          const p = player.caretTurn() ?? heard;
          if (p) player.stamp(p);
        }}
      >
        Set turn time
      </button>
      <span className="player-file" title={recording.path}>
        {recording.fileName}
        {heard && <span className="player-heard"> · ¶{heard.n}</span>}
      </span>
      <button type="button" className="link-button" onClick={() => call('documents.unlinkMedia', { id: documentId }).catch(onError)}>
        Unlink
      </button>
      {recording.state !== 'ok' && (
        <p className="player-problem" role="status">
          {STATE_SAID[recording.state]}
        </p>
      )}
    </section>
  );
}
