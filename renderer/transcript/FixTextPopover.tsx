import { useState, type KeyboardEvent } from 'react';
import { sliceCodePoints } from '../../shared/offsets';
import { perfMark } from '../common/perf';
import { DialogActions } from '../common/DialogActions';
import { usePopoverPlace, type Anchor } from './popover-place';
import type { Span } from './selection';

interface Props {
  /** The text the span is in, as it was when the fix was asked for. */
  text: string;
  span: Span;
  /** Beside the words: below them, or above when there is no room. */
  anchor: Anchor;
  /** The words typed before, when it is open again because the host refused them. */
  typed?: string;
  /** Why the host refused them. */
  error?: string;
  /** Sends the replacement: the view shows it at once and closes this; it opens again if refused. */
  onFix(text: string): void;
  onClose(): void;
}

const CONTEXT = 30;

/**
 * Replaces the selected words (or types at the caret) in the transcript; codings follow the text. A
 * non-modal dialog at the words, as the coding popover is: Escape or Cancel goes back to the text.
 */
export function FixTextPopover({ text, span, anchor, typed, error, onFix, onClose }: Props) {
  const original = sliceCodePoints(text, span.start, span.end);
  const [value, setValue] = useState(typed ?? original);
  const { box, style } = usePopoverPlace(anchor, 420);
  const title = span.start === span.end ? 'Insert text' : 'Fix text';
  const before = sliceCodePoints(text, Math.max(0, span.start - CONTEXT), span.start)
    .split('\n')
    .at(-1);
  const after = sliceCodePoints(text, span.end, span.end + CONTEXT).split('\n')[0];

  const apply = () => {
    if (value === original) return onClose();
    perfMark('edit');
    onFix(value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };

  return (
    <div ref={box} className="popover" role="dialog" aria-label={title} style={style} onKeyDown={onKeyDown}>
      <header className="popover-head">
        <strong>{title}</strong>
      </header>
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
        <div className="popover-actions">
          <DialogActions action="Replace" busy={false} onCancel={onClose} form="fix-text-form" />
        </div>
      </form>
    </div>
  );
}
