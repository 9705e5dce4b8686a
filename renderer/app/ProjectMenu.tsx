import { lazy, useRef, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { CaseSheetPicker } from '../documents/import/CaseSheet';
import { MenuButton } from '../common/MenuButton';
import { CopyDialog, MergePicker } from './CoderFiles';
import { Deferred } from '../common/Deferred';

const PseudonymiseDialog = lazy(() => import('../documents/PseudonymiseDialog').then((m) => ({ default: m.PseudonymiseDialog })));
const ImportDialog = lazy(() => import('../documents/import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

type Coder = ResultOf<'coders.list'>['coders'][number];

/**
 * The project's file actions in one menu, so the top bar keeps room for the title and the views: bringing
 * transcripts and case attributes in, the two-coder round trip, and closing the project (kept away from
 * the one-click buttons, at the end of the menu).
 */
export function ProjectMenu({
  coders,
  onOpenDocument,
  onQdpx,
  onClose,
}: {
  coders: Coder[];
  onOpenDocument: (documentId: number) => void;
  onQdpx: () => void;
  onClose: () => void;
}) {
  const [dialog, setDialog] = useState<'files' | 'paste' | 'copy' | 'pseudonymise' | null>(null);
  const caseSheet = useRef<HTMLInputElement>(null);
  const mergeFile = useRef<HTMLInputElement>(null);
  return (
    <>
      <MenuButton
        label="Project"
        className="project-menu"
        items={[
          { label: 'Import…', title: 'Transcripts from files or a whole folder', onSelect: () => setDialog('files') },
          { label: 'Paste as document…', onSelect: () => setDialog('paste') },
          {
            label: 'Case attributes…',
            title: 'Set case attributes from a CSV or Excel sheet: a header row, then one row per case',
            onSelect: () => caseSheet.current?.click(),
          },
          {
            label: 'Pseudonymise…',
            title: 'Replace a name in every transcript, codings kept; the places are listed first',
            onSelect: () => setDialog('pseudonymise'),
          },
          {
            label: 'Copy for a coder…',
            title: 'A copy of this project for a second coder',
            group: true,
            onSelect: () => setDialog('copy'),
          },
          {
            label: 'Merge a coder’s file…',
            title: 'Merge another coder’s copy of this project into it',
            onSelect: () => mergeFile.current?.click(),
          },
          {
            label: 'REFI-QDA exchange…',
            title: 'Export the project as REFI-QDA (.qdpx) for NVivo, ATLAS.ti, MAXQDA…, or import one',
            group: true,
            onSelect: onQdpx,
          },
          { label: 'Close project', title: 'Back to the start screen (everything is already saved)', group: true, onSelect: onClose },
        ]}
      />
      <CaseSheetPicker inputRef={caseSheet} />
      <MergePicker inputRef={mergeFile} />
      {(dialog === 'files' || dialog === 'paste') && (
        <Deferred>
          <ImportDialog mode={dialog} onClose={() => setDialog(null)} onOpen={onOpenDocument} />
        </Deferred>
      )}
      {dialog === 'copy' && <CopyDialog coders={coders} onClose={() => setDialog(null)} />}
      {dialog === 'pseudonymise' && (
        <Deferred>
          <PseudonymiseDialog onClose={() => setDialog(null)} />
        </Deferred>
      )}
    </>
  );
}
