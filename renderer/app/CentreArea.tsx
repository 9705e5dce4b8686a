import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { ComparisonView } from '../agreement/ComparisonView';
import { MatrixView } from '../matrix/MatrixView';
import { SearchPanel } from '../search/SearchPanel';
import { Splitter } from '../common/Splitter';
import { TranscriptView, type JumpRequest } from '../transcript/TranscriptView';
import type { TranscriptTarget } from '../transcript/types';

type Excerpt = ResultOf<'matrix.excerpts'>['excerpts'][number];

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
  /** The coder comparison, shown above the transcript in the matrix's place. */
  compare: boolean;
  setMatrix: (layout: MatrixLayout) => void;
  documentId: number | null;
  setDocumentId: (id: number) => void;
  coders: ResultOf<'coders.list'>['coders'];
  documents: ResultOf<'documents.list'>;
  cases: ResultOf<'cases.list'> | undefined;
  onError: (error: Error) => void;
}

/**
 * The centre of the workspace: the transcript, with the matrix above it when open (or filling the centre).
 * An excerpt clicked in the matrix opens its document at that passage; "Back to the matrix" returns to it.
 */
export function CentreArea({
  project,
  currentCoderId,
  matrix,
  compare,
  setMatrix,
  documentId,
  setDocumentId,
  coders,
  documents,
  cases,
  onError,
}: Props) {
  const [target, setTarget] = useState<JumpRequest | null>(null);
  const [shown, setShown] = useState<{ segmentId: number; label: string; wasFull: boolean } | null>(null);

  const showInTranscript = (at: TranscriptTarget, excerpt: Excerpt) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
    setShown({
      segmentId: excerpt.segmentId,
      label: `${excerpt.document}${excerpt.paragraph ? `, ¶ ${excerpt.paragraph}` : ''}`,
      wasFull: matrix.full,
    });
    if (matrix.full) setMatrix({ ...matrix, full: false });
  };
  // A search hit opens its document at the hit, marked, as a matrix excerpt does.
  const showHit = (at: TranscriptTarget) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
    setShown(null);
  };
  const backToMatrix = () => {
    if (!shown) return;
    setMatrix({ ...matrix, open: true, full: shown.wasFull });
    setShown(null);
    requestAnimationFrame(() => document.getElementById(`excerpt-${shown.segmentId}`)?.focus());
  };

  const showSpan = (at: TranscriptTarget) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
  };
  const matrixOpen = matrix.open && !compare;

  return (
    <div className="centre">
      {compare && (
        <div className="compare-slot">
          <ComparisonView projectGuid={project.guid} coders={coders} documents={documents} onShow={showSpan} onError={onError} />
        </div>
      )}
      {matrixOpen && (
        <div className={`matrix-slot${matrix.full ? ' full' : ''}`} style={matrix.full ? undefined : { height: matrix.height }}>
          <MatrixView
            projectGuid={project.guid}
            coders={coders}
            documents={documents}
            cases={cases}
            current={shown?.segmentId ?? null}
            onShow={showInTranscript}
            onError={onError}
          />
        </div>
      )}
      {matrixOpen && !matrix.full && (
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
      <details className="search-slot" hidden={matrixOpen && matrix.full}>
        <summary>Search</summary>
        <SearchPanel onShow={showHit} onError={onError} />
      </details>
      <div className="centre-transcript" hidden={matrixOpen && matrix.full}>
        {shown && matrixOpen && target?.documentId === documentId && (
          <p className="back-bar" role="status">
            Excerpt from {shown.label}
            <button type="button" onClick={backToMatrix}>
              Back to the matrix
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
