import { lazy, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { Excerpt } from '../excerpts/ExcerptItems';
import { Deferred, Loading } from '../common/Deferred';
import { onDemand } from '../common/on-demand';
import { Splitter } from '../common/Splitter';
import type { JumpRequest } from '../transcript/TranscriptView';
import type { SearchHitSpans } from '../transcript/search-hits';
import type { TranscriptTarget } from '../transcript/types';
import { paragraphLabel } from '../../shared/citation';

// Loaded on first use (see Deferred).
const ComparisonView = lazy(() => import('../agreement/ComparisonView').then((m) => ({ default: m.ComparisonView })));
const ExcerptsView = lazy(() => import('../excerpts/ExcerptsView').then((m) => ({ default: m.ExcerptsView })));
const SearchPanel = lazy(() => import('../search/SearchPanel').then((m) => ({ default: m.SearchPanel })));
// Also loaded on first use, outside a Suspense boundary, each with a placeholder that keeps its pane and
// landmark. The transcript with Lexical was 237 of the 548 kB of script the first screen loaded; the
// document list shows without it. Mounted late, the matrix still reloads first after an event (its live
// updates were twice as slow lazy before that, common/event-order.ts).
const transcriptView = onDemand(() => import('../transcript/TranscriptView'));
const matrixView = onDemand(() => import('../matrix/MatrixView'));

/** What a next click shows (a document, the matrix), fetched once the first screen is painted. */
export function preloadViews(): void {
  transcriptView.preload();
  matrixView.preload();
}

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
  compare,
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
  const [searchHits, setSearchHits] = useState<SearchHitSpans | null>(null);
  const [searchOpened, setSearchOpened] = useState(false);
  const transcript = transcriptView.use(documentId !== null);
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
  // A search hit opens its document at the hit, marked, as a matrix excerpt does.
  const showHit = (at: TranscriptTarget) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
    setShown(null);
  };
  const goBack = () => {
    if (!shown) return;
    if (shown.from === 'excerpts') setExcerptsOpen(true);
    else setMatrix({ ...matrix, open: true, full: shown.wasFull });
    setShown(null);
    requestAnimationFrame(() => document.getElementById(`excerpt-${shown.segmentId}`)?.focus());
  };

  const showSpan = (at: TranscriptTarget) => {
    setDocumentId(at.documentId);
    setTarget({ ...at, nonce: (target?.nonce ?? 0) + 1 });
  };
  // The comparison, the excerpts and the matrix take turns above the transcript.
  const matrixOpen = matrix.open && !compare && !excerptsOpen;
  const backShown = shown && target?.documentId === documentId && (shown.from === 'excerpts' || matrixOpen);
  const matrixModule = matrixView.use(matrixOpen);

  return (
    <div className="centre">
      {compare && (
        <div className="compare-slot">
          <Deferred>
            <ComparisonView projectGuid={project.guid} coders={coders} documents={documents} onShow={showSpan} onError={onError} />
          </Deferred>
        </div>
      )}
      {/* Kept while one of its excerpts is shown, so Back finds the list as it was. */}
      {(excerptsOpen || shown?.from === 'excerpts') && (
        <div className="excerpts-slot" hidden={!excerptsOpen}>
          <Deferred>
            <ExcerptsView
              projectGuid={project.guid}
              coders={coders}
              documents={documents}
              cases={cases}
              current={shown?.segmentId ?? null}
              onShow={showInTranscript('excerpts')}
              onError={onError}
            />
          </Deferred>
        </div>
      )}
      {matrixOpen && (
        <div className={`matrix-slot${matrix.full ? ' full' : ''}`} style={matrix.full ? undefined : { height: matrix.height }}>
          {matrixModule && !(matrixModule instanceof Error) ? (
            <matrixModule.MatrixView
              projectGuid={project.guid}
              coders={coders}
              documents={documents}
              cases={cases}
              current={shown?.segmentId ?? null}
              onShow={showInTranscript('matrix')}
              onError={onError}
              resizer={
                !matrix.full && (
                  <Splitter
                    label="Resize matrix"
                    orientation="horizontal"
                    value={matrix.height}
                    min={200}
                    max={1200}
                    direction={1}
                    onChange={(height) => setMatrix({ ...matrix, height })}
                  />
                )
              }
            />
          ) : (
            <section className="pane matrix-view" aria-label="Matrix">
              <Loading error={matrixModule} />
            </section>
          )}
        </div>
      )}
      <details
        className="search-slot"
        hidden={excerptsOpen || (matrixOpen && matrix.full)}
        onToggle={(event) => event.currentTarget.open && setSearchOpened(true)}
      >
        <summary>Search</summary>
        {/* Loaded when first opened, then kept (with what was typed) while it is closed and opened again. */}
        {searchOpened && (
          <Deferred>
            <SearchPanel
              documents={documents}
              cases={cases}
              openDocumentId={documentId}
              onHits={setSearchHits}
              onShow={showHit}
              onError={onError}
            />
          </Deferred>
        )}
      </details>
      <div className="centre-transcript" hidden={excerptsOpen || (matrixOpen && matrix.full)}>
        {backShown && (
          <p className="back-bar" role="status">
            Excerpt from {shown.label}
            <button type="button" onClick={goBack}>
              {shown.from === 'excerpts' ? 'Back to the excerpts' : 'Back to the matrix'}
            </button>
          </p>
        )}
        {transcript && !(transcript instanceof Error) ? (
          <transcript.TranscriptView
            projectGuid={project.guid}
            documentId={documentId}
            cases={cases?.cases ?? []}
            coders={coders}
            currentCoderId={currentCoderId}
            jump={target}
            searchHits={searchHits}
            onError={onError}
          />
        ) : (
          <main className="pane transcript-pane" aria-label="Transcript">
            {documentId === null ? <p className="hint pad">Choose a document.</p> : <Loading error={transcript} />}
          </main>
        )}
      </div>
    </div>
  );
}
