import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { Act } from './types';
import { download, fromBase64 } from '../common/download';
import { itemsFromFiles } from '../documents/import/files';

type Format = 'qdc' | 'md' | 'docx';
type Report = ResultOf<'codebook.import'>;

const FORMATS: { value: Format; label: string }[] = [
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)' },
  { value: 'docx', label: 'Word appendix (.docx)' },
  { value: 'md', label: 'Markdown appendix (.md)' },
];

function ReportView({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <details>
        <summary>
          {title} ({items.length})
        </summary>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </details>
    );
  return (
    <div className="import-report" role="status" aria-label="Import report">
      <p>
        <strong>Imported {report.file}</strong>: {report.added.length} added, {report.matched.length} matched, {report.renamed.length}{' '}
        renamed or moved
        {report.sets.added.length + report.sets.matched.length > 0 &&
          `; sets: ${report.sets.added.length} added, ${report.sets.matched.length} matched`}
        .
      </p>
      {list('Added', report.added)}
      {list(
        'Matched',
        report.matched.map((m) => `${m.path} (by ${m.by === 'guid' ? 'GUID' : 'name'})`),
      )}
      {list(
        'Renamed or moved',
        report.renamed.map((r) => `${r.from} → ${r.to}`),
      )}
      {list('Notes', report.notes)}
      <button type="button" onClick={onDismiss}>
        Done
      </button>
    </div>
  );
}

/**
 * Codebook export (REFI-QDA .qdc, or an appendix as DOCX/Markdown) saved as a download (the desktop asks
 * where), and .qdc import from a file chosen here, sent as its contents, with its report.
 */
export function CodebookExchange({ act, onClose }: { act: Act; onClose: () => void }) {
  const [format, setFormat] = useState<Format>('qdc');
  const [exported, setExported] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const exportNow = (e: FormEvent) => {
    e.preventDefault();
    void act(call('codebook.export', { format })).then((file) => {
      if (!file) return;
      download(fromBase64(file.base64, file.mimeType), file.fileName);
      setExported(`Exported ${file.codes} codes as ${file.fileName}`);
    });
  };
  const importFile = async (files: FileList | null) => {
    const [item] = itemsFromFiles(files ?? []);
    if (!item) return;
    const source = item.problem ? Promise.reject(new Error(item.problem)) : item.read();
    const result = await act(source.then((s) => ('data' in s ? call('codebook.import', { source: s }) : undefined)));
    if (result) setReport(result);
  };
  return (
    <section className="exchange" aria-label="Export and import">
      <header className="row exchange-head">
        <h3>Export and import</h3>
        <button type="button" className="icon-button" aria-label="Close export and import" onClick={onClose}>
          ×
        </button>
      </header>
      <form onSubmit={exportNow} aria-label="Export the codebook">
        <div className="row">
          <label className="field">
            <span>Export as</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Export</button>
        </div>
        {exported && (
          <p className="hint" role="status">
            {exported}
          </p>
        )}
      </form>
      <label className="field">
        <span>Import a REFI-QDA codebook (.qdc): codes are matched by GUID, then by name</span>
        <input
          type="file"
          accept=".qdc,.xml"
          aria-label="Codebook file to import"
          onChange={(e) => {
            void importFile(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {report && <ReportView report={report} onDismiss={() => setReport(null)} />}
    </section>
  );
}
