import { call } from '../common/api';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { Case } from './CaseTable';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Deleting a case says first what goes with it (its values, its document links, its memo); the documents stay. */
export function DeleteCaseDialog({ caseItem, onClose, onError }: { caseItem: Case; onClose(): void; onError(error: Error): void }) {
  return (
    <ConfirmDialog
      title="Delete case"
      action="Delete"
      onConfirm={() => call('cases.delete', { id: caseItem.id })}
      onClose={onClose}
      onError={onError}
    >
      <p>
        Delete the case <strong>{caseItem.name}</strong>?{' '}
        {count(Object.keys(caseItem.attributes).length, 'attribute value', 'attribute values')}, its links to{' '}
        {count(caseItem.documentIds.length, 'document', 'documents')} and its memo go with it; the documents and their codings stay. You can
        undo this with Undo (Ctrl+Z).
      </p>
    </ConfirmDialog>
  );
}
