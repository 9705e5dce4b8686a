import { unzipSync } from 'fflate';
import { FileProblem } from './file-problem';

/** Office files unpack to a few times their size; far more is a damaged file or a ZIP bomb. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export interface ZipContents {
  names: string[];
  files: Record<string, Uint8Array>;
}

/** The entry names of an Office (ZIP) file and the contents of the entries wanted; `kind` names the format in messages. */
export function readZip(bytes: Uint8Array, wanted: readonly string[], kind: string): ZipContents {
  const head = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) throw new FileProblem('is an old Word 97–2003 document; save it as .docx first');
  if (head !== 'PK\u0003\u0004')
    throw new FileProblem(`is not ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} (those are ZIP archives; this file is not one)`);
  const names: string[] = [];
  let unpacked = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        unpacked += entry.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new FileProblem(`unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
        return wanted.includes(entry.name);
      },
    });
    return { names, files };
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(`is damaged or incomplete: it is not a readable ${kind}`);
  }
}
