import { useId, useState } from 'react';
import { attributeValueProblem } from '../../shared/attribute-values';
import type { Attribute } from './CaseTable';

interface Props {
  caseName: string;
  attribute: Attribute;
  value: string | undefined;
  /** Stores the value (null clears it); a refusal is shown in the cell. */
  onSave(value: string | null): Promise<unknown>;
}

/**
 * One case's value of one attribute, edited in place: a choice or yes/no from a list, a date from a date
 * field, a number or text typed. Saved when changed and left (or on Enter); a value that does not fit the
 * type is refused here, with the reason beside it, and Escape puts the stored value back.
 */
export function ValueCell({ caseName, attribute, value, onSave }: Props) {
  const stored = value ?? '';
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  // Follow the stored value when it changes (a save, an undo, an import).
  if (stored !== seen) {
    setSeen(stored);
    setDraft(stored);
    setProblem(null);
  }
  const label = `${attribute.name} of ${caseName}`;
  const save = (text: string) => {
    const next = text.trim();
    if (next === stored) return setProblem(null);
    const why = next === '' ? null : attributeValueProblem(attribute.type, attribute.choices, next);
    if (why) return setProblem(`Not saved: ${why}.`);
    onSave(next === '' ? null : next).then(
      () => setProblem(null),
      (error: Error) => setProblem(error.message),
    );
  };
  const common = {
    'aria-label': label,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? problemId : undefined,
  } as const;
  const field =
    attribute.type === 'choice' || attribute.type === 'boolean' ? (
      <select
        {...common}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          save(e.target.value);
        }}
      >
        <option value="">—</option>
        {(attribute.type === 'boolean' ? ['true', 'false'] : (attribute.choices ?? [])).map((choice) => (
          <option key={choice} value={choice}>
            {attribute.type === 'boolean' ? (choice === 'true' ? 'Yes' : 'No') : choice}
          </option>
        ))}
      </select>
    ) : (
      <input
        {...common}
        type={attribute.type === 'date' ? 'date' : 'text'}
        inputMode={attribute.type === 'number' ? 'decimal' : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onBlur={() => save(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save(draft);
          if (e.key === 'Escape' && draft !== stored) {
            // Only the edit is dropped; the dialog stays open.
            e.preventDefault();
            e.stopPropagation();
            setDraft(stored);
            setProblem(null);
          }
        }}
      />
    );
  return (
    <span className="value-cell">
      {field}
      {problem && (
        <span id={problemId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
