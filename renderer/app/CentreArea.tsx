import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { ExcerptsView } from '../excerpts/ExcerptsView';
import type { Excerpt } from '../excerpts/ExcerptItems';
import { MatrixView } from '../matrix/MatrixView';
import { Splitter } from '../common/Splitter';
import { TranscriptView, type JumpRequest } from '../transcript/TranscriptView';
import type { TranscriptTarget } from '../transcript/types';
import { paragraphLabel } from '../../shared/citation';

/** Whether the matrix is open, whether it fills the centre, and its height when it shares it with the transcript. */
export interface MatrixLayout {
  open: boolean;
  full: boolean;
  height: number;
}

interface Props {
  project: { guid: string };
  currentCoderId: number | null;
  matrix: MatrixLayout;
  setMatrix: (layout: MatrixLayout) => void;
  /** The excerpts view fills the centre while open. */
  excerptsOpen: boolean;
  setExcerptsOpen: (open: boolean) => void;
  documentId: number | null;
  setDocumentId: (id: number) => void;
  coders: ResultOf<'coders.list'>['coders'];
  documents: ResultOf<'documents.list'>;
  cases: ResultOf<'cases.list'> | undefined;
  onError: (error: Error) => void;
}

/**
 * The centre of the workspace: the transcript, with the matrix above it when open (or filling the centre),
 * or the excerpts view filling it. An excerpt clicked in the matrix or the excerpts view opens its document
 * at that passage; "Back to the matrix" (or "to the excerpts") returns to it.
 */
export function CentreArea({
  project,
  currentCoderId,
  matrix,
  setMatrix,
  excerptsOpen,
  setExcerptsOpen,
  documentId,
  setDocumentId,
  coders,
  documents,
  cases,
  onError,
}: Props) {
  const [target, setTarget] = useState<JumpRequest | null>(null);
  const [shown, setShown] = useState<{ segmentId: number; label: string; wasFull: boolean; from: 'matrix' | 'excerpts' } | null>(null);

  const showInTranscript = (from: 'matrix' | 'excerpts') => (at: TranscriptTarget, excerpt: Excerpt) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
    const paragraph = paragraphLabel(excerpt.paragraphStart, excerpt.paragraphEnd);
    setShown({
      segmentId: excerpt.segmentId,
      label: `${excerpt.document}${paragraph ? `, ${paragraph}` : ''}`,
      wasFull: matrix.full,
      from,
    });
    if (from === 'excerpts') setExcerptsOpen(false);
    else if (matrix.full) setMatrix({ ...matrix, full: false });
  };
  const goBack = () => {
    if (!shown) return;
    if (shown.from === 'excerpts') setExcerptsOpen(true);
    else setMatrix({ ...matrix, open: true, full: shown.wasFull });
    setShown(null);
    requestAnimationFrame(() => document.getElementById(`excerpt-${shown.segmentId}`)?.focus());
  };
  const backShown = shown && target?.documentId === documentId && (shown.from === 'excerpts' || matrix.open);

  return (
    <div className="centre">
      {/* Kept while one of its excerpts is shown, so Back finds the list as it was. */}
      {(excerptsOpen || shown?.from === 'excerpts') && (
        <div className="excerpts-slot" hidden={!excerptsOpen}>
          <ExcerptsView
            projectGuid={project.guid}
            coders={coders}
            documents={documents}
            cases={cases}
            current={shown?.segmentId ?? null}
            onShow={showInTranscript('excerpts')}
            onError={onError}
          />
        </div>
      )}
      {matrix.open && !excerptsOpen && (
        <div className={`matrix-slot${matrix.full ? ' full' : ''}`} style={matrix.full ? undefined : { height: matrix.height }}>
          <MatrixView
            projectGuid={project.guid}
            coders={coders}
            documents={documents}
            cases={cases}
            current={shown?.segmentId ?? null}
            onShow={showInTranscript('matrix')}
            onError={onError}
          />
        </div>
      )}
      {matrix.open && !matrix.full && !excerptsOpen && (
        <Splitter
          label="Resize matrix"
          orientation="horizontal"
          value={matrix.height}
          min={200}
          max={1200}
          direction={1}
          onChange={(height) => setMatrix({ ...matrix, height })}
        />
      )}
      <div className="centre-transcript" hidden={excerptsOpen || (matrix.open && matrix.full)}>
        {backShown && (
          <p className="back-bar" role="status">
            Excerpt from {shown.label}
            <button type="button" onClick={goBack}>
              {shown.from === 'excerpts' ? 'Back to the excerpts' : 'Back to the matrix'}
            </button>
          </p>
        )}
        <TranscriptView
          documentId={documentId}
          projectGuid={project.guid}
          cases={cases?.cases ?? []}
          coders={coders}
          currentCoderId={currentCoderId}
          jump={target}
          onError={onError}
        />
      </div>
    </div>
  );
}
