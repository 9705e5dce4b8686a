import { useId, useState } from 'react';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  /** The submit button's label. */
  action: string;
  initial: string;
  onClose(): void;
  /** Saves the name; a rejection whose message says "already" (a taken name) is shown under the field. */
  onSave(name: string): Promise<unknown>;
  onError(error: Error): void;
}

/** Asks for a name (to create or rename something); a taken name is said beside the field, not in a banner. */
export function NameDialog({ title, action, initial, onClose, onSave, onError }: Props) {
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const save = () => {
    if (initial && name.trim() === initial) return onClose();
    onSave(name.trim()).then(onClose, (error: Error) => (error.message.includes('already') ? setProblem(error.message) : onError(error)));
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary" disabled={!name.trim()}>
            {action}
          </button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input
            autoFocus
            value={name}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${formId}-problem` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem && (
          <p id={`${formId}-problem`} className="hint" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
