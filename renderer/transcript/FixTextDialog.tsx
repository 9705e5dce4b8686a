import { useState } from 'react';
import { sliceCodePoints } from '../../shared/offsets';
import { perfMark } from '../common/perf';
import { announce } from '../common/LiveRegion';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import type { Span } from './selection';

interface Props {
  text: string;
  span: Span;
  /** Stores the replacement (the view shows it at once, before the answer); rejects when it was refused. */
  onFix(text: string): Promise<{ removed: unknown[] }>;
  /** `replacement`: the words now in the span's place, when they were replaced. */
  onClose(replacement?: string): void;
}

const CONTEXT = 30;

/** Replaces the selected words (or types at the caret) in the transcript; codings follow the text. */
export function FixTextDialog({ text: current, span, onFix, onClose }: Props) {
  // The text as it was when the dialog opened: the view shows the fix behind it before it closes.
  const [text] = useState(current);
  const original = sliceCodePoints(text, span.start, span.end);
  const [value, setValue] = useState(original);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const before = sliceCodePoints(text, Math.max(0, span.start - CONTEXT), span.start)
    .split('\n')
    .at(-1);
  const after = sliceCodePoints(text, span.end, span.end + CONTEXT).split('\n')[0];

  const apply = async () => {
    if (value === original) return onClose();
    setBusy(true);
    perfMark('edit');
    try {
      const result = await onFix(value);
      announce(
        result.removed.length
          ? `Text replaced; ${result.removed.length} coding${result.removed.length === 1 ? '' : 's'} removed with the deleted words.`
          : 'Text replaced; codings kept.',
      );
      onClose(value);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={span.start === span.end ? 'Insert text' : 'Fix text'}
      onClose={() => onClose()}
      busy={busy}
      footer={<DialogActions action="Replace" busy={busy} form="fix-text-form" onCancel={() => onClose()} />}
    >
      <form
        id="fix-text-form"
        className="fix-text"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
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
