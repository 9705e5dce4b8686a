import { useState } from 'react';

/** Local text that follows the saved value whenever that changes (after a save, an undo, another window). */
function useDraft(value: string): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  return [text, setText];
}

/** A one-line name: saved on Enter or when left; an empty name is not saved (the old one comes back). */
export function SavedInput({ label, value, onSave }: { label: string; value: string; onSave: (text: string) => void }) {
  const [text, setText] = useDraft(value);
  const save = () => (text.trim() && text.trim() !== value ? onSave(text.trim()) : setText(value));
  return (
    <input
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && save()}
      onBlur={save}
    />
  );
}

/** A longer text, saved when the field is left; it may be emptied. */
export function SavedText({
  label,
  value,
  onSave,
  rows = 3,
  placeholder,
}: {
  label: string;
  value: string;
  onSave: (text: string) => void;
  rows?: number;
  placeholder?: string;
}) {
  const [text, setText] = useDraft(value);
  return (
    <textarea
      aria-label={label}
      rows={rows}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text.trim() !== value && onSave(text)}
    />
  );
}
