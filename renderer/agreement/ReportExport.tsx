import { useState } from 'react';
import type { ArgsOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { download, fromBase64 } from '../common/download';

type Spec = Omit<ArgsOf<'agreement.export'>, 'format'>;

const FORMATS = [
  ['docx', 'DOCX'],
  ['csv', 'CSV'],
] as const;

/** Saves the agreement report of the comparison's current settings, as the other exports do (a download the desktop saves). */
export function ReportExport({ spec, onError }: { spec: Spec; onError: (error: Error) => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const run = async (format: 'docx' | 'csv') => {
    setBusy(true);
    setMessage('');
    try {
      const file = await call('agreement.export', { ...spec, format });
      download(fromBase64(file.base64, file.mimeType), file.fileName);
      setMessage(`Saved ${file.fileName}.`);
    } catch (error) {
      onError(error as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="report-export" role="group" aria-label="Export report">
      {FORMATS.map(([format, name]) => (
        <button key={format} type="button" disabled={busy} onClick={() => void run(format)}>
          Export report ({name})
        </button>
      ))}
      <span className="report-message" role="status">
        {message}
      </span>
    </div>
  );
}
