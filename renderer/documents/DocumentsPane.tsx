import type { KeyboardEvent, ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { DocumentActions } from './DocumentActions';
import { DocumentGroups } from './DocumentGroups';

type DocumentSummary = ResultOf<'documents.list'>[number];
type Case = ResultOf<'cases.list'>['cases'][number];

interface Props {
  /** The splitter that resizes this pane: inside its landmark, on its edge. */
  resizer?: ReactNode;
  documents: DocumentSummary[];
  cases: Case[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onError: (error: Error) => void;
}

interface Group {
  key: string;
  name: string;
  detail: string;
  documents: DocumentSummary[];
}

function groupByCase(documents: DocumentSummary[], cases: Case[]): Group[] {
  const groups: Group[] = cases.map((c) => ({
    key: `case-${c.id}`,
    name: c.name,
    detail: Object.values(c.attributes).slice(0, 2).join(' · '),
    documents: documents.filter((d) => d.caseIds.includes(c.id)),
  }));
  const loose = documents.filter((d) => d.caseIds.length === 0);
  if (loose.length > 0) groups.push({ key: 'no-case', name: 'Not in a case', detail: '', documents: loose });
  return groups.filter((g) => g.documents.length > 0);
}

/** Documents grouped by case; Up/Down move through them, Alt+Up/Down move the selected one in its case. */
export function DocumentsPane({ documents, cases, selectedId, onSelect, onError, resizer }: Props) {
  const groups = groupByCase(documents, cases);
  const order = groups.flatMap((g) => g.documents.map((d) => d.id));
  const selected = documents.find((d) => d.id === selectedId);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && selectedId !== null) {
      e.preventDefault();
      // The neighbour in the same case group, and its place in the project's order.
      const group = groups.find((g) => g.documents.some((d) => d.id === selectedId))!.documents;
      const neighbour = group[group.findIndex((d) => d.id === selectedId) + (e.key === 'ArrowUp' ? -1 : 1)];
      if (neighbour) call('documents.move', { id: selectedId, index: documents.indexOf(neighbour) }).catch(onError);
      return;
    }
    const at = order.indexOf(selectedId ?? -1);
    const next = e.key === 'ArrowDown' ? order[at + 1] : e.key === 'ArrowUp' ? order[at - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(`doc-${next}`)?.focus();
  };
  return (
    <nav className="pane documents-pane" aria-label="Documents">
      <h2 className="pane-title">
        <span>
          Documents <span className="count">{documents.length}</span>
        </span>
        {selected && <DocumentActions key={selected.id} document={selected} onError={onError} />}
      </h2>
      <div className="pane-scroll" onKeyDown={onKeyDown}>
        {groups.map((g) => (
          <section key={g.key} className="case-group" aria-label={`Case ${g.name}`}>
            <h3 className="case-name">
              {g.name}
              {g.detail && <span className="case-detail">{g.detail}</span>}
            </h3>
            <ul>
              {g.documents.map((d) => (
                <li key={d.id}>
                  <button
                    id={`doc-${d.id}`}
                    type="button"
                    className="document-row"
                    aria-current={d.id === selectedId ? 'true' : undefined}
                    aria-keyshortcuts={d.id === selectedId ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
                    onClick={() => onSelect(d.id)}
                  >
                    <span className="document-name">{d.name}</span>
                    <span className="document-counts">
                      {d.paragraphs} turns · {d.segments} {d.segments === 1 ? 'segment' : 'segments'}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {documents.length === 0 && (
          <p className="hint pad">No documents yet. Import transcripts with Import… or paste one with Paste as document….</p>
        )}
      </div>
      <DocumentGroups selected={selected} onError={onError} />
      {resizer}
    </nav>
  );
}
