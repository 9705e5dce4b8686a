import { FileProblem } from './file-problem';
import { readBoundedZip, type ZipContents } from '../zip';

/**
 * The entry names of an Office (ZIP) file and the contents of the entries wanted; `kind` names the format
 * in messages. Every entry is inflated and counted first (see ../zip), so a bomb never reaches a library.
 */
export function readZip(bytes: Uint8Array, wanted: readonly string[], kind: string): ZipContents {
  const head = Buffer.from(bytes.subarray(0, 4)).toString('latin1');
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) throw new FileProblem('is an old Word 97–2003 document; save it as .docx first');
  if (head !== 'PK\u0003\u0004')
    throw new FileProblem(`is not ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} (those are ZIP archives; this file is not one)`);
  return readBoundedZip(bytes, (name) => wanted.includes(name));
}
