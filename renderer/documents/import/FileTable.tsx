import type { ResultOf } from '../../../electron/api/methods';
import type { ImportItem } from './files';
import { TableHead } from './TableHead';

export type Read = ResultOf<'import.preview'> | { error: string };

const FORMATS: Record<ResultOf<'import.preview'>['format'], string> = {
  txt: 'Text',
  md: 'Markdown',
  vtt: 'WebVTT',
  srt: 'SubRip',
  docx: 'Word',
  odt: 'OpenDocument',
  paste: 'Pasted text',
};

function status(read: Read): string {
  if ('error' in read) return read.error;
  if (read.duplicateOf) return `Already in the project as “${read.duplicateOf}”`;
  return ['Ready', read.encoding && read.encoding !== 'UTF-8' ? `(${read.encoding})` : '', ...read.notes].filter(Boolean).join(' ');
}

/** The chosen files as read: kind, paragraphs, and ready, already in the project, or why not. */
export function FileTable({ items, reads }: { items: ImportItem[]; reads: Record<string, Read> }) {
  const ready = items.filter((item) => reads[item.key] && !('error' in reads[item.key]!)).length;
  return (
    <section className="import-section" aria-labelledby="files-title">
      <h3 id="files-title">
        {items.length === 1 ? 'File' : `${items.length} files`}{' '}
        <span className="hint">
          {ready} ready{items.length > ready ? ` · ${items.length - ready} cannot be imported` : ''}
        </span>
      </h3>
      <div className="table-scroll">
        <table className="import-table file-table">
          <TableHead columns={['File', 'Kind', { numeric: 'Paragraphs' }, 'Status']} />
          <tbody>
            {items.map((item) => {
              const read = reads[item.key]!;
              const failed = 'error' in read;
              return (
                <tr key={item.key} className={failed ? 'failed' : read.duplicateOf ? 'duplicate' : undefined}>
                  <td className="file-name">{item.name}</td>
                  <td>{failed ? '—' : FORMATS[read.format]}</td>
                  <td className="number">{failed ? '—' : read.paragraphs}</td>
                  <td>{status(read)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
