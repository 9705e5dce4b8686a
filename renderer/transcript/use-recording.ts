// The document's linked recording as a player: play a turn from its time, mark and follow the turn being
// heard, and the transcription keys (Alt+P play/pause, Alt+B back 5 s, Alt+S slower, Alt+N normal speed,
// Alt+R play the caret's turn, Alt+T set the caret's turn to the playing time).
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import { useQuery } from '../common/use-query';
import type { MountedTranscript } from './use-transcript-mount';

type Paragraph = ResultOf<'documents.get'>['paragraphs'][number];
export type Recording = NonNullable<ResultOf<'documents.media'>>;

/** The speeds Alt+S steps down through; Alt+N goes back to 1. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5] as const;
const SKIP_BACK_S = 5;

/** `1:02:03.4` or `2:03.4`: a player's clock, to the tenth of a second. */
export function clock(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10));
  const s = Math.floor(tenths / 10);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, String(s % 60).padStart(2, '0')];
  return `${h ? `${h}:${String(m).padStart(2, '0')}` : m}:${sec}.${tenths % 10}`;
}

/** The timed turn being heard at `ms`: the last one starting at or before it. */
export function turnAt(timed: Paragraph[], ms: number): Paragraph | undefined {
  let found: Paragraph | undefined;
  for (const p of timed) {
    if (p.timeMs! <= ms) found = p;
    else break;
  }
  return found;
}

/** The paragraph holding the text caret (or a selection's focus), if it is in this transcript. */
function caretTurn(mounted: MountedTranscript | null): Paragraph | undefined {
  const selection = window.getSelection();
  if (!mounted || !selection?.focusNode) return undefined;
  const offset = mounted.doc.fromDom(selection.focusNode, selection.focusOffset);
  return offset === null ? undefined : mounted.doc.paragraphAt(offset);
}

export interface RecordingPlayer {
  recording: Recording | null;
  audioRef: RefObject<HTMLAudioElement | null>;
  playing: boolean;
  seconds: number;
  speed: number;
  setSpeed(speed: number): void;
  /** The turn being heard (marked in the text and followed while playing). */
  current: Paragraph | undefined;
  toggle(): void;
  back(): void;
  playTurn(p: Paragraph): void;
  /** Sets a turn's time to the playing position (one undo step). */
  stamp(p: Paragraph): void;
  caretTurn(): Paragraph | undefined;
  onAudioEvent(): void;
}

export function useRecording(
  documentId: number | null,
  data: ResultOf<'documents.get'> | undefined,
  mounted: MountedTranscript | null,
  onError: (error: Error) => void,
): RecordingPlayer {
  const query = useQuery('documents.media', documentId === null ? null : { id: documentId }, ['documents-changed']);
  const recording = query.data && query.data.documentId === documentId ? query.data : null;
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [speed, setSpeedState] = useState(1);

  const timed = useMemo(() => (data?.paragraphs ?? []).filter((p) => p.timeMs !== null).sort((a, b) => a.timeMs! - b.timeMs!), [data]);
  const current = recording ? turnAt(timed, seconds * 1000) : undefined;

  const onAudioEvent = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    setPlaying(!audio.paused);
    setSeconds(audio.currentTime);
  }, []);

  const setSpeed = useCallback((value: number) => {
    setSpeedState(value);
    if (audioRef.current) audioRef.current.playbackRate = value;
  }, []);

  const play = useCallback(
    (audio: HTMLAudioElement) => audio.play().catch((e: Error) => onError(new Error(`The recording could not be played: ${e.message}`))),
    [onError],
  );
  const toggle = useCallback(() => {
    const audio = audioRef.current;
    if (audio) void (audio.paused ? play(audio) : audio.pause());
  }, [play]);
  const back = useCallback(() => {
    const audio = audioRef.current;
    if (audio) audio.currentTime = Math.max(0, audio.currentTime - SKIP_BACK_S);
  }, []);
  const playTurn = useCallback(
    (p: Paragraph) => {
      const audio = audioRef.current;
      if (!audio || p.timeMs === null) return;
      audio.currentTime = p.timeMs / 1000;
      void play(audio);
    },
    [play],
  );
  const stamp = useCallback(
    (p: Paragraph) => {
      if (documentId === null || !audioRef.current) return;
      const timeMs = Math.round(audioRef.current.currentTime * 1000);
      call('documents.setTime', { id: documentId, n: p.n, timeMs }).then(
        () => announce(`¶${p.n} now starts at ${clock(timeMs / 1000)}.`),
        onError,
      );
    },
    [documentId, onError],
  );

  // Mark the turn being heard, and keep it on screen while playing.
  useEffect(() => {
    if (!mounted || !current) return;
    const turn = mounted.doc.turnElementAt(current.start);
    if (!turn) return;
    turn.classList.add('turn-playing');
    turn.setAttribute('aria-current', 'true');
    return () => {
      turn.classList.remove('turn-playing');
      turn.removeAttribute('aria-current');
    };
  }, [mounted, current]);
  useEffect(() => {
    if (!mounted || !current || !playing) return;
    mounted.doc.turnElementAt(current.start)?.scrollIntoView({ block: 'nearest' });
  }, [mounted, current, playing]);

  // The transcription keys work anywhere in the workspace (but in text fields) while the document has a recording.
  useEffect(() => {
    if (!recording) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // Where text is typed, Alt+letter may type a character (macOS): leave it to the field.
      if (e.target instanceof Element && e.target.closest('textarea, input[type="text"], input[type="search"]')) return;
      const turn = () => {
        const p = caretTurn(mounted);
        if (!p) announce('Put the caret in a turn first.');
        return p;
      };
      const actions: Record<string, () => void> = {
        KeyP: toggle,
        KeyB: back,
        KeyS: () => setSpeed(SPEEDS.findLast((s) => s < speed) ?? SPEEDS[0]),
        KeyN: () => setSpeed(1),
        KeyR: () => {
          const p = turn();
          if (p && p.timeMs === null) announce(`¶${p.n} has no time yet: set it with Alt+T.`);
          else if (p) playTurn(p);
        },
        KeyT: () => {
          const p = turn();
          if (p) stamp(p);
        },
      };
      const action = actions[e.code];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [recording, mounted, toggle, back, setSpeed, speed, playTurn, stamp]);

  return {
    recording,
    audioRef,
    playing,
    seconds,
    speed,
    setSpeed,
    current,
    toggle,
    back,
    playTurn,
    stamp,
    caretTurn: () => caretTurn(mounted),
    onAudioEvent,
  };
}
