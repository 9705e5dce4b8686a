import { useState } from 'react';
import type { ArgsOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { download, fromBase64 } from '../common/download';

/** Exports the memos of the kind and author chosen in the list (the search words narrow only the list). */
export function MemoExport({ filter, onError }: { filter: Omit<ArgsOf<'memos.export'>, 'format'>; onError(e: Error): void }) {
  const [format, setFormat] = useState<'docx' | 'md'>('docx');
  const [busy, setBusy] = useState(false);
  const exportMemos = async () => {
    setBusy(true);
    try {
      const file = await call('memos.export', { format, ...filter });
      download(fromBase64(file.base64, file.mimeType), file.fileName);
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="memo-export" role="group" aria-label="Export memos">
      <label>
        <span>Export as</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as 'docx' | 'md')}>
          <option value="docx">Word (.docx)</option>
          <option value="md">Markdown (.md)</option>
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void exportMemos()}>
        Export memos…
      </button>
      <span className="hint">The memos of the kind and author chosen, each with its object, author and date.</span>
    </div>
  );
}
