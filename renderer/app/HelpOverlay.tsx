import { useEffect, useRef } from 'react';

const SHORTCUTS: [string, string][] = [
  ['Arrows, Home/End, Page Up/Down in the transcript', 'Move the caret (Ctrl+←/→ by word, Ctrl+↑/↓ by paragraph)'],
  ['Ctrl+Home / Ctrl+End', 'Caret to the start / end of the transcript'],
  ['Select text, or Shift+caret keys in the transcript', 'Select a passage (Ctrl+Shift+Arrows by word)'],
  ['C or Enter', 'Code the selection'],
  ['1–9 (empty search box)', 'Toggle a framework cell in the coding popover'],
  ['0 (empty search box)', 'Cycle the framework layer (slice)'],
  ['Type, ↑/↓, Enter', 'Find a code, move, toggle it (or create it)'],
  ['Enter / Ctrl+Enter', 'Apply the chosen codes'],
  ['Click a highlight or a stripe', 'Select that coding'],
  ['[ and ]', 'Previous / next coding'],
  ['Alt+Shift+K', 'Say the codings at the caret (“coded with …, by …”)'],
  ['E', 'Edit the selected coding’s codes'],
  ['M', 'Write the selected coding’s memo'],
  ['Alt+← / Alt+→', 'Move the start of the selected coding by a word (add Ctrl: a character)'],
  ['Alt+Shift+← / Alt+Shift+→', 'Move its end'],
  ['Delete', 'Delete the selected coding'],
  ['Alt+E', 'Edit mode of the transcript: then Enter or F2 fixes the selected words, or inserts at the caret'],
  ['Alt+Enter, Alt+J, Alt+W', 'In edit mode: split the turn at the caret, join it with the next, change its speaker'],
  ['Ctrl+Shift+M', 'Open or close the matrix'],
  ['Alt+P', 'Play / pause the recording (a document with a linked recording)'],
  ['Alt+B', 'Back 5 seconds'],
  ['Alt+S / Alt+N', 'Slower (down to 0.5×) / normal speed'],
  ['Alt+R', 'Play the caret’s turn from its time'],
  ['Alt+T', 'Set the caret’s turn’s time to the playing position'],
  ['Ctrl+Z / Shift+Ctrl+Z', 'Undo / redo (kept in the project across restarts)'],
  ['Esc', 'Clear the selection, close a popover'],
  ['?', 'This list'],
];

/** The keyboard shortcuts, opened with "?". */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <div
        className="help"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header className="help-head">
          <h2>Keyboard shortcuts</h2>
          <button ref={close} type="button" className="icon-button" aria-label="Close shortcuts" onClick={onClose}>
            ×
          </button>
        </header>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcut">
              <dt>{keys}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
