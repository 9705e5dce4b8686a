import { lazy, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { CodeActionPanel } from './CodeActions';
import type { Act } from './types';
import { CodeTree, type FocusRequest, type NewCodeAt } from './CodeTree';
import { MEASURES, places, type CodeNode, type Measure, type Move } from './code-tree-model';
import { ErrorBanner } from '../common/ErrorBanner';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { useCoderView } from '../common/coder-visibility';
import { Deferred } from '../common/Deferred';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';

// The tree shows first; a code's details, the sets, the frameworks and the exchange load on first use (see Deferred).
const CodebookExchange = lazy(() => import('./CodebookExchange').then((m) => ({ default: m.CodebookExchange })));
const CodeDetails = lazy(() => import('./CodeDetails').then((m) => ({ default: m.CodeDetails })));
const CodeSetsPanel = lazy(() => import('./CodeSetsPanel').then((m) => ({ default: m.CodeSetsPanel })));
const FrameworkEditor = lazy(() => import('./FrameworkEditor').then((m) => ({ default: m.FrameworkEditor })));

type Coder = ResultOf<'coders.list'>['coders'][number];
type Tab = 'codes' | 'sets' | 'frameworks';

const TABS: { id: Tab; label: string }[] = [
  { id: 'codes', label: 'Codes' },
  { id: 'sets', label: 'Sets' },
  { id: 'frameworks', label: 'Frameworks' },
];

/** The codebook: the code tree with counts and each code's details, code sets, frameworks, exchange. */
/**
 * `reveal`: a code to show (a new object each time someone asks, e.g. from the memo list); `resizer`: the
 * splitter that resizes this pane, inside its landmark on its edge.
 */
export function CodebookPane({ coders, reveal, resizer }: { coders: Coder[]; reveal?: { id: number } | null; resizer?: ReactNode }) {
  const [tab, setTab] = useStoredState<Tab>('codebook.tab', 'codes');
  const [countCoder, setCountCoder] = useStoredState<number | null>('codebook.countCoder', null);
  const [measure, setMeasure] = useStoredState<Measure>('codebook.measure', 'segmentsWithChildren');
  // Blind coding ("Only mine") counts the current coder's work only, whatever is chosen here.
  const { blind } = useCoderView();
  const coderId = blind ? blind.id : coders.some((c) => c.id === countCoder) ? countCoder : null;
  const tree = useQuery('codebook.tree', coderId === null ? {} : { coderId }, ['codebook-changed', 'segments-changed']);
  const sets = useQuery('codeSets.list', {}, ['codebook-changed']);
  const [filter, setFilter] = useState('');
  const [collapsedList, setCollapsed] = useStoredState<string[]>('codebook.collapsed', []);
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const [creating, setCreating] = useState<NewCodeAt | null>(null);
  const [panel, setPanel] = useState<CodeActionPanel>(null);
  const [exchange, setExchange] = useState(false);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [error, setError] = useState<Error>();

  // A newly chosen code's details start at their top.
  const detailsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    detailsRef.current?.scrollTo(0, 0);
  }, [selectedId, exchange]);

  // A code asked for from elsewhere is selected as the request arrives (state adjusted while rendering).
  const [revealed, setRevealed] = useState(reveal);
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal) {
      setTab('codes');
      setExchange(false);
      setSelectedId(reveal.id);
      setFocusRequest({ id: reveal.id });
    }
  }

  const codes = useMemo(() => tree.data ?? [], [tree.data]);
  const map = useMemo(() => places(codes), [codes]);
  const selected = selectedId === null ? undefined : map.get(selectedId)?.node;

  const act: Act = (promise) =>
    promise.then(
      (result) => {
        setError(undefined);
        return result;
      },
      (e: Error) => {
        setError(e);
        return undefined;
      },
    );
  const select = (id: number) => {
    if (id !== selectedId) setPanel(null);
    setExchange(false);
    setSelectedId(id);
  };
  const toggle = (guid: string, open?: boolean) => {
    const isOpen = !collapsed.has(guid);
    if (open === isOpen) return;
    setCollapsed(isOpen ? [...collapsedList, guid] : collapsedList.filter((g) => g !== guid));
  };
  const move = (m: Move) => void act(call('codes.move', m)).then((moved) => moved && setFocusRequest(m));
  const create = (parentId: number | null, name: string) =>
    void act(call('codes.create', { parentId, name })).then((code) => {
      if (!code) return;
      setSelectedId(code.id);
      setFocusRequest({ id: code.id });
    });
  const rename = (id: number, name: string) => void act(call('codes.update', { id, name })).then(() => setFocusRequest({ id }));
  const startCreating = (parent: CodeNode | null) => {
    if (parent && collapsed.has(parent.guid)) toggle(parent.guid, true);
    setCreating({ parentId: parent?.id ?? null });
  };
  // "+ New code" names its places: inside the selected code (framework cells hold no codes), or the top level.
  const newCodePlaces: MenuItem[] = [
    ...(selected && selected.framework === null ? [{ label: `Inside “${selected.name}”`, onSelect: () => startCreating(selected) }] : []),
    { label: 'At the top level', onSelect: () => startCreating(null) },
  ];

  return (
    <aside className="pane codebook-pane" aria-label="Codebook">
      <div className="codebook-head">
        <h2 className="pane-title">Codebook</h2>
      </div>
      <div role="tablist" aria-label="Codebook views" className="tabs">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`codebook-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`codebook-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const by = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!by) return;
              const next = TABS[(i + by + TABS.length) % TABS.length]!;
              setTab(next.id);
              document.getElementById(`codebook-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ErrorBanner error={error ?? tree.error} onDismiss={() => setError(undefined)} />
      <div role="tabpanel" id={`codebook-panel-${tab}`} aria-labelledby={`codebook-tab-${tab}`} className="tab-panel">
        {tab === 'codes' && (
          <>
            <div className="codebook-tools">
              <div className="row">
                <input
                  type="search"
                  aria-label="Filter codes"
                  placeholder="Filter codes"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
                <MenuButton
                  label="+ New code"
                  align="end"
                  title="Choose where the new code goes (in the tree: N inside the focused code, Shift+N beside it)"
                  items={newCodePlaces}
                />
              </div>
              <div className="row counts-choice">
                <label className="count-coder">
                  Counts
                  <select
                    aria-label="Counts for"
                    value={coderId ?? ''}
                    disabled={blind !== null}
                    title={blind ? '"Only mine" is on: the counts are yours alone' : undefined}
                    onChange={(e) => setCountCoder(e.target.value ? Number(e.target.value) : null)}
                  >
                    <option value="">All coders</option>
                    {coders.map((c) => (
                      <option key={c.id} value={c.id}>
                        Coder {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <select aria-label="Count what" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
                  {MEASURES.map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="link-button" aria-expanded={exchange} onClick={() => setExchange(!exchange)}>
                Export or import the codebook…
              </button>
            </div>
            <div className="pane-scroll tree-scroll">
              <CodeTree
                tree={codes}
                selectedId={selectedId}
                onSelect={select}
                measure={measure}
                filter={filter.trim().toLowerCase()}
                collapsed={collapsed}
                onToggle={toggle}
                renamingId={renamingId}
                onRenaming={(id) => setRenamingId(id !== null && map.get(id)?.node.framework ? null : id)}
                creating={creating}
                onCreating={setCreating}
                onRename={rename}
                onCreate={create}
                onMove={move}
                onDelete={(id) => {
                  select(id);
                  setPanel('delete');
                }}
                focusRequest={focusRequest}
                onFocused={() => setFocusRequest(null)}
              />
              <p className="keys-hint">N new code · F2 rename · Alt+↑↓ reorder · Alt+←→ out of / into · Delete · drag to move</p>
            </div>
            <div className="details-scroll" ref={detailsRef}>
              <Deferred>
                {exchange ? (
                  <CodebookExchange act={act} onClose={() => setExchange(false)} />
                ) : selected ? (
                  <CodeDetails
                    key={selected.id}
                    code={selected}
                    tree={codes}
                    sets={sets.data ?? []}
                    act={act}
                    onRename={() => setRenamingId(selected.id)}
                    panel={panel}
                    onPanel={setPanel}
                  />
                ) : (
                  <p className="hint pad">Choose a code to see its definition, counts and what you can do with it.</p>
                )}
              </Deferred>
            </div>
          </>
        )}
        {tab === 'sets' && (
          <Deferred>
            <CodeSetsPanel sets={sets.data ?? []} tree={codes} act={act} />
          </Deferred>
        )}
        {tab === 'frameworks' && (
          <Deferred>
            <FrameworkEditor
              tree={codes}
              act={act}
              onShowCode={(id) => {
                setTab('codes');
                select(id);
                setFocusRequest({ id });
              }}
            />
          </Deferred>
        )}
      </div>
      {resizer}
    </aside>
  );
}
