import { lazy, useEffect, useLayoutEffect, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { blindFilter, useCoderView } from '../common/coder-visibility';
import { CentreArea, preloadViews, type MatrixLayout } from './CentreArea';
import { CodebookPane } from '../codebook/CodebookPane';
import { DocumentsPane } from '../documents/DocumentsPane';
import { ErrorBanner } from '../common/ErrorBanner';
import { LiveRegion } from '../common/LiveRegion';
import { Splitter } from '../common/Splitter';
import { perfMark } from '../common/perf';
import { StatusBar } from './StatusBar';
import { HistoryButtons } from './HistoryButtons';
import { afterPaint } from '../common/after-paint';
import { Deferred } from '../common/Deferred';
import { ProjectMenu } from './ProjectMenu';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';

// Dialogs, loaded when first opened (see Deferred).
const HelpOverlay = lazy(() => import('./HelpOverlay').then((m) => ({ default: m.HelpOverlay })));
const MemoList = lazy(() => import('../memos/MemoList').then((m) => ({ default: m.MemoList })));

type Project = NonNullable<ResultOf<'app.status'>['project']>;

/** Ctrl+Shift+M (⌘⇧M on a Mac) opens and closes the matrix. */
const isMatrixShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'm';

/** `onQdpx` opens the REFI-QDA dialog, which App holds. */
export function Workspace({ project, onQdpx }: { project: Project; onQdpx: () => void }) {
  // "Only mine" (blind coding): the documents list counts only the current coder's work.
  const documents = useQuery('documents.list', blindFilter(useCoderView().blind), ['documents-changed', 'segments-changed']);
  const cases = useQuery('cases.list', {}, ['documents-changed']);
  const coders = useQuery('coders.list', {}, ['coders-changed', 'segments-changed']);
  const [documentId, setDocumentId] = useStoredState<number | null>(`document.${project.guid}`, null);
  const [panes, setPanes] = useStoredState('panes', { left: 300, right: 320 });
  const [error, setError] = useState<Error>();
  const [help, setHelp] = useState(false);
  const [memosOpen, setMemosOpen] = useState(false);
  const [revealCode, setRevealCode] = useState<{ id: number } | null>(null);

  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !(e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) setHelp(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Per project: a matrix dragged tall for one study need not crowd another's transcript.
  const [matrix, setMatrix] = useStoredState<MatrixLayout>(`matrix.view.${project.guid}`, { open: false, full: false, height: 480 });
  const [compare, setCompare] = useState(false);
  const [excerptsOpen, setExcerptsOpen] = useStoredState('excerpts.open', false);
  // A layout effect: the shortcut works from the first frame the workspace is seen.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isMatrixShortcut(e)) return;
      e.preventDefault();
      setCompare(false);
      setExcerptsOpen(false);
      setMatrix({ ...matrix, open: !matrix.open || compare || excerptsOpen });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [matrix, setMatrix, compare, excerptsOpen, setExcerptsOpen]);

  // Open the first document when none is chosen yet (or the chosen one is gone).
  useEffect(() => {
    const list = documents.data;
    if (list && list.length > 0 && !list.some((d) => d.id === documentId)) setDocumentId(list[0]!.id);
  }, [documents.data, documentId, setDocumentId]);

  // Once the document list is painted, fetch what a next click shows: it then waits neither for the first paint nor for its code.
  const listed = documents.data !== undefined;
  useEffect(() => {
    if (listed) afterPaint(preloadViews);
  }, [listed]);

  const closeProject = () => call('project.close', {}).catch(setError);

  return (
    <div className="workspace" style={{ gridTemplateColumns: `${panes.left}px 6px minmax(360px, 1fr) 6px ${panes.right}px` }}>
      <header className="topbar">
        <ProjectMenu coders={coders.data?.coders ?? []} onOpenDocument={setDocumentId} onQdpx={onQdpx} onClose={closeProject} />
        <h1 className="project-name" title={`${project.name}\n${project.file}`}>
          {project.name}
        </h1>
        {project.readOnly && (
          <p
            className="read-only-banner"
            role="status"
            title="Trellis may not write to this file: copy it somewhere you can write to, or allow writing, and open it again."
          >
            Read-only: changes cannot be saved to this file
          </p>
        )}
        <div className="topbar-actions">
          <button
            type="button"
            aria-pressed={compare}
            title="Compare coders: agreement figures and disagreements, above the transcript"
            onClick={() => {
              setCompare(!compare);
              setExcerptsOpen(false);
            }}
          >
            Compare
          </button>
          <button
            type="button"
            aria-pressed={excerptsOpen && !compare}
            title="Find coded excerpts and export them with citations for the write-up"
            onClick={() => {
              setExcerptsOpen(!excerptsOpen || compare);
              setCompare(false);
            }}
          >
            Excerpts
          </button>
          <button
            type="button"
            aria-pressed={matrix.open && !compare && !excerptsOpen}
            aria-keyshortcuts="Control+Shift+M"
            title="Show the live matrix above the transcript (Ctrl+Shift+M)"
            onClick={() => {
              setCompare(false);
              setExcerptsOpen(false);
              setMatrix({ ...matrix, open: !matrix.open || compare || excerptsOpen });
            }}
          >
            Matrix
          </button>
          {matrix.open && !compare && !excerptsOpen && (
            <button type="button" aria-pressed={matrix.full} onClick={() => setMatrix({ ...matrix, full: !matrix.full })}>
              Matrix only
            </button>
          )}
          <button type="button" title="Every memo in the project, and the project memo" onClick={() => setMemosOpen(true)}>
            Memos
          </button>
          <HistoryButtons onError={setError} />
          <button type="button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
        </div>
      </header>
      <ErrorBanner error={error ?? documents.error ?? cases.error ?? coders.error} onDismiss={() => setError(undefined)} />
      <DocumentsPane
        documents={documents.data ?? []}
        cases={cases.data?.cases ?? []}
        selectedId={documentId}
        onError={setError}
        onSelect={(id) => {
          perfMark('open-document');
          setDocumentId(id);
        }}
        resizer={
          <Splitter
            label="Resize documents pane"
            value={panes.left}
            min={200}
            max={520}
            direction={1}
            onChange={(left) => setPanes({ ...panes, left })}
          />
        }
      />
      <CentreArea
        project={project}
        matrix={matrix}
        compare={compare}
        setMatrix={setMatrix}
        excerptsOpen={excerptsOpen}
        setExcerptsOpen={setExcerptsOpen}
        documentId={documentId}
        setDocumentId={setDocumentId}
        coders={coders.data?.coders ?? []}
        currentCoderId={coders.data?.currentId ?? null}
        documents={documents.data ?? []}
        cases={cases.data}
        onError={setError}
      />
      <CodebookPane
        coders={coders.data?.coders ?? []}
        reveal={revealCode}
        resizer={
          <Splitter
            label="Resize codebook pane"
            value={panes.right}
            min={220}
            max={560}
            direction={-1}
            onChange={(right) => setPanes({ ...panes, right })}
          />
        }
      />
      <StatusBar coders={coders.data} onError={setError} file={project.file} />
      {help && (
        <Deferred quiet>
          <HelpOverlay onClose={() => setHelp(false)} />
        </Deferred>
      )}
      {memosOpen && (
        <Deferred quiet>
          <MemoList
            coders={coders.data?.coders ?? []}
            open={{ document: setDocumentId, code: (id) => setRevealCode({ id }) }}
            onClose={() => setMemosOpen(false)}
            onError={setError}
          />
        </Deferred>
      )}
      <LiveRegion />
    </div>
  );
}
