import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import type { Case } from './CaseTable';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Deleting a case says first what goes with it (its values, its document links, its memo); the documents stay. */
export function DeleteCaseDialog({ caseItem, onClose, onError }: { caseItem: Case; onClose(): void; onError(error: Error): void }) {
  const values = Object.keys(caseItem.attributes).length;
  const links = caseItem.documentIds.length;
  const remove = () =>
    call('cases.delete', { id: caseItem.id }).then(onClose, (error: Error) => {
      onClose();
      onError(error);
    });
  return (
    <Dialog
      title="Delete case"
      onClose={onClose}
      footer={
        <>
          <button type="button" autoFocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger-button" onClick={() => void remove()}>
            Delete
          </button>
        </>
      }
    >
      <p>
        Delete the case <strong>{caseItem.name}</strong>? {count(values, 'attribute value', 'attribute values')}, its links to{' '}
        {count(links, 'document', 'documents')} and its memo go with it; the documents and their codings stay. You can undo this with Undo
        (Ctrl+Z).
      </p>
    </Dialog>
  );
}
