import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';
import { MatrixFilters } from '../matrix/MatrixFilters';
import type { TranscriptTarget } from '../transcript/types';
import { CitationEditor } from './CitationEditor';
import { useCoderView } from '../common/coder-visibility';
import { DEFAULT_EXCERPT_SETTINGS, selectionOf, type ExcerptSettings } from './excerpt-settings';
import { ExcerptExport } from './ExcerptExport';
import { ExcerptItems, type Excerpt } from './ExcerptItems';
import { ExcerptSelector } from './ExcerptSelector';

type Coder = ResultOf<'coders.list'>['coders'][number];
type DocumentSummary = ResultOf<'documents.list'>[number];
type Cases = ResultOf<'cases.list'>;

const EVENTS = ['segments-changed', 'codebook-changed', 'documents-changed', 'coders-changed'] as const;
const PAGE = 200;

interface Props {
  projectGuid: string;
  coders: Coder[];
  documents: DocumentSummary[];
  cases: Cases | undefined;
  /** The excerpt last shown in the transcript. */
  current: number | null;
  onShow: (target: TranscriptTarget, excerpt: Excerpt) => void;
  onError: (error: Error) => void;
}

/**
 * The retrieval for the write-up: choose codes, a framework cell or slice, coders, documents and cases; the
 * matching excerpts list live, grouped and ordered, each with its citation; export them cited.
 */
export function ExcerptsView({ projectGuid, coders, documents, cases, current, onShow, onError }: Props) {
  const [settings, setSettings] = useStoredState<ExcerptSettings>(`excerpts.${projectGuid}`, DEFAULT_EXCERPT_SETTINGS);
  const [offset, setOffset] = useState(0);
  const update = (change: Partial<ExcerptSettings>) => {
    setSettings({ ...settings, ...change });
    setOffset(0);
  };
  const frameworks = useQuery('frameworks.list', {}, ['codebook-changed']);
  const sources = useQuery('matrix.codeSources', {}, ['codebook-changed']);
  const groups = useQuery('documentGroups.list', {}, ['documents-changed']);
  // Blind coding: only the current coder's excerpts, whatever coders are chosen.
  const { blind } = useCoderView();
  const selection = blind ? { ...selectionOf(settings), coderIds: [blind.id] } : selectionOf(settings);
  const list = useQuery('excerpts.list', { ...selection, limit: PAGE, offset }, EVENTS);
  const stored = useQuery('excerpts.citationTemplate', {}, []);
  // The template as edited here; until edited, the saved one.
  const [template, setTemplate] = useState<string | null>(null);
  const saved = stored.data?.template;
  const draft = template ?? saved ?? '';
  const save = () => call('excerpts.setCitationTemplate', { template: draft }).then(stored.reload, (e: Error) => onError(e));

  const data = list.data;
  const attributes = cases?.attributes ?? [];
  const first = data && data.entries > 0 ? offset + 1 : 0;
  const last = data ? Math.min(offset + PAGE, data.entries) : 0;
  return (
    <section className="pane excerpts-view" aria-label="Excerpts view">
      <ExcerptSelector
        settings={settings}
        update={update}
        codes={sources.data?.codes ?? []}
        frameworks={frameworks.data?.frameworks ?? []}
        attributes={attributes}
      />
      <MatrixFilters
        filters={settings.filters}
        onChange={(filters) => update({ filters })}
        coders={coders}
        documents={documents}
        groups={groups.data ?? []}
        cases={cases}
        themes={[]}
      />
      <div className="excerpts-body">
        <div className="excerpts-results">
          <p className="hint excerpts-count" role="status">
            {list.error
              ? `The excerpts could not be loaded: ${list.error.message} `
              : data
                ? data.total === 0
                  ? 'No excerpts match.'
                  : `${data.total} ${data.total === 1 ? 'excerpt' : 'excerpts'}${data.entries !== data.total ? ` (${data.entries} listed under their groups)` : ''}`
                : 'Loading…'}
            {list.error && (
              <button type="button" onClick={() => setSettings(DEFAULT_EXCERPT_SETTINGS)}>
                Reset the selection
              </button>
            )}
          </p>
          {data && (
            <ExcerptItems
              excerpts={data.excerpts}
              template={draft}
              current={current}
              onShow={(x) => onShow({ documentId: x.documentId, start: x.start, end: x.end }, x)}
            />
          )}
          {data && data.entries > PAGE && (
            <nav className="excerpts-pages" aria-label="Pages">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                ‹ Previous
              </button>
              <span>
                {first}–{last} of {data.entries}
              </span>
              <button type="button" disabled={last >= data.entries} onClick={() => setOffset(offset + PAGE)}>
                Next ›
              </button>
            </nav>
          )}
        </div>
        <aside className="excerpts-side">
          <CitationEditor
            template={draft}
            onChange={setTemplate}
            saved={saved}
            defaultTemplate={stored.data?.default}
            onSave={() => void save()}
            attributes={attributes.map((a) => a.name)}
            sample={data?.excerpts[0]}
          />
          <ExcerptExport selection={selection} template={draft} settings={settings} update={update} total={data?.total} onError={onError} />
        </aside>
      </div>
    </section>
  );
}
