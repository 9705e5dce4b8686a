import { useState } from 'react';
import { sliceCodePoints } from '../../shared/offsets';
import { perfMark } from '../common/perf';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import type { Span } from './selection';

interface Props {
  /** The text the span is in, as it was when the fix was asked for. */
  text: string;
  span: Span;
  /** The words typed before, when the dialog is open again because the host refused them. */
  typed?: string;
  /** Why the host refused them. */
  error?: string;
  /** Sends the replacement: the view shows it at once and closes the dialog; it opens again if refused. */
  onFix(text: string): void;
  onClose(): void;
}

const CONTEXT = 30;

/** Replaces the selected words (or types at the caret) in the transcript; codings follow the text. */
export function FixTextDialog({ text, span, typed, error, onFix, onClose }: Props) {
  const original = sliceCodePoints(text, span.start, span.end);
  const [value, setValue] = useState(typed ?? original);
  const before = sliceCodePoints(text, Math.max(0, span.start - CONTEXT), span.start)
    .split('\n')
    .at(-1);
  const after = sliceCodePoints(text, span.end, span.end + CONTEXT).split('\n')[0];

  const apply = () => {
    if (value === original) return onClose();
    perfMark('edit');
    onFix(value);
  };

  return (
    <Dialog
      title={span.start === span.end ? 'Insert text' : 'Fix text'}
      onClose={onClose}
      footer={<DialogActions action="Replace" busy={false} form="fix-text-form" onCancel={onClose} />}
    >
      <form
        id="fix-text-form"
        className="fix-text"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <p className="fix-text-context" aria-label="Where">
          …{before}
          <mark>{original || '‸'}</mark>
          {after}…
        </p>
        <label>
          {span.start === span.end ? 'Text to insert' : 'Replace with'}
          <input autoFocus value={value} onChange={(e) => setValue(e.target.value)} spellCheck />
        </label>
        <p className="hint">Codings that cover these words keep them; Enter replaces, Escape cancels. Undo restores the text.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
