import { useId, useState } from 'react';
import { call } from '../common/api';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Dialog } from '../common/Dialog';
import { useQuery } from '../common/use-query';
import type { Attribute } from './CaseTable';

const TYPES: [Attribute['type'], string][] = [
  ['text', 'Text'],
  ['number', 'Number'],
  ['date', 'Date (2010-06-21)'],
  ['choice', 'Choice from a list'],
  ['boolean', 'Yes or no'],
];

/**
 * Adds an attribute, or renames and retypes one. A new type must fit every value the cases have: when it
 * does not, the dialog says how many values do not fit and nothing changes.
 */
export function AttributeDialog({ attribute, onClose }: { attribute: Attribute | null; onClose(): void }) {
  const [name, setName] = useState(attribute?.name ?? '');
  const [type, setType] = useState<Attribute['type']>(attribute?.type ?? 'text');
  const [choices, setChoices] = useState((attribute?.choices ?? []).join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const list = choices
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
  const save = () => {
    const choiceList = type === 'choice' && list.length > 0 ? list : undefined;
    const done = attribute
      ? call('cases.updateAttribute', {
          id: attribute.id,
          name: name.trim() !== attribute.name ? name : undefined,
          type: type !== attribute.type ? type : undefined,
          choices: choiceList,
        })
      : call('cases.createAttribute', { name, type, choices: choiceList });
    done.then(onClose, (error: Error) => setProblem(error.message));
  };
  return (
    <Dialog
      title={attribute ? `Attribute ${attribute.name}` : 'Add attribute'}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="primary"
            disabled={!name.trim() || (type === 'choice' && !attribute && list.length === 0)}
          >
            {attribute ? 'Save' : 'Add'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="attribute-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input autoFocus value={name} onChange={(e) => (setName(e.target.value), setProblem(null))} />
        </label>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(e) => (setType(e.target.value as Attribute['type']), setProblem(null))}>
            {TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {type === 'choice' && (
          <label className="field">
            <span>Choices, one a line{attribute && attribute.type !== 'choice' ? ' (empty: the values in use)' : ''}</span>
            <textarea rows={4} value={choices} onChange={(e) => (setChoices(e.target.value), setProblem(null))} />
          </label>
        )}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** Deletes an attribute after saying how many case values go with it (undoable). */
export function DeleteAttributeDialog({
  attribute,
  onClose,
  onError,
}: {
  attribute: Attribute;
  onClose(): void;
  onError(error: Error): void;
}) {
  const impact = useQuery('cases.deleteAttributePreview', { id: attribute.id }, []);
  const values = impact.data?.values;
  return (
    <ConfirmDialog
      title="Delete attribute"
      action="Delete"
      ready={values !== undefined}
      onConfirm={() => call('cases.deleteAttribute', { id: attribute.id })}
      onClose={onClose}
      onError={onError}
    >
      <p>
        Delete the attribute <strong>{attribute.name}</strong>?{' '}
        {values !== undefined &&
          (values === 0
            ? 'No case has a value for it.'
            : `${values} ${values === 1 ? 'case loses its value' : 'cases lose their values'}.`)}{' '}
        You can undo this with Undo (Ctrl+Z).
      </p>
    </ConfirmDialog>
  );
}
