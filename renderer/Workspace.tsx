import { useEffect, useState } from 'react';
import type { ResultOf } from '../electron/api/methods';
import { call } from './api';
import { CodebookPane } from './CodebookPane';
import { DocumentsPane } from './DocumentsPane';
import { ErrorBanner } from './ErrorBanner';
import { ImportControls } from './import/ImportControls';
import { Splitter } from './Splitter';
import { perfMark } from './perf';
import { StatusBar } from './StatusBar';
import { HelpOverlay } from './HelpOverlay';
import { HistoryButtons } from './HistoryButtons';
import { TranscriptView, type JumpRequest } from './transcript/TranscriptView';
import { useQuery } from './use-query';
import { useStoredState } from './use-stored-state';

type Project = NonNullable<ResultOf<'app.status'>['project']>;

export function Workspace({ project }: { project: Project }) {
  const documents = useQuery('documents.list', {}, ['documents-changed', 'segments-changed']);
  const cases = useQuery('cases.list', {}, ['documents-changed']);
  const coders = useQuery('coders.list', {}, ['coders-changed', 'segments-changed']);
  const [documentId, setDocumentId] = useStoredState<number | null>(`document.${project.guid}`, null);
  const [panes, setPanes] = useStoredState('panes', { left: 300, right: 320 });
  const [error, setError] = useState<Error>();
  const [help, setHelp] = useState(false);
  // Other views (the matrix, search) ask the transcript to show a passage through this.
  const [jump] = useState<JumpRequest | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !(e.target instanceof HTMLElement && e.target.closest('input, textarea, select'))) setHelp(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Open the first document when none is chosen yet (or the chosen one is gone).
  useEffect(() => {
    const list = documents.data;
    if (list && list.length > 0 && !list.some((d) => d.id === documentId)) setDocumentId(list[0]!.id);
  }, [documents.data, documentId, setDocumentId]);

  const closeProject = () => call('project.close', {}).catch(setError);

  return (
    <div className="workspace" style={{ gridTemplateColumns: `${panes.left}px 6px minmax(360px, 1fr) 6px ${panes.right}px` }}>
      <header className="topbar">
        <h1 className="project-name" title={project.file}>
          {project.name}
        </h1>
        <div className="topbar-actions">
          <ImportControls onOpen={setDocumentId} />
          <HistoryButtons onError={setError} />
          <button type="button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
          <button type="button" onClick={closeProject}>
            Close project
          </button>
        </div>
      </header>
      <ErrorBanner error={error ?? documents.error ?? cases.error ?? coders.error} onDismiss={() => setError(undefined)} />
      <DocumentsPane
        documents={documents.data ?? []}
        cases={cases.data?.cases ?? []}
        selectedId={documentId}
        onSelect={(id) => {
          perfMark('open-document');
          setDocumentId(id);
        }}
      />
      <Splitter
        label="Resize documents pane"
        area="s1"
        value={panes.left}
        min={200}
        max={520}
        direction={1}
        onChange={(left) => setPanes({ ...panes, left })}
      />
      <TranscriptView
        documentId={documentId}
        projectGuid={project.guid}
        cases={cases.data?.cases ?? []}
        coders={coders.data?.coders ?? []}
        currentCoderId={coders.data?.currentId ?? null}
        jump={jump}
        onError={setError}
      />
      <Splitter
        label="Resize codebook pane"
        area="s2"
        value={panes.right}
        min={220}
        max={560}
        direction={-1}
        onChange={(right) => setPanes({ ...panes, right })}
      />
      <CodebookPane coders={coders.data?.coders ?? []} projectFile={project.file} />
      <StatusBar coders={coders.data} onError={setError} file={project.file} />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
