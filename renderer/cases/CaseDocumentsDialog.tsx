import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import type { Case } from './CaseTable';

type DocumentSummary = ResultOf<'documents.list'>[number];

/** Links a case to documents by choice: a checkbox per document, saved as one undoable step. */
export function CaseDocumentsDialog({
  caseItem,
  documents,
  onClose,
  onError,
}: {
  caseItem: Case;
  documents: DocumentSummary[];
  onClose(): void;
  onError(error: Error): void;
}) {
  const [chosen, setChosen] = useState(new Set(caseItem.documentIds));
  const save = () => {
    call('cases.setDocuments', { id: caseItem.id, documentIds: [...chosen] }).then(onClose, (error: Error) => {
      onClose();
      onError(error);
    });
  };
  return (
    <Dialog
      title={`Documents of ${caseItem.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={save}>
            Save
          </button>
        </>
      }
    >
      <fieldset className="case-document-choices">
        <legend>Documents in this case</legend>
        {documents.map((d) => (
          <label key={d.id}>
            <input
              type="checkbox"
              checked={chosen.has(d.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(d.id);
                else next.delete(d.id);
                setChosen(next);
              }}
            />
            {d.name}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
