import { useRef, useState } from 'react';
import { call } from '../common/api';
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

/**
 * Exports every excerpt of the selection, cited with the template as it stands. A long export shows its
 * progress and can be cancelled: the file is then not saved.
 */
export function ExcerptExport({ selection, template, settings, update, total, onError }: Props) {
  const [running, setRunning] = useState<{ format: Format } | null>(null);
  const [message, setMessage] = useState('');
  const ticket = useRef(0);
  const run = async (format: Format) => {
    const mine = ++ticket.current;
    setRunning({ format });
    setMessage('');
    try {
      const file = await call('excerpts.export', {
        ...selection,
        format,
        citationTemplate: template,
        toc: settings.toc,
        pageNumbers: settings.pageNumbers,
        // The API cuts nothing shorter than 10 characters.
        maxLength: settings.maxLength !== null && settings.maxLength >= 10 ? settings.maxLength : undefined,
      });
      if (mine !== ticket.current) return;
      download(fromBase64(file.base64, file.mimeType), file.fileName);
      setMessage(`Exported ${file.excerpts} ${file.excerpts === 1 ? 'excerpt' : 'excerpts'} as ${file.fileName}.`);
    } catch (error) {
      if (mine === ticket.current) onError(error as Error);
    } finally {
      if (mine === ticket.current) setRunning(null);
    }
  };
  const cancel = () => {
    ticket.current++;
    setRunning(null);
    setMessage('Export cancelled: no file was saved.');
  };
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
        <div className="export-progress" role="status">
          <progress aria-label="Export progress" />
          <span>
            Exporting {total} {total === 1 ? 'excerpt' : 'excerpts'} as {label}…
          </span>
          <button type="button" onClick={cancel}>
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
