import { useMemo, useRef, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { download, fromBase64 } from '../common/download';
import { MenuButton } from '../common/MenuButton';
import { NameDialog } from '../common/NameDialog';
import { useQuery } from '../common/use-query';
import { CaseSheetPicker } from '../documents/import/CaseSheet';
import { AttributeDialog, DeleteAttributeDialog } from './AttributeDialogs';
import { CaseDocumentsDialog } from './CaseDocumentsDialog';
import { CaseMemo } from './CaseMemo';
import { DeleteCaseDialog } from './DeleteCaseDialog';
import { ValueCell } from './ValueCell';

export type Attribute = ResultOf<'cases.list'>['attributes'][number];
export type Case = ResultOf<'cases.list'>['cases'][number];

/** Sorted by the case name (null) or an attribute's id. */
interface Sort {
  by: number | null;
  descending: boolean;
}

/** Orders values as their type does: numbers and dates by value, text by the locale; empty ones last. */
function compareValues(a: string | undefined, b: string | undefined, type: Attribute['type'] | 'name'): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (type === 'number') return Number(a) - Number(b);
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

type Open =
  | { kind: 'new-case' }
  | { kind: 'rename-case'; case: Case }
  | { kind: 'delete-case'; case: Case }
  | { kind: 'documents'; case: Case }
  | { kind: 'new-attribute' }
  | { kind: 'edit-attribute'; attribute: Attribute }
  | { kind: 'delete-attribute'; attribute: Attribute };

/**
 * "Cases and attributes…": every case × every attribute, sortable by any column and filtered by a word;
 * each value is edited in place, checked against its attribute's type; attributes are added, renamed,
 * retyped and deleted from their column's menu; cases are linked to documents by choice; the sheet can be
 * imported and exported (CSV, XLSX). The selected case's memo is written under the table. Every change is
 * an undoable step (Ctrl+Z).
 */
export function CaseTable({ onClose }: { onClose(): void }) {
  const cases = useQuery('cases.list', {}, ['documents-changed']);
  const documentList = useQuery('documents.list', {}, ['documents-changed']);
  const documents = documentList.data ?? [];
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>({ by: null, descending: false });
  const [open, setOpen] = useState<Open | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sheet = useRef<HTMLInputElement>(null);
  const attributes = useMemo(() => cases.data?.attributes ?? [], [cases.data]);
  const onError = (error: Error) => setProblem(error.message);

  const rows = useMemo(() => {
    const words = filter.trim().toLowerCase();
    const list = (cases.data?.cases ?? []).filter(
      (c) => !words || [c.name, ...Object.values(c.attributes)].some((v) => v.toLowerCase().includes(words)),
    );
    const attribute = attributes.find((a) => a.id === sort.by);
    const sorted = [...list].sort((a, b) =>
      attribute
        ? compareValues(a.attributes[attribute.name], b.attributes[attribute.name], attribute.type) || compareValues(a.name, b.name, 'name')
        : compareValues(a.name, b.name, 'name'),
    );
    return sort.descending ? sorted.reverse() : sorted;
  }, [cases.data, attributes, filter, sort]);
  const selected = cases.data?.cases.find((c) => c.id === selectedId);

  const exportSheet = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await call('cases.export', { format });
      download(fromBase64(file.base64, file.mimeType), file.fileName);
    } catch (error) {
      onError(error as Error);
    }
  };
  const sortButton = (label: string, by: number | null) => {
    const active = sort.by === by;
    return (
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ by, descending: active ? !sort.descending : false })}
        aria-label={`${label}, sort ${active && !sort.descending ? 'descending' : 'ascending'}`}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    );
  };
  const ariaSort = (by: number | null) => (sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const docName = (id: number) => documents.find((d) => d.id === id)?.name ?? `Document ${id}`;
  const total = cases.data?.cases.length ?? 0;

  return (
    <Dialog title="Cases and attributes" wide onClose={onClose}>
      <div className="case-table-tools">
        <label className="case-filter">
          <span>Filter cases</span>
          <input type="search" value={filter} placeholder="Name or value…" onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" onClick={() => setOpen({ kind: 'new-case' })}>
          Add case…
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'new-attribute' })}>
          Add attribute…
        </button>
        <span className="case-table-sheet">
          <button
            type="button"
            title="Set attributes from a CSV or Excel sheet: a header row, then one row per case"
            onClick={() => sheet.current?.click()}
          >
            Import sheet…
          </button>
          <button type="button" onClick={() => void exportSheet('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportSheet('xlsx')}>
            Export XLSX
          </button>
        </span>
      </div>
      <CaseSheetPicker inputRef={sheet} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}{' '}
          <button type="button" className="link-button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
      <p className="hint" role="status">
        {rows.length === total ? `${total} ${total === 1 ? 'case' : 'cases'}` : `${rows.length} of ${total} cases`} · {attributes.length}{' '}
        {attributes.length === 1 ? 'attribute' : 'attributes'}. Values are saved when you leave a cell; Undo (Ctrl+Z) takes a change back.
      </p>
      <div className="case-table-scroll">
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort(null)}>
                {sortButton('Case', null)}
              </th>
              {attributes.map((a) => (
                <th key={a.id} scope="col" aria-sort={ariaSort(a.id)}>
                  <span className="case-column-head">
                    {sortButton(a.name, a.id)}
                    <span className="hint case-column-type">{a.type}</span>
                    <MenuButton
                      label="⋯"
                      name={`Attribute ${a.name}`}
                      title={`${a.name}: rename, retype or delete`}
                      className="case-column-menu"
                      align="end"
                      items={[
                        { label: `Rename or retype ${a.name}…`, onSelect: () => setOpen({ kind: 'edit-attribute', attribute: a }) },
                        { label: `Delete ${a.name}…`, onSelect: () => setOpen({ kind: 'delete-attribute', attribute: a }) },
                      ]}
                    />
                  </span>
                </th>
              ))}
              <th scope="col">Documents</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr
                key={c.id}
                className={c.id === selectedId ? 'selected' : undefined}
                onFocus={() => setSelectedId(c.id)}
                onClick={() => setSelectedId(c.id)}
              >
                <th scope="row">
                  <span className="case-row-name">{c.name}</span>
                  <MenuButton
                    label="⋯"
                    name={`Case ${c.name}`}
                    title={`${c.name}: rename or delete`}
                    className="case-row-menu"
                    items={[
                      { label: `Rename ${c.name}…`, onSelect: () => setOpen({ kind: 'rename-case', case: c }) },
                      { label: `Delete ${c.name}…`, onSelect: () => setOpen({ kind: 'delete-case', case: c }) },
                    ]}
                  />
                </th>
                {attributes.map((a) => (
                  <td key={a.id}>
                    <ValueCell
                      caseName={c.name}
                      attribute={a}
                      value={c.attributes[a.name]}
                      onSave={(value) => call('cases.setValue', { caseId: c.id, attributeId: a.id, value })}
                    />
                  </td>
                ))}
                <td>
                  <span className="case-documents">{c.documentIds.map(docName).join(', ') || '—'}</span>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Documents of ${c.name}`}
                    onClick={() => setOpen({ kind: 'documents', case: c })}
                  >
                    Documents…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {total === 0 && <p className="hint pad">No cases yet: add one, or import a sheet of cases.</p>}
      </div>
      {selected ? (
        <CaseMemo key={selected.id} caseItem={selected} onError={onError} />
      ) : (
        // As tall as a case's memo: the dialog must not move under the click that selects a case.
        <section className="case-memo" aria-label="Case memo">
          <h3>Memo</h3>
          <textarea aria-label="Memo" rows={3} disabled placeholder="Select a case to write its memo." />
        </section>
      )}
      {open?.kind === 'new-case' && (
        <NameDialog
          title="Add case"
          action="Add"
          initial=""
          onClose={() => setOpen(null)}
          onSave={(name) => call('cases.create', { name }).then((r) => setSelectedId(r.id))}
          onError={onError}
        />
      )}
      {open?.kind === 'rename-case' && (
        <NameDialog
          title="Rename case"
          action="Rename"
          initial={open.case.name}
          onClose={() => setOpen(null)}
          onSave={(name) => call('cases.rename', { id: open.case.id, name })}
          onError={onError}
        />
      )}
      {open?.kind === 'delete-case' && <DeleteCaseDialog caseItem={open.case} onClose={() => setOpen(null)} onError={onError} />}
      {open?.kind === 'documents' && (
        <CaseDocumentsDialog caseItem={open.case} documents={documents} onClose={() => setOpen(null)} onError={onError} />
      )}
      {(open?.kind === 'new-attribute' || open?.kind === 'edit-attribute') && (
        <AttributeDialog attribute={open.kind === 'edit-attribute' ? open.attribute : null} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete-attribute' && (
        <DeleteAttributeDialog attribute={open.attribute} onClose={() => setOpen(null)} onError={onError} />
      )}
    </Dialog>
  );
}
