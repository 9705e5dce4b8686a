import { useState, type ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { conditionLabel } from '../../shared/case-condition';
import type { MatrixFilters as Filters } from './matrix-settings';
import { RangeFilter, rangeAttributes } from './RangeFilter';

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

/** The filters that can be added, by group (as the menu shows them): each with its value and label. */
function choices({ filters, coders, documents, groups, cases, themes }: Props) {
  const groupIds = filters.groupIds ?? [];
  return [
    {
      group: 'Coder',
      options: coders.filter((c) => !filters.coderIds.includes(c.id)).map((c) => ({ value: `coder:${c.id}`, label: `Coder ${c.name}` })),
    },
    ...attributeValues(cases).map((a) => ({
      group: `Cases by ${a.name}`,
      options: a.values
        .filter((v) => !filters.caseAttributes.some((x) => x.attributeId === a.id && 'value' in x && x.value === v))
        .map((v) => ({ value: `attr:${a.id}:${v}`, label: `${a.name}: ${v}` })),
    })),
    {
      group: 'Document group',
      options: groups.filter((g) => !groupIds.includes(g.id)).map((g) => ({ value: `group:${g.id}`, label: `Group ${g.name}` })),
    },
    {
      group: 'Document',
      options: documents.filter((d) => !filters.documentIds.includes(d.id)).map((d) => ({ value: `doc:${d.id}`, label: d.name })),
    },
    {
      group: 'Theme',
      options: themes.filter((t) => t.codable && !filters.themeIds.includes(t.id)).map((t) => ({ value: `theme:${t.id}`, label: t.path })),
    },
  ];
}

/**
 * Active filters as removable chips; one menu to add coders, document groups, documents, case attribute values or themes,
 * narrowed by a search box (Enter adds the first match); ranges of number and date attributes.
 */
export function MatrixFilters(props: Props) {
  const { filters, onChange, cases, groups, children } = props;
  const groupIds = filters.groupIds ?? [];
  const [search, setSearch] = useState('');
  const [ranging, setRanging] = useState(false);
  const attributes = cases?.attributes ?? [];
  const nameOf = (attributeId: number) => attributes.find((x) => x.id === attributeId)?.name ?? 'Attribute';
  const chips = [
    ...filters.coderIds.map((id) => ({
      key: `coder:${id}`,
      label: `Coder ${props.coders.find((c) => c.id === id)?.name ?? id}`,
      remove: () => onChange({ ...filters, coderIds: filters.coderIds.filter((x) => x !== id) }),
    })),
    ...filters.documentIds.map((id) => ({
      key: `doc:${id}`,
      label: props.documents.find((d) => d.id === id)?.name ?? `Document ${id}`,
      remove: () => onChange({ ...filters, documentIds: filters.documentIds.filter((x) => x !== id) }),
    })),
    ...groupIds.map((id) => ({
      key: `group:${id}`,
      label: `Group ${groups.find((g) => g.id === id)?.name ?? id}`,
      remove: () => onChange({ ...filters, groupIds: groupIds.filter((x) => x !== id) }),
    })),
    ...filters.caseAttributes.map((a) => ({
      key: `attr:${JSON.stringify(a)}`,
      label: conditionLabel(nameOf(a.attributeId), a),
      remove: () => onChange({ ...filters, caseAttributes: filters.caseAttributes.filter((x) => x !== a) }),
    })),
    ...filters.themeIds.map((id) => ({
      key: `theme:${id}`,
      label: `Theme ${props.themes.find((t) => t.id === id)?.name ?? id}`,
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
  const words = search.trim().toLowerCase();
  const menu = choices(props)
    .map((g) => ({
      ...g,
      // A group's name matches too ("cases by region" lists every region).
      options: words ? g.options.filter((o) => `${g.group} ${o.label}`.toLowerCase().includes(words)) : g.options,
    }))
    .filter((g) => g.options.length > 0);
  const matches = menu.reduce((n, g) => n + g.options.length, 0);
  const none: Filters = { coderIds: [], documentIds: [], groupIds: [], caseAttributes: [], themeIds: [] };
  return (
    <div className="matrix-filters" role="group" aria-label="Filters">
      <input
        type="search"
        className="filter-search"
        aria-label="Search filter values"
        placeholder="Search values…"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the first match: type "metro", press Enter.
          if (e.key === 'Enter' && words && menu[0]) {
            e.preventDefault();
            add(menu[0].options[0]!.value);
            setSearch('');
          }
        }}
      />
      <select aria-label="Add a filter" value="" onChange={(e) => e.target.value && add(e.target.value)}>
        <option value="">{words ? `+ Filter… (${matches} matching)` : '+ Filter…'}</option>
        {menu.map((g) => (
          <optgroup key={g.group} label={g.group}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {rangeAttributes(cases).length > 0 && (
        <button type="button" aria-expanded={ranging} onClick={() => setRanging(!ranging)}>
          Range…
        </button>
      )}
      {ranging && (
        <RangeFilter
          cases={cases}
          onAdd={(range) => {
            onChange({ ...filters, caseAttributes: [...filters.caseAttributes, range] });
            setRanging(false);
          }}
        />
      )}
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
