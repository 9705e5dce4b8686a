import { lazy, useRef, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { MenuButton } from '../common/MenuButton';
import { CopyDialog, MergePicker } from './CoderFiles';
import { Deferred } from '../common/Deferred';

const CaseTable = lazy(() => import('../cases/CaseTable').then((m) => ({ default: m.CaseTable })));
const PseudonymiseDialog = lazy(() => import('../documents/PseudonymiseDialog').then((m) => ({ default: m.PseudonymiseDialog })));
const ImportDialog = lazy(() => import('../documents/import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

type Coder = ResultOf<'coders.list'>['coders'][number];

/**
 * The project's file actions in one menu, so the top bar keeps room for the title and the views: bringing
 * transcripts in, the cases and their attributes, the two-coder round trip, and closing the project (kept away from
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
  const [dialog, setDialog] = useState<'files' | 'paste' | 'copy' | 'cases' | 'pseudonymise' | null>(null);
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
            label: 'Cases and attributes…',
            title: 'The table of cases and their attributes: edit, link documents, import or export a sheet',
            onSelect: () => setDialog('cases'),
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
      <MergePicker inputRef={mergeFile} />
      {(dialog === 'files' || dialog === 'paste') && (
        <Deferred>
          <ImportDialog mode={dialog} onClose={() => setDialog(null)} onOpen={onOpenDocument} />
        </Deferred>
      )}
      {dialog === 'cases' && (
        <Deferred>
          <CaseTable onClose={() => setDialog(null)} />
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
