import type { ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { MatrixFilters as Filters } from './matrix-settings';

type Coder = ResultOf<'coders.list'>['coders'][number];
type DocumentSummary = ResultOf<'documents.list'>[number];
type Cases = ResultOf<'cases.list'>;
type Theme = ResultOf<'matrix.get'>['themes'][number];
type Group = ResultOf<'documentGroups.list'>[number];

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  coders: Coder[];
  documents: DocumentSummary[];
  groups: Group[];
  cases: Cases | undefined;
  themes: Theme[];
  /** Shown at the end of the row (the scope the filters leave). */
  children?: ReactNode;
}

/** Every value an attribute takes: its choices, or the values cases have. */
function attributeValues(cases: Cases | undefined) {
  return (cases?.attributes ?? []).map((a) => ({
    ...a,
    values: a.choices ?? [...new Set(cases!.cases.map((c) => c.attributes[a.name]).filter((v): v is string => v !== undefined))].sort(),
  }));
}

/** Active filters as removable chips, and one menu to add coders, document groups, documents, case attribute values or themes. */
export function MatrixFilters({ filters, onChange, coders, documents, groups, cases, themes, children }: Props) {
  const attributes = attributeValues(cases);
  const groupIds = filters.groupIds ?? [];
  const chips = [
    ...filters.coderIds.map((id) => ({
      key: `coder:${id}`,
      label: `Coder ${coders.find((c) => c.id === id)?.name ?? id}`,
      remove: () => onChange({ ...filters, coderIds: filters.coderIds.filter((x) => x !== id) }),
    })),
    ...filters.documentIds.map((id) => ({
      key: `doc:${id}`,
      label: documents.find((d) => d.id === id)?.name ?? `Document ${id}`,
      remove: () => onChange({ ...filters, documentIds: filters.documentIds.filter((x) => x !== id) }),
    })),
    ...groupIds.map((id) => ({
      key: `group:${id}`,
      label: `Group ${groups.find((g) => g.id === id)?.name ?? id}`,
      remove: () => onChange({ ...filters, groupIds: groupIds.filter((x) => x !== id) }),
    })),
    ...filters.caseAttributes.map((a) => ({
      key: `attr:${a.attributeId}:${a.value}`,
      label: `${attributes.find((x) => x.id === a.attributeId)?.name ?? 'Attribute'}: ${a.value}`,
      remove: () => onChange({ ...filters, caseAttributes: filters.caseAttributes.filter((x) => x !== a) }),
    })),
    ...filters.themeIds.map((id) => ({
      key: `theme:${id}`,
      label: `Theme ${themes.find((t) => t.id === id)?.name ?? id}`,
      remove: () => onChange({ ...filters, themeIds: filters.themeIds.filter((x) => x !== id) }),
    })),
  ];
  const add = (value: string) => {
    const [kind, id, ...rest] = value.split(':');
    const n = Number(id);
    if (kind === 'coder') onChange({ ...filters, coderIds: [...filters.coderIds, n] });
    if (kind === 'doc') onChange({ ...filters, documentIds: [...filters.documentIds, n] });
    if (kind === 'group') onChange({ ...filters, groupIds: [...groupIds, n] });
    if (kind === 'attr') onChange({ ...filters, caseAttributes: [...filters.caseAttributes, { attributeId: n, value: rest.join(':') }] });
    if (kind === 'theme') onChange({ ...filters, themeIds: [...filters.themeIds, n] });
  };
  const none: Filters = { coderIds: [], documentIds: [], groupIds: [], caseAttributes: [], themeIds: [] };
  return (
    <div className="matrix-filters" role="group" aria-label="Filters">
      <select aria-label="Add a filter" value="" onChange={(e) => e.target.value && add(e.target.value)}>
        <option value="">+ Filter…</option>
        <optgroup label="Coder">
          {coders
            .filter((c) => !filters.coderIds.includes(c.id))
            .map((c) => (
              <option key={c.id} value={`coder:${c.id}`}>
                Coder {c.name}
              </option>
            ))}
        </optgroup>
        {attributes.map((a) => (
          <optgroup key={a.id} label={`Cases by ${a.name}`}>
            {a.values
              .filter((v) => !filters.caseAttributes.some((x) => x.attributeId === a.id && x.value === v))
              .map((v) => (
                <option key={v} value={`attr:${a.id}:${v}`}>
                  {a.name}: {v}
                </option>
              ))}
          </optgroup>
        ))}
        {groups.length > 0 && (
          <optgroup label="Document group">
            {groups
              .filter((g) => !groupIds.includes(g.id))
              .map((g) => (
                <option key={g.id} value={`group:${g.id}`}>
                  Group {g.name}
                </option>
              ))}
          </optgroup>
        )}
        <optgroup label="Document">
          {documents
            .filter((d) => !filters.documentIds.includes(d.id))
            .map((d) => (
              <option key={d.id} value={`doc:${d.id}`}>
                {d.name}
              </option>
            ))}
        </optgroup>
        <optgroup label="Theme">
          {themes
            .filter((t) => t.codable && !filters.themeIds.includes(t.id))
            .map((t) => (
              <option key={t.id} value={`theme:${t.id}`}>
                {t.path}
              </option>
            ))}
        </optgroup>
      </select>
      {chips.length === 0 && <span className="hint">All coders, documents and themes</span>}
      <ul className="filter-chips">
        {chips.map((c) => (
          <li key={c.key} className="filter-chip">
            {c.label}
            <button type="button" className="icon-button" aria-label={`Remove filter ${c.label}`} onClick={c.remove}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button type="button" className="link-button" onClick={() => onChange(none)}>
          Clear filters
        </button>
      )}
      {children}
    </div>
  );
}
