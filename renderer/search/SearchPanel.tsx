import { useEffect, useMemo, useState } from 'react';
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { type CoderView, useCoderView } from '../common/coder-visibility';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { useQuery } from '../common/use-query';
import type { SearchHitSpans } from '../transcript/search-hits';
import type { TranscriptTarget } from '../transcript/types';
import { SavedSearches } from './SavedSearches';
import { SearchScope, type Scope } from './SearchScope';
import { SpeakerAutocode } from './SpeakerAutocode';

type Search = ArgsOf<'search.run'>;
type Result = ResultOf<'search.run'>;
type Expansion = ArgsOf<'search.autocode'>['expand'];

const PAGE = 100;
const EXPANSIONS: { value: NonNullable<Expansion>; label: string }[] = [
  { value: 'hit', label: 'the hit' },
  { value: 'word', label: 'its word' },
  { value: 'sentence', label: 'its sentence' },
  { value: 'paragraph', label: 'its paragraph' },
  { value: 'turn', label: "the speaker's turn" },
];

interface Props {
  documents: ResultOf<'documents.list'>;
  cases: ResultOf<'cases.list'> | undefined;
  /** The document open in the transcript, whose hits are marked there and stepped through. */
  openDocumentId: number | null;
  onHits: (hits: SearchHitSpans | null) => void;
  onShow: (target: TranscriptTarget) => void;
  onError: (error: Error) => void;
}

const MARKED = 1000;

/** The spans of the search's hits in the open document (the first MARKED of them); null with no search. */
function useHitsHere(search: Search | null, documentId: number | null): { start: number; end: number }[] | null {
  const inScope = search !== null && documentId !== null && (!search.scope?.documentIds || search.scope.documentIds.includes(documentId));
  const spec = inScope ? { ...search, offset: 0, limit: MARKED, scope: { ...search.scope, documentIds: [documentId] } } : null;
  const hits = useQuery('search.run', spec, ['segments-changed', 'documents-changed']);
  const data = hits.data;
  return useMemo(
    () => (search === null || documentId === null ? null : !inScope ? [] : (data?.hits.map(({ start, end }) => ({ start, end })) ?? null)),
    [data, inScope, search, documentId],
  );
}

/** While blind, "coded with" and "uncoded" look at the blind coder's codings alone (no one else's are used). */
function blinded(search: Search | null, blind: CoderView['blind']): Search | null {
  const scope = search?.scope;
  return blind && scope && (scope.codedWith?.length || scope.uncoded) ? { ...search, scope: { ...scope, codedBy: [blind.id] } } : search;
}

type Hit = { documentId: number; start: number; end: number };
const hitKey = (h: Hit) => `${h.documentId}:${h.start}:${h.end}`;

/** The documents of a page of hits, in their order. */
function documentsOf(hits: Result['hits']): { documentId: number; document: string }[] {
  return hits.filter((h, i) => i === 0 || hits[i - 1]!.documentId !== h.documentId);
}

