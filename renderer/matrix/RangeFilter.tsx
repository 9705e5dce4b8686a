// A range of a number or date case attribute for the matrix (and excerpts) filters: from, to, or both,
// the ends included. Inputs of the attribute's kind, so the browser checks a number or a date is typed.
import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { CaseCondition } from '../../shared/case-condition';

type Cases = ResultOf<'cases.list'>;

/** The attributes a range applies to. */
export const rangeAttributes = (cases: Cases | undefined) =>
  (cases?.attributes ?? []).filter((a) => a.type === 'number' || a.type === 'date');

export function RangeFilter({ cases, onAdd }: { cases: Cases | undefined; onAdd: (range: CaseCondition) => void }) {
  const attributes = rangeAttributes(cases);
  const [attributeId, setAttributeId] = useState(attributes[0]?.id ?? 0);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const attribute = attributes.find((a) => a.id === attributeId);
  // The values cases have, as a hint of where a range might start and end.
  const present = attribute ? cases!.cases.map((c) => c.attributes[attribute.name]).filter((v): v is string => !!v) : [];
  const sorted = attribute?.type === 'number' ? present.map(Number).sort((a, b) => a - b) : present.sort();
  const submit = () => {
    if (!attribute || (!min && !max)) return;
    onAdd({ attributeId: attribute.id, ...(min ? { min } : {}), ...(max ? { max } : {}) });
  };
  return (
    <div className="range-filter" role="group" aria-label="Add a range">
      <label>
        Range of{' '}
        <select
          value={attributeId}
          onChange={(e) => {
            setAttributeId(Number(e.target.value));
            setMin('');
            setMax('');
          }}
        >
          {attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        from{' '}
        <input
          type={attribute?.type === 'date' ? 'date' : 'number'}
          value={min}
          onChange={(e) => setMin(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
      </label>
      <label>
        to{' '}
        <input
          type={attribute?.type === 'date' ? 'date' : 'number'}
          value={max}
          onChange={(e) => setMax(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
      </label>
      <button type="button" onClick={submit} disabled={!min && !max}>
        Add range
      </button>
      {sorted.length > 0 && (
        <span className="hint">
          cases have {sorted[0]}–{sorted[sorted.length - 1]}
        </span>
      )}
    </div>
  );
}
