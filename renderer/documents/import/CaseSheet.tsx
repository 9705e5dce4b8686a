import { useState, type RefObject } from 'react';
import type { ResultOf } from '../../../electron/api/methods';
import { call } from '../../common/api';
import { Dialog } from '../../common/Dialog';
import { itemsFromFiles } from './files';

type Result = ResultOf<'cases.importAttributes'>;

/**
 * "Case attributes…": a CSV or XLSX sheet (one row per case) applied all or nothing, then what it did. The
 * file input is hidden: the project menu's item clicks it through `inputRef`.
 */
export function CaseSheetPicker({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
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
      <input
        ref={inputRef}
        type="file"
        hidden
        aria-label="Case attributes…"
        accept=".csv,.tsv,.xlsx"
        disabled={busy}
        onChange={(e) => {
          void upload(e.target.files);
          e.target.value = '';
        }}
      />
      {busy && (
        <span role="status" className="hint">
          Reading the sheet…
        </span>
      )}
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
