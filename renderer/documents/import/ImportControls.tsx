import { lazy, useState } from 'react';
import { CaseSheetButton } from './CaseSheet';
import { Deferred } from '../../common/Deferred';

const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** The top bar's import actions: files or a folder, pasted text, a sheet of case attributes. */
export function ImportControls({ onOpen }: { onOpen: (documentId: number) => void }) {
  const [dialog, setDialog] = useState<'files' | 'paste' | null>(null);
  return (
    <div className="import-controls">
      <button type="button" onClick={() => setDialog('files')}>
        Import…
      </button>
      <button type="button" onClick={() => setDialog('paste')}>
        Paste as document…
      </button>
      <CaseSheetButton />
      {dialog && (
        <Deferred>
          <ImportDialog mode={dialog} onClose={() => setDialog(null)} onOpen={onOpen} />
        </Deferred>
      )}
    </div>
  );
}
