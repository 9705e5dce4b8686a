// Bytes of a text file to a string: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 for
// files that contain no UTF-8 at all. A file that mixes valid and broken UTF-8 is refused, not guessed.
import { FileProblem } from './file-problem';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  notes: string[];
}

// Node's TextDecoder reads "windows-1252" as Latin-1; these are the bytes where the two differ.
const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

/** Where the first byte that is not part of a UTF-8 character sits, and how many valid multi-byte characters the file holds. */
function scanUtf8(bytes: Uint8Array): { invalidAt: number; multiByte: number } {
  let invalidAt = -1;
  let multiByte = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = size > 0 && i + size <= bytes.length;
    for (let k = 1; valid && k < size; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (!valid) {
      if (invalidAt < 0) invalidAt = i;
      i++;
      continue;
    }
    if (size > 1) multiByte++;
    i += size;
  }
  return { invalidAt, multiByte };
}

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodeCp1252(bytes: Uint8Array): string {
  const undefinedByte = bytes.findIndex((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d);
  if (undefinedByte >= 0) {
    throw new FileProblem(
      `is neither UTF-8 nor Windows-1252 text (byte ${undefinedByte}, line ${lineOf(bytes, undefinedByte)}); save it as UTF-8 and import it again`,
    );
  }
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0)]!);
}

function sniffBinary(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('PK\u0003\u0004')) return 'it is a ZIP archive (a Word or OpenDocument file needs the .docx or .odt extension)';
  if (head.startsWith('%PDF')) return 'it is a PDF; export the transcript as text or .docx first';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'it is an old Word 97–2003 document; save it as .docx first';
  return bytes.subarray(0, 65536).includes(0) ? 'it contains binary data' : null;
}

function decodeUnicode(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = (a: number, b: number, c?: number) => bytes[0] === a && bytes[1] === b && (c === undefined || bytes[2] === c);
  const strict = (label: string, body: Uint8Array, encoding: TextEncoding) => {
    try {
      return { text: new TextDecoder(label, { fatal: true }).decode(body), encoding };
    } catch {
      throw new FileProblem(`starts with a ${encoding} byte-order mark but is not valid ${encoding} text`);
    }
  };
  if (bom(0xff, 0xfe)) return strict('utf-16le', bytes.subarray(2), 'UTF-16LE');
  if (bom(0xfe, 0xff)) return strict('utf-16be', bytes.subarray(2), 'UTF-16BE');
  const hasBom = bom(0xef, 0xbb, 0xbf);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binary = sniffBinary(body);
  if (binary) throw new FileProblem(`is not a text file: ${binary}`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    const { invalidAt, multiByte } = scanUtf8(body);
    if (hasBom || multiByte > 0) {
      const at = invalidAt + (hasBom ? 3 : 0);
      throw new FileProblem(
        `is not valid UTF-8 text: byte ${at} (line ${lineOf(bytes, at)}) is not part of a UTF-8 character; save it as UTF-8 and import it again`,
      );
    }
    return { text: decodeCp1252(body), encoding: 'Windows-1252' };
  }
}

/** The text of a file's bytes; refuses empty, binary and wrongly encoded files with the reason. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new FileProblem('is empty');
  const { text: raw, encoding } = decodeUnicode(bytes);
  const notes = encoding === 'Windows-1252' ? ['Read as Windows-1252 text (it is not UTF-8).'] : [];
  // Control characters other than tabs and line breaks have no place in a transcript (old editors' Ctrl-Z, stray NULs).
  let removed = 0;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const text = raw.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, () => (removed++, ''));
  if (removed > 0) notes.push(`Removed ${removed} control character${removed === 1 ? '' : 's'}.`);
  if (text.trim().length === 0) throw new FileProblem('is empty (it holds only white space)');
  return { text, encoding, notes };
}
