import type { ResultOf } from '../../electron/api/methods';
import type { ExcerptSettings, Grouping } from './excerpt-settings';

type Frameworks = ResultOf<'frameworks.list'>['frameworks'];
type Code = ResultOf<'matrix.codeSources'>['codes'][number];
type Attribute = ResultOf<'cases.list'>['attributes'][number];

interface Props {
  settings: ExcerptSettings;
  update: (change: Partial<ExcerptSettings>) => void;
  codes: Code[];
  frameworks: Frameworks;
  attributes: Attribute[];
}

const GROUPINGS: [Grouping, string][] = [
  ['none', 'Nothing'],
  ['code', 'Code'],
  ['cell', 'Framework cell'],
  ['document', 'Document'],
  ['case', 'Case'],
];

/** Which codes (any or all, with or without sub-codes), which framework cell and slice, and how the list is grouped and ordered. */
export function ExcerptSelector({ settings, update, codes, frameworks, attributes }: Props) {
  // Framework codes are chosen by cell and slice, not in the codes list.
  const frameworkCodes = new Set(
    frameworks.flatMap((f) => [f.rootCodeId, ...f.cells.map((c) => c.codeId), ...f.slices.map((s) => s.codeId)]),
  );
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const cellName = (f: Frameworks[number], codeId: number) => {
    const cell = f.cells.find((c) => c.codeId === codeId)!;
    return `${f.rows.find((r) => r.id === cell.rowId)!.name} × ${f.columns.find((c) => c.id === cell.columnId)!.name}`;
  };
  const anchored = settings.cellCodeId !== null || settings.sliceCodeId !== null;
  return (
    <>
      <div className="matrix-toolbar excerpt-codes-row" role="group" aria-label="Codes">
        <select
          aria-label="Add a code"
          value=""
          onChange={(e) => e.target.value && update({ codeIds: [...settings.codeIds, Number(e.target.value)] })}
        >
          <option value="">+ Code…</option>
          {codes
            .filter((c) => !frameworkCodes.has(c.id) && !settings.codeIds.includes(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
        </select>
        <ul className="filter-chips">
          {settings.codeIds.map((id) => {
            const label = codeById.get(id)?.path ?? `Code ${id}`;
            return (
              <li key={id} className="filter-chip">
                {label}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove code ${label}`}
                  onClick={() => update({ codeIds: settings.codeIds.filter((x) => x !== id) })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {settings.codeIds.length === 0 && <span className="hint">Any code</span>}
        <div className="segmented" role="radiogroup" aria-label="Match">
          <span className="field-label">Match</span>
          {(['any', 'all'] as const).map((m) => (
            <label key={m} className={settings.match === m ? 'on' : undefined}>
              <input type="radio" name="excerpt-match" checked={settings.match === m} onChange={() => update({ match: m })} />
              {m === 'any' ? 'Any of them' : 'All of them'}
            </label>
          ))}
        </div>
        <label className="excerpt-field">
          <input type="checkbox" checked={settings.subcodes} onChange={(e) => update({ subcodes: e.target.checked })} />
          <span>With sub-codes</span>
        </label>
      </div>
      <div className="matrix-toolbar">
        <label className="excerpt-field">
          <span>Framework cell</span>
          <select
            aria-label="Framework cell"
            value={settings.cellCodeId ?? ''}
            onChange={(e) => update({ cellCodeId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Any</option>
            {frameworks.map((f) => (
              <optgroup key={f.id} label={f.name}>
                {f.cells.map((c) => (
                  <option key={c.codeId} value={c.codeId}>
                    {cellName(f, c.codeId)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="excerpt-field">
          <span>Slice</span>
          <select
            aria-label="Slice"
            value={settings.sliceCodeId ?? ''}
            onChange={(e) => update({ sliceCodeId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Any</option>
            {frameworks
              .filter((f) => f.slices.length)
              .map((f) => (
                <optgroup key={f.id} label={`${f.name}: ${f.sliceLabel ?? 'slice'}`}>
                  {f.slices.map((s) => (
                    <option key={s.codeId} value={s.codeId}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </label>
        {anchored && settings.codeIds.length > 0 && (
          <label className="excerpt-field" title="How the codes meet the cell: the matrix's rule">
            <span>Codes</span>
            <select
              aria-label="Codes meet the cell"
              value={settings.mode}
              onChange={(e) => update({ mode: e.target.value as ExcerptSettings['mode'] })}
            >
              <option value="overlap">on the passage or an overlapping one (same coder)</option>
              <option value="same-segment">on the passage itself</option>
            </select>
          </label>
        )}
        <label className="excerpt-field">
          <span>Group by</span>
          <select aria-label="Group by" value={settings.groupBy} onChange={(e) => update({ groupBy: e.target.value as Grouping })}>
            {GROUPINGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="excerpt-field">
          <span>Order by</span>
          <select
            aria-label="Order by"
            value={settings.orderByAttributeId ?? ''}
            onChange={(e) => update({ orderByAttributeId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">Document position</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                Case: {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </>
  );
}
