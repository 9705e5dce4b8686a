// Where a search looks: documents, cases by an attribute's value, speakers, text coded with chosen codes,
// or only uncoded text. Plain multiple selects, so the keyboard and screen readers know them.
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { useQuery } from '../common/use-query';

export type Scope = NonNullable<ArgsOf<'search.run'>['scope']>;

interface Props {
  scope: Scope;
  onChange: (scope: Scope) => void;
  documents: ResultOf<'documents.list'>;
  cases: ResultOf<'cases.list'> | undefined;
}

const chosen = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/** The scope without empty parts, so an untouched scope is no scope. */
function tidy(scope: Scope): Scope {
  return Object.fromEntries(
    Object.entries(scope).filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)),
  ) as Scope;
}

export function SearchScope({ scope, onChange, documents, cases }: Props) {
  const speakers = useQuery('search.speakers', {}, ['documents-changed']);
  const refs = useQuery('codebook.refs', {}, ['codebook-changed']);
  const set = (part: Partial<Scope>) => onChange(tidy({ ...scope, ...part }));
  const attribute = scope.cases?.attribute ?? '';
  const values = [...new Set((cases?.cases ?? []).map((c) => c.attributes[attribute]).filter((v): v is string => !!v))].sort();

  return (
    <fieldset className="search-scope">
      <legend>Search in</legend>
      <label>
        Documents
        <select
          multiple
          size={4}
          value={(scope.documentIds ?? []).map(String)}
          onChange={(e) => set({ documentIds: chosen(e.target).map(Number) })}
        >
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Speakers
        <select multiple size={4} value={scope.speakers ?? []} onChange={(e) => set({ speakers: chosen(e.target) })}>
          {speakers.data?.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <div className="search-scope-cases">
        <label>
          Cases whose
          <select value={attribute} onChange={(e) => set({ cases: e.target.value ? { attribute: e.target.value, value: '' } : undefined })}>
            <option value="">(any case)</option>
            {cases?.attributes.map((a) => (
              <option key={a.id} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {attribute && (
          <label>
            is
            <select value={scope.cases?.value ?? ''} onChange={(e) => set({ cases: { attribute, value: e.target.value } })}>
              <option value="">Choose a value…</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label>
        Only in text coded with
        <select
          multiple
          size={4}
          value={(scope.codedWith ?? []).map(String)}
          disabled={scope.uncoded}
          onChange={(e) => set({ codedWith: chosen(e.target).map(Number) })}
        >
          {refs.data?.map((r) => (
            <option key={r.id} value={r.id}>
              {r.ref}
            </option>
          ))}
        </select>
      </label>
      <label className="search-scope-uncoded">
        <input
          type="checkbox"
          checked={scope.uncoded ?? false}
          onChange={(e) => set({ uncoded: e.target.checked, ...(e.target.checked ? { codedWith: [] } : {}) })}
        />{' '}
        Only in uncoded text
      </label>
    </fieldset>
  );
}
