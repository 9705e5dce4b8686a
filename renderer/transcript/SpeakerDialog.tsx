import { useState } from 'react';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import type { ViewerParagraph } from './lexical-document';

interface Props {
  documentId: number;
  turn: ViewerParagraph;
  /** The document's speakers, in the order they first speak. */
  speakers: string[];
  /** `said`: what changed, to be said once the text is back; null when cancelled. */
  onClose(said: string | null): void;
}

const NEW = '';
/** The choice of no speaker at all: the label removed. */
const NONE = null;

/** Gives a turn another speaker: one of the document's, a name typed in, or none (its label removed). */
export function SpeakerDialog({ documentId, turn, speakers, onClose }: Props) {
  const others = speakers.filter((s) => s !== turn.speaker);
  const removable = turn.speaker !== null || turn.bodyStart > turn.start;
  const [choice, setChoice] = useState<string | typeof NONE>(others[0] ?? NEW);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const speaker = choice === NEW ? name.trim() : choice;

  const apply = async () => {
    if (speaker === '') return setError('Choose a speaker or type a name.');
    setBusy(true);
    try {
      await call('documents.setSpeaker', { documentId, n: turn.n, speaker });
      onClose(
        speaker === NONE
          ? `Turn ${turn.n} has no speaker now; codings on its words kept.`
          : `Turn ${turn.n} is ${speaker}’s now; codings kept.`,
      );
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Change speaker"
      onClose={() => onClose(null)}
      busy={busy}
      footer={<DialogActions action="Change" busy={busy} form="speaker-form" onCancel={() => onClose(null)} />}
    >
      <form
        id="speaker-form"
        className="speaker-form"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <fieldset>
          <legend>
            Speaker of turn {turn.n} (now {turn.speaker ?? 'nobody'})
          </legend>
          {others.map((s, i) => (
            <label key={s}>
              <input type="radio" name="speaker" autoFocus={i === 0} checked={choice === s} onChange={() => setChoice(s)} /> {s}
            </label>
          ))}
          <label>
            <input type="radio" name="speaker" checked={choice === NEW} onChange={() => setChoice(NEW)} /> Another name
          </label>
          <input
            type="text"
            aria-label="Another name"
            autoFocus={others.length === 0}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setChoice(NEW);
            }}
          />
          {removable && (
            <label>
              <input type="radio" name="speaker" checked={choice === NONE} onChange={() => setChoice(NONE)} /> No speaker (remove the label)
            </label>
          )}
        </fieldset>
        <p className="hint">
          The name in the turn’s label changes with it (no speaker removes the label, and a coding wholly inside it); codings keep their
          words, and the unlabelled paragraphs that continue the turn follow it. Undo restores it.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
