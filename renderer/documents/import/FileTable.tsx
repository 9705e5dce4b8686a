import type { ResultOf } from '../../../electron/api/methods';
import { ENCODINGS, type EncodingName } from '../../../shared/encodings';
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
  return ['Ready', ...read.notes].join(' ');
}

// Files read as text, whose encoding can be chosen (Word and OpenDocument files carry theirs).
const TEXT_FILE = /\.(?:txt|text|md|markdown|vtt|srt)$/i;

interface Props {
  items: ImportItem[];
  reads: Record<string, Read>;
  /** Reads one file again in the encoding chosen. */
  onEncoding: (item: ImportItem, encoding: EncodingName) => void;
}

/** The chosen files as read: kind, paragraphs, and ready, already in the project, or why not. */
export function FileTable({ items, reads, onEncoding }: Props) {
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
          <TableHead columns={['File', 'Kind', { numeric: 'Paragraphs' }, 'Encoding', 'Status']} />
          <tbody>
            {items.map((item) => {
              const read = reads[item.key]!;
              const failed = 'error' in read;
              return (
                <tr key={item.key} className={failed ? 'failed' : read.duplicateOf ? 'duplicate' : undefined}>
                  <td className="file-name">{item.name}</td>
                  <td>{failed ? '—' : FORMATS[read.format]}</td>
                  <td className="number">{failed ? '—' : read.paragraphs}</td>
                  <td>
                    {(failed ? TEXT_FILE.test(item.name) : read.encoding !== null) ? (
                      <select
                        aria-label={`Encoding of ${item.name}`}
                        value={failed ? '' : (read.encoding ?? '')}
                        onChange={(e) => onEncoding(item, e.target.value as EncodingName)}
                      >
                        {failed && <option value="">Choose…</option>}
                        {ENCODINGS.map((e) => (
                          <option key={e.name} value={e.name}>
                            {e.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      '—'
                    )}
                  </td>
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
