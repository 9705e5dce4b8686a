import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { Act } from './types';

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

/** Codebook export (REFI-QDA .qdc, or an appendix as DOCX/Markdown) and .qdc import with its report. */
export function CodebookExchange({ projectFile, act, onClose }: { projectFile: string; act: Act; onClose: () => void }) {
  const base = projectFile.replace(/\.trellis$/i, '');
  const [format, setFormat] = useState<Format>('qdc');
  const [exportPath, setExportPath] = useState(`${base} codebook.qdc`);
  const [importPath, setImportPath] = useState('');
  const [written, setWritten] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const choose = (next: Format) => {
    setFormat(next);
    setExportPath(exportPath.replace(/\.(qdc|md|docx)$/i, '') + `.${next}`);
  };
  const exportNow = (e: FormEvent) => {
    e.preventDefault();
    void act(call('codebook.export', { file: exportPath.trim(), format })).then(
      (r) => r && setWritten(`Wrote ${r.codes} codes to ${r.file}`),
    );
  };
  const importNow = (e: FormEvent) => {
    e.preventDefault();
    void act(call('codebook.import', { file: importPath.trim() })).then((r) => r && setReport(r));
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
        <label className="field">
          <span>Export as</span>
          <select value={format} onChange={(e) => choose(e.target.value as Format)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <input aria-label="Export to file" value={exportPath} onChange={(e) => setExportPath(e.target.value)} />
          <button type="submit" disabled={!exportPath.trim()}>
            Export
          </button>
        </div>
        {written && (
          <p className="hint" role="status">
            {written}
          </p>
        )}
      </form>
      <form onSubmit={importNow} aria-label="Import a codebook">
        <label className="field">
          <span>Import a REFI-QDA codebook (.qdc): codes are matched by GUID, then by name</span>
          <div className="row">
            <input
              aria-label="Codebook file to import"
              placeholder="/path/to/codebook.qdc"
              value={importPath}
              onChange={(e) => setImportPath(e.target.value)}
            />
            <button type="submit" disabled={!importPath.trim()}>
              Import
            </button>
          </div>
        </label>
      </form>
      {report && <ReportView report={report} onDismiss={() => setReport(null)} />}
    </section>
  );
}
