// Files chosen in the browser (or the desktop window) become API sources: their bytes, base64, read
// only when a call needs them, so a hundred large transcripts are never all in memory at once.
import type { ArgsOf } from '../../../electron/api/methods';
import { MAX_IMPORT_BYTES } from '../../../shared/protocol';
import { readBase64 } from '../../common/read-file';

export type ImportSource = ArgsOf<'documents.import'>['source'];

export interface ImportItem {
  key: string;
  /** The file's path inside the chosen folder, its name, or the pasted text's name. */
  name: string;
  read: () => Promise<ImportSource>;
  /** Known before anything is sent: a file over the size limit. */
  problem?: string;
}

const megabytes = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);

/** The chosen files in name order; hidden files (".DS_Store", files in ".git") are left out, as a folder import on disk does. */
export function itemsFromFiles(files: FileList | File[]): ImportItem[] {
  return [...files]
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .filter(({ name }) => !name.split('/').some((part) => part.startsWith('.')))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
    .map(({ file, name }) => ({
      key: `${name}:${file.size}:${file.lastModified}`,
      name,
      read: async () => ({ name, data: await readBase64(file) }),
      problem:
        file.size > MAX_IMPORT_BYTES
          ? `"${file.name}" is ${megabytes(file.size)} MB; Trellis imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
          : undefined,
    }));
}

export function itemFromText(name: string, text: string): ImportItem {
  return { key: `paste:${name}`, name, read: () => Promise.resolve({ name, text }) };
}
