import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { AgreementUnit } from '../../shared/agreement-explain';
import { call } from '../common/api';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';
import type { TranscriptTarget } from '../transcript/types';
import { CodeTable, DocumentTable, GroupTable } from './AgreementTables';
import { ComparedPassage } from './ComparedPassage';
import { DisagreementList } from './DisagreementList';
import { ReportExport } from './ReportExport';
import { RELIABLE, TENTATIVE } from './thresholds';

type Coder = ResultOf<'coders.list'>['coders'][number];
type DocumentSummary = ResultOf<'documents.list'>[number];

interface Settings {
  coderIds: number[];
  unit: AgreementUnit;
  /** Empty: every document (every code) both coders took part in. */
  documentIds: number[];
  codes: string[];
}

interface Props {
  projectGuid: string;
  coders: Coder[];
  documents: DocumentSummary[];
  onShow: (at: TranscriptTarget) => void;
  onError: (error: Error) => void;
}

const EVENTS = ['segments-changed', 'coders-changed', 'codebook-changed', 'documents-changed'] as const;

/** Picks several of a list: a compact multiple select, empty meaning "all". */
function Pick({
  label,
  all,
  options,
  value,
  onChange,
}: {
  label: string;
  all: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <label className="pick">
      {label}
      <select
        multiple
        aria-label={label}
        value={value}
        size={Math.min(4, Math.max(2, options.length))}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="button" className="link" onClick={() => onChange([])} disabled={value.length === 0}>
        {all}
      </button>
    </label>
  );
}

/** Inter-coder comparison: settings, the per-code, per-document and group tables, and the disagreements to step through. */
export function ComparisonView({ projectGuid, coders, documents, onShow, onError }: Props) {
  const [settings, setSettings] = useStoredState<Settings>(`compare.${projectGuid}`, {
    coderIds: coders.slice(0, 2).map((c) => c.id),
    unit: 'character',
    documentIds: [],
    codes: [],
  });
  const chosen = coders.filter((c) => settings.coderIds.includes(c.id)).map((c) => c.name);
  const documentNames = documents.filter((d) => settings.documentIds.includes(d.id)).map((d) => d.name);
  const scope = {
    coders: chosen,
    ...(settings.codes.length ? { codes: settings.codes } : {}),
    ...(documentNames.length ? { documents: documentNames } : {}),
  };
  const result = useQuery('agreement.compute', chosen.length >= 2 ? { ...scope, unit: settings.unit } : null, EVENTS);
  // Every code anyone of the chosen coders applied, for the code picker.
  const all = useQuery(
    'agreement.compute',
    chosen.length >= 2 && settings.codes.length ? { coders: chosen, unit: 'document' } : null,
    EVENTS,
  );
  // By speaker turn when the statistics count turns; by character otherwise (a whole document is no place to step to).
  const disagreementUnit = settings.unit === 'paragraph' ? 'paragraph' : 'character';
  const disagreements = useQuery('agreement.disagreements', chosen.length === 2 ? { ...scope, unit: disagreementUnit } : null, EVENTS);
  const [code, setCode] = useState<string | null>(null);
  const [chosenIndex, setIndex] = useState(0);
  const items = disagreements.data?.disagreements ?? [];
  // The list shrinks as disagreements are resolved: stay on the last one.
  const index = Math.min(chosenIndex, Math.max(0, items.length - 1));

  const data = chosen.length >= 2 ? result.data : undefined;
  const codeOptions = (settings.codes.length ? (all.data ?? data) : data)?.codes.map((r) => ({ value: r.code!, label: r.code! })) ?? [];
  const step = (i: number) => {
    setIndex(i);
    const d = items[i];
    if (d) onShow({ documentId: d.documentId, start: d.start, end: d.end });
  };
  // The two coders compared, by id too (the disagreements name them).
  const named = (name: string) => coders.find((c) => c.name === name);
  const [first, second] = (disagreements.data?.coders ?? []).map(named);
  const pair = first && second ? ([first, second] as [Coder, Coder]) : null;
  const error = chosen.length < 2 ? null : (result.error ?? disagreements.error);

  return (
    <div className="comparison-view" aria-label="Coder comparison" role="region">
      <div className="comparison-settings" role="group" aria-label="Comparison settings">
        <fieldset>
          <legend>Coders (two or more)</legend>
          {coders.map((c) => (
            <label key={c.id} className="coder-pick">
              <input
                type="checkbox"
                checked={settings.coderIds.includes(c.id)}
                onChange={(e) =>
                  setSettings({
                    ...settings,
                    coderIds: e.target.checked ? [...settings.coderIds, c.id] : settings.coderIds.filter((id) => id !== c.id),
                  })
                }
              />
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.name}
            </label>
          ))}
        </fieldset>
        <label className="pick">
          Unit
          <select
            aria-label="Unit"
            value={settings.unit}
            onChange={(e) => setSettings({ ...settings, unit: e.target.value as AgreementUnit })}
          >
            <option value="character">Characters</option>
            <option value="paragraph">Speaker turns</option>
            <option value="document">Documents</option>
          </select>
        </label>
        <Pick
          label="Documents"
          all="All documents"
          options={documents.map((d) => ({ value: String(d.id), label: d.name }))}
          value={settings.documentIds.map(String)}
          onChange={(v) => setSettings({ ...settings, documentIds: v.map(Number) })}
        />
        <Pick
          label="Codes"
          all="All codes"
          options={codeOptions}
          value={settings.codes}
          onChange={(codes) => setSettings({ ...settings, codes })}
        />
        <p className="legend" aria-label="Legend">
          <span className="coef reliable">≥ {RELIABLE}</span> reliable
          <span className="coef tentative">≥ {TENTATIVE}</span> tentative
          <span className="coef unreliable">&lt; {TENTATIVE}</span> not reliable
          <span className="coef undefined">undefined</span> no variation
        </p>
      </div>
      {chosen.length < 2 && <p className="comparison-note">Choose two or more coders to compare.</p>}
      {error && (
        <p className="comparison-note" role="alert">
          {error.message}
        </p>
      )}
      {data && !error && (
        <div className="comparison-body">
          <div className="comparison-tables">
            <ReportExport spec={{ ...scope, unit: settings.unit }} onError={onError} />
            <h3>Per code, pooled over documents</h3>
            <CodeTable result={data} selected={code} onSelect={setCode} />
            {code && data.codes.some((r) => r.code === code) && (
              <>
                <h3>{code}, per document</h3>
                <DocumentTable result={data} code={code} />
              </>
            )}
            {data.groups.length > 0 && (
              <>
                <h3>Groups of mutually exclusive codes (unitizing)</h3>
                <GroupTable groups={data.groups} unit={data.unit} />
              </>
            )}
          </div>
          {chosen.length === 2 && disagreements.data && (
            <DisagreementList
              coders={disagreements.data.coders}
              unit={disagreements.data.unit}
              items={items}
              index={index}
              onStep={step}
              passage={pair && items[index] && <ComparedPassage coders={pair} current={items[index]} />}
              onReconcile={(d, decision, note) =>
                call('agreement.reconcile', {
                  coders: disagreements.data!.coders,
                  documentId: d.documentId,
                  codeId: d.codeId,
                  start: d.start,
                  end: d.end,
                  side: d.side,
                  decision,
                  note,
                }).then(() => step(Math.min(index + 1, items.length - 1)), onError)
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
