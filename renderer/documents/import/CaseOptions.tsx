import type { ArgsOf } from '../../../electron/api/methods';

export type AttributeValue = NonNullable<ArgsOf<'documents.import'>['attributes']>[number];

export interface CaseChoice {
  /** each: a case per document, named after it; one: all in the named case; none: no case. */
  mode: 'each' | 'one' | 'none';
  name: string;
  attributes: AttributeValue[];
}

const TYPES: AttributeValue['type'][] = ['text', 'number', 'date', 'choice'];

/** Which case the imported documents go into, and attribute values to set on it. */
export function CaseOptions({ value, onChange }: { value: CaseChoice; onChange: (value: CaseChoice) => void }) {
  const setAttribute = (i: number, patch: Partial<AttributeValue>) =>
    onChange({ ...value, attributes: value.attributes.map((a, k) => (k === i ? { ...a, ...patch } : a)) });
  return (
    <section className="import-section" aria-labelledby="cases-title">
      <h3 id="cases-title">Cases</h3>
      <fieldset className="case-modes">
        <legend className="visually-hidden">Put the documents in</legend>
        {(
          [
            ['each', 'A case per document, named after it'],
            ['one', 'All in one case'],
            ['none', 'No case'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode}>
            <input type="radio" name="case-mode" checked={value.mode === mode} onChange={() => onChange({ ...value, mode })} />
            {label}
          </label>
        ))}
        {value.mode === 'one' && (
          <input
            aria-label="Case name"
            value={value.name}
            placeholder="Case name"
            onChange={(e) => onChange({ ...value, name: e.target.value })}
          />
        )}
      </fieldset>
      {value.mode !== 'none' && (
        <div className="attribute-rows">
          {value.attributes.map((a, i) => (
            <div className="row" key={i}>
              <input
                aria-label={`Attribute ${i + 1} name`}
                placeholder="Attribute"
                value={a.name}
                onChange={(e) => setAttribute(i, { name: e.target.value })}
              />
              <select
                aria-label={`Attribute ${i + 1} type`}
                value={a.type}
                onChange={(e) => setAttribute(i, { type: e.target.value as AttributeValue['type'] })}
              >
                {TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
              <input
                aria-label={`Attribute ${i + 1} value`}
                placeholder={a.type === 'date' ? '2010-06-21' : 'Value'}
                value={a.value}
                onChange={(e) => setAttribute(i, { value: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove attribute ${i + 1}`}
                onClick={() => onChange({ ...value, attributes: value.attributes.filter((_, k) => k !== i) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => onChange({ ...value, attributes: [...value.attributes, { name: '', type: 'text', value: '' }] })}
          >
            Add a case attribute
          </button>
          <p className="hint">
            Set on the case of every document imported now. For values that differ by case, import a sheet in Cases and attributes….
          </p>
        </div>
      )}
    </section>
  );
}
