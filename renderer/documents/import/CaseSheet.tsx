import { useState } from 'react';
import type { ResultOf } from '../../../electron/api/methods';
import { call } from '../../common/api';
import { Dialog } from '../../common/Dialog';
import { itemsFromFiles } from './files';

type Result = ResultOf<'cases.importAttributes'>;

/** "Case attributes…": a CSV or XLSX sheet (one row per case) applied all or nothing, then what it did. */
export function CaseSheetButton() {
  const [outcome, setOutcome] = useState<{ result?: Result; error?: string }>();
  const [busy, setBusy] = useState(false);
  const upload = async (files: FileList | null) => {
    const [item] = itemsFromFiles(files ?? []);
    if (!item) return;
    setBusy(true);
    try {
      if (item.problem) throw new Error(item.problem);
      const source = await item.read();
      if (!('data' in source)) return;
      setOutcome({ result: await call('cases.importAttributes', { source }) });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <label
        className={`file-button${busy ? ' disabled' : ''}`}
        title="Set case attributes from a CSV or Excel sheet: a header row, then one row per case"
      >
        Case attributes…
        <input
          type="file"
          accept=".csv,.tsv,.xlsx"
          disabled={busy}
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {outcome && (
        <Dialog
          title="Case attributes"
          onClose={() => setOutcome(undefined)}
          footer={
            <button type="button" className="primary" autoFocus onClick={() => setOutcome(undefined)}>
              Close
            </button>
          }
        >
          {outcome.error ? (
            <p className="field-error" role="alert">
              {outcome.error} Nothing was changed.
            </p>
          ) : (
            <>
              <p role="status">
                “{outcome.result!.file}”: attributes set for {outcome.result!.cases} {outcome.result!.cases === 1 ? 'case' : 'cases'}
                {outcome.result!.created > 0 && `, ${outcome.result!.created} of them new`}.
              </p>
              <ul className="attribute-list">
                {outcome.result!.attributes.map((a) => (
                  <li key={a.name}>
                    {a.name} <span className="hint">({a.type})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Dialog>
      )}
    </>
  );
}
