import { useRef, useState } from 'react';
import { ApiCallError, call } from '../common/api';
import { download, fromBase64 } from '../common/download';
import type { ExcerptSettings, Selection } from './excerpt-settings';

const FORMATS = [
  ['docx', 'Word (DOCX)'],
  ['md', 'Markdown'],
  ['html', 'Web page (HTML)'],
  ['csv', 'CSV'],
  ['xlsx', 'Excel (XLSX)'],
] as const;

type Format = (typeof FORMATS)[number][0];

interface Props {
  selection: Selection;
  template: string;
  settings: ExcerptSettings;
  update: (change: Partial<ExcerptSettings>) => void;
  total: number | undefined;
  onError: (error: Error) => void;
}

/** How often the bar asks how far the export is. */
const POLL_MS = 150;

/** An id no other export of this host uses: jobs are the host's, shared by every window on it. */
const newJobId = () => `excerpt-export-${crypto.randomUUID()}`;

interface Running {
  format: Format;
  job: string;
  done: number;
  total: number;
  phase: string;
}

/**
 * Exports every excerpt of the selection, cited with the template as it stands. The export runs as a job
 * in the main process: its bar follows `jobs.progress`, and Cancel stops it there (`jobs.cancel`), so no
 * file is made.
 */
export function ExcerptExport({ selection, template, settings, update, total, onError }: Props) {
  const [running, setRunning] = useState<Running | null>(null);
  const [message, setMessage] = useState('');
  const ticket = useRef(0);
  const run = async (format: Format) => {
    const mine = ++ticket.current;
    const job = newJobId();
    setRunning({ format, job, done: 0, total: total ?? 0, phase: 'starting' });
    setMessage('');
    const poll = setInterval(() => {
      call('jobs.progress', { job }).then(
        (p) => {
          if (mine === ticket.current && p.state === 'running')
            setRunning((r) => r && { ...r, done: p.done, total: p.total || r.total, phase: p.phase });
        },
        () => {},
      );
    }, POLL_MS);
    try {
      const file = await call('excerpts.export', {
        ...selection,
        format,
        citationTemplate: template,
        toc: settings.toc,
        pageNumbers: settings.pageNumbers,
        // The API cuts nothing shorter than 10 characters.
        maxLength: settings.maxLength !== null && settings.maxLength >= 10 ? settings.maxLength : undefined,
        job,
      });
      if (mine !== ticket.current) return;
      download(fromBase64(file.base64, file.mimeType), file.fileName);
      setMessage(`Exported ${file.excerpts} ${file.excerpts === 1 ? 'excerpt' : 'excerpts'} as ${file.fileName}.`);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'cancelled') setMessage('Export cancelled: no file was made.');
      else if (mine === ticket.current) onError(error as Error);
    } finally {
      clearInterval(poll);
      if (mine === ticket.current) setRunning(null);
    }
  };
  const cancel = () => {
    if (!running) return;
    setRunning({ ...running, phase: 'cancelling' });
    call('jobs.cancel', { job: running.job }).catch(onError);
  };
  const percent = running && running.total > 0 ? Math.min(100, Math.round((running.done / running.total) * 100)) : 0;
  const label = FORMATS.find(([f]) => f === running?.format)?.[1];
  return (
    <section className="excerpt-export" aria-label="Export">
      <h3>Export</h3>
      <div className="export-formats">
        {FORMATS.map(([format, name]) => (
          <button key={format} type="button" disabled={running !== null || !total} onClick={() => void run(format)}>
            {name}
          </button>
        ))}
      </div>
      <label className="excerpt-field">
        <input type="checkbox" checked={settings.toc} onChange={(e) => update({ toc: e.target.checked })} />
        <span>Table of contents (DOCX, HTML)</span>
      </label>
      <label className="excerpt-field">
        <input type="checkbox" checked={settings.pageNumbers} onChange={(e) => update({ pageNumbers: e.target.checked })} />
        <span>Page numbers (DOCX)</span>
      </label>
      <label className="excerpt-field">
        <span>Shorten excerpts to</span>
        <input
          type="number"
          min={10}
          step={10}
          className="max-length"
          aria-label="Maximum excerpt length"
          placeholder="full text"
          value={settings.maxLength ?? ''}
          onChange={(e) => update({ maxLength: e.target.value ? Number(e.target.value) : null })}
        />
        <span>characters</span>
      </label>
      {running && (
        <div className="export-progress">
          <div
            className="progress-track"
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${running.done} of ${running.total} excerpts ${running.phase}`}
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <span role="status">
            {running.phase === 'cancelling'
              ? 'Cancelling…'
              : running.phase === 'packing'
                ? `Putting the ${label} file together…`
                : `Exporting ${running.done} of ${running.total} ${running.total === 1 ? 'excerpt' : 'excerpts'} as ${label}…`}
          </span>
          <button type="button" onClick={cancel} disabled={running.phase === 'cancelling'}>
            Cancel
          </button>
        </div>
      )}
      {!running && message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
