import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { NameDialog } from '../common/NameDialog';
import { useQuery } from '../common/use-query';

type DocumentSummary = ResultOf<'documents.list'>[number];

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Rename and delete the selected document; both are undoable steps (Ctrl+Z). */
export function DocumentActions({ document, onError }: { document: DocumentSummary; onError(error: Error): void }) {
  const [open, setOpen] = useState<'rename' | 'delete' | null>(null);
  const close = () => setOpen(null);
  return (
    <span className="document-actions">
      <button type="button" className="small" aria-label={`Rename ${document.name}`} onClick={() => setOpen('rename')}>
        Rename…
      </button>
      <button type="button" className="small" aria-label={`Delete ${document.name}`} onClick={() => setOpen('delete')}>
        Delete…
      </button>
      {open === 'rename' && (
        <NameDialog
          title="Rename document"
          action="Rename"
          initial={document.name}
          onClose={close}
          onSave={(name) => call('documents.rename', { id: document.id, name })}
          onError={onError}
        />
      )}
      {open === 'delete' && <DeleteDialog document={document} onClose={close} onError={onError} />}
    </span>
  );
}

function DeleteDialog({ document, onClose, onError }: { document: DocumentSummary; onClose(): void; onError(error: Error): void }) {
  const impact = useQuery('documents.deletePreview', { id: document.id }, []);
  const remove = () => {
    call('documents.delete', { id: document.id }).then(onClose, (error: Error) => {
      onClose();
      onError(error);
    });
  };
  const i = impact.data;
  return (
    <Dialog
      title="Delete document"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger-button" disabled={!i} onClick={remove}>
            Delete
          </button>
        </>
      }
    >
      <p>
        Delete <strong>{document.name}</strong> from the project?
      </p>
      {i && (
        <p>
          {i.segments === 0 && i.memos === 0
            ? 'It has no coded passages and no memos.'
            : `${plural(i.segments, 'coded passage', 'coded passages')} (${plural(i.codings, 'coding', 'codings')}) and ${plural(i.memos, 'memo', 'memos')} go with it.`}{' '}
          You can undo this with Undo (Ctrl+Z).
        </p>
      )}
    </Dialog>
  );
}