/** Search across transcripts: a query, keyword-in-context hits grouped by document, and auto-coding of the hits. */
export function SearchPanel({ documents, cases, openDocumentId, onHits, onShow, onError }: Props) {
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [noStem, setNoStem] = useState(false);
  const [scope, setScope] = useState<Scope>({});
  // The search as asked (and saved); `effective` is what runs, with the blind coder's scope while blind.
  const [search, setSearch] = useState<Search | null>(null);
  const { blind } = useCoderView();
  const effective = useMemo(() => blinded(search, blind), [search, blind]);
  const [result, setResult] = useState<Result | null>(null);
  // Whose blindness the hits were found under: a coded / uncoded search's hits depend on it.
  const [ranBlind, setRanBlind] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [autocoding, setAutocoding] = useState(false);
  const [bySpeaker, setBySpeaker] = useState(false);
  const [speakerDone, setSpeakerDone] = useState<string | null>(null);
  // Hits chosen for auto-coding (by document and offsets); none chosen means all of them.
  const [chosen, setChosen] = useState<Map<string, Hit>>(new Map());
  const toggle = (h: Hit) => {
    const next = new Map(chosen);
    if (!next.delete(hitKey(h))) next.set(hitKey(h), { documentId: h.documentId, start: h.start, end: h.end });
    setChosen(next);
  };
  // The counts come after the first page: counting a common word means matching every paragraph.
  const counts = useQuery('search.count', effective, ['segments-changed']);
  const countOf = new Map(counts.data?.groups.map((g) => [g.documentId, g.hits]));
  const here = useHitsHere(effective, openDocumentId);
  // Which hit of the open document was stepped to last; a new set of hits starts again.
  const [stepped, setStepped] = useState<{ of: typeof here; at: number } | null>(null);
  const step = stepped?.of === here ? stepped.at : null;
  useEffect(() => {
    onHits(here && openDocumentId !== null ? { documentId: openDocumentId, spans: here } : null);
  }, [here, openDocumentId, onHits]);
  const go = (by: 1 | -1) => {
    if (!here?.length || openDocumentId === null) return;
    const next = step === null ? (by === 1 ? 0 : here.length - 1) : (step + by + here.length) % here.length;
    setStepped({ of: here, at: next });
    onShow({ documentId: openDocumentId, ...here[next]! });
  };
  // F3 and Shift+F3 step through the open document's hits wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F3') return;
      e.preventDefault();
      go(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const run = async (spec: Search, offset: number) => {
    try {
      const page = await call('search.run', { ...blinded(spec, blind)!, offset, limit: PAGE });
      setRanBlind(blind?.id ?? null);
      setProblem(null);
      setSearch(spec);
      setResult((previous) => (offset === 0 || !previous ? page : { ...page, hits: [...previous.hits, ...page.hits] }));
      if (offset === 0) setChosen(new Map());
    } catch (error) {
      setProblem((error as Error).message);
      setResult(null);
    }
  };

  // A coded / uncoded search found under other blindness is not shown: its hits used codings "Only mine" now hides (or shows).
  const stale = result !== null && !!(search?.scope?.codedWith?.length || search?.scope?.uncoded) && ranBlind !== (blind?.id ?? null);
  const shown = stale ? null : result;

  return (
    <section className="search-panel" aria-label="Search">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim())
            void run(
              { query, ...(regex ? { regex } : {}), ...(noStem ? { noStem } : {}), ...(Object.keys(scope).length ? { scope } : {}) },
              0,
            );
        }}
      >
        <input
          type="search"
          aria-label="Search query"
          placeholder={regex ? 'Regular expression' : 'Words, "phrases", inspect*, NEAR(a b), AND / OR / NOT'}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Shift+Enter steps back through the open document's hits (Enter runs the search).
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              go(-1);
            }
          }}
        />
        <label>
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> Regex
        </label>
        <label>
          <input type="checkbox" checked={noStem} disabled={regex} onChange={(e) => setNoStem(e.target.checked)} /> Exact words
        </label>
        <button type="submit">Search</button>
        {shown && shown.hits.length > 0 && (
          <button type="button" onClick={() => setAutocoding(true)}>
            {chosen.size > 0 ? `Auto-code ${chosen.size} chosen hits…` : `Auto-code ${counts.data ? `${counts.data.total} ` : ''}hits…`}
          </button>
        )}
        {chosen.size > 0 && (
          <button type="button" onClick={() => setChosen(new Map())}>
            Choose none
          </button>
        )}
        <button type="button" className="search-by-speaker" onClick={() => setBySpeaker(true)}>
          Auto-code a speaker…
        </button>
      </form>
      {speakerDone && (
        <p role="status" className="search-speaker-done">
          {speakerDone}
        </p>
      )}
      <details className="search-options">
        <summary>Scope and saved searches</summary>
        <SearchScope scope={scope} onChange={setScope} documents={documents} cases={cases} />
        <SavedSearches
          current={search}
          onRun={(saved) => {
            // The saved search comes back into the form, so it can be changed and run again.
            setQuery(saved.query);
            setRegex(saved.regex ?? false);
            setNoStem(saved.noStem ?? false);
            setScope(saved.scope ?? {});
            void run(saved, 0);
          }}
          onError={onError}
        />
      </details>
      {here && openDocumentId !== null && (
        <div className="search-steps">
          <button type="button" onClick={() => go(-1)} disabled={here.length === 0} aria-keyshortcuts="Shift+F3">
            Previous hit
          </button>
          <button type="button" onClick={() => go(1)} disabled={here.length === 0} aria-keyshortcuts="F3">
            Next hit
          </button>
          <span role="status" className="search-step-status">
            {here.length === 0
              ? 'No hits in the open document'
              : step === null
                ? `${here.length} hits marked in the open document`
                : `Hit ${step + 1} of ${here.length} in the open document`}
          </span>
        </div>
      )}
      {stale && (
        <p className="hint" role="status">
          “Only mine” was turned {blind ? 'on' : 'off'}: search again for the hits in {blind ? 'your' : 'every coder’s'} coded text.
        </p>
      )}
      {problem && (
        <p className="search-problem" role="alert">
          {problem}
        </p>
      )}
      {shown && (
        <div className="search-results">
          <p role="status" className="search-total">
            {counts.data
              ? `${counts.data.total} hits in ${counts.data.groups.length} documents`
              : shown.hits.length === 0
                ? 'No hits'
                : 'Counting the hits…'}
          </p>
          {documentsOf(shown.hits).map((group) => (
            <div key={group.documentId} className="search-group">
              <h3>
                {group.document} {countOf.has(group.documentId) && <span className="search-count">{countOf.get(group.documentId)}</span>}
              </h3>
              <ul>
                {shown.hits
                  .filter((h) => h.documentId === group.documentId)
                  .map((h) => (
                    <li key={`${h.start}-${h.end}`}>
                      <input
                        type="checkbox"
                        className="search-choose"
                        aria-label={`Choose the hit in ¶ ${h.paragraph} of ${h.document}`}
                        checked={chosen.has(hitKey(h))}
                        onChange={() => toggle(h)}
                      />
                      <button
                        type="button"
                        className="search-hit"
                        onClick={() => onShow({ documentId: h.documentId, start: h.start, end: h.end })}
                      >
                        <span className="search-where">
                          ¶ {h.paragraph}
                          {h.speaker ? ` ${h.speaker}` : ''}
                        </span>
                        <span className="search-before">{h.before}</span>
                        <mark>{h.match}</mark>
                        <span>{h.after}</span>
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {shown.more && search && (
            <button type="button" onClick={() => void run(search, shown.hits.length)}>
              Show more hits
            </button>
          )}
        </div>
      )}
      {autocoding && search && (
        <AutocodeDialog
          search={effective!}
          hits={chosen.size > 0 ? [...chosen.values()] : undefined}
          onClose={() => setAutocoding(false)}
          onDone={() => {
            setAutocoding(false);
            void run(search, 0);
          }}
          onError={onError}
        />
      )}
      {bySpeaker && (
        <SpeakerAutocode
          scope={scope}
          onClose={() => setBySpeaker(false)}
          onDone={(speaker, segments) => {
            setBySpeaker(false);
            setSpeakerDone(`Coded ${segments} turns of ${speaker}. Undo undoes them all.`);
          }}
          onError={onError}
        />
      )}
    </section>
  );
}

function AutocodeDialog({
  search,
  hits,
  onClose,
  onDone,
  onError,
}: {
  search: Search;
  /** Only these hits; all of the search's when absent. */
  hits: Hit[] | undefined;
  onClose: () => void;
  onDone: () => void;
  onError: (error: Error) => void;
}) {
  const refs = useQuery('codebook.refs', {}, ['codebook-changed']);
  const [codeId, setCodeId] = useState<number | null>(null);
  const [expand, setExpand] = useState<NonNullable<Expansion>>('sentence');
  const [busy, setBusy] = useState(false);
  const spec = codeId === null ? null : { search, ...(hits ? { hits } : {}), expand, codeIds: [codeId] };
  const preview = useQuery('search.autocodePreview', spec, ['segments-changed']);

  const apply = async () => {
    if (!spec) return;
    setBusy(true);
    try {
      await call('search.autocode', spec);
      onDone();
    } catch (error) {
      onError(error as Error);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Auto-code the hits"
      onClose={onClose}
      busy={busy}
      footer={
        <DialogActions
          action={`Code ${preview.data?.segments ?? 0} passages`}
          busy={busy}
          disabled={!preview.data || preview.data.segments === 0}
          onAction={() => void apply()}
          onCancel={onClose}
        />
      }
    >
      <label>
        Code{' '}
        <select aria-label="Code" value={codeId ?? ''} onChange={(e) => setCodeId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Choose a code…</option>
          {refs.data?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.ref}
            </option>
          ))}
        </select>
      </label>
      <label>
        Grow each hit to{' '}
        <select aria-label="Expand to" value={expand} onChange={(e) => setExpand(e.target.value as NonNullable<Expansion>)}>
          {EXPANSIONS.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      {preview.error && <p role="alert">{preview.error.message}</p>}
      {preview.data && (
        <p role="status" className="autocode-count">
          {preview.data.passages} hits make {preview.data.segments} new segments; {preview.data.skipped} passages are coded with this code
          already and are skipped. One Undo undoes it all.
        </p>
      )}
    </Dialog>
  );
}
