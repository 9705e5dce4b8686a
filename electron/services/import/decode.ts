// Bytes of a text file to a string. A byte-order mark decides (UTF-8, UTF-16, UTF-32); then valid UTF-8 is
// UTF-8; anything else is detected by chardet (ICU's detector) and decoded with TextDecoder, with a note
// naming the encoding assumed, which the person can override. A file that mixes valid UTF-8 characters with
// broken bytes is refused rather than guessed: a one-byte reading of it would garble its UTF-8 characters.
import chardet from 'chardet';
import { ENCODINGS, type EncodingName } from '../../../shared/encodings';
import { FileProblem } from './file-problem';

export interface DecodedText {
  text: string;
  encoding: EncodingName;
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

// UTF-32 LE's mark starts with UTF-16 LE's, so it is tried first.
const BOMS: [number[], EncodingName][] = [
  [[0xef, 0xbb, 0xbf], 'UTF-8'],
  [[0xff, 0xfe, 0, 0], 'UTF-32LE'],
  [[0, 0, 0xfe, 0xff], 'UTF-32BE'],
  [[0xff, 0xfe], 'UTF-16LE'],
  [[0xfe, 0xff], 'UTF-16BE'],
];

/** UTF-32, which TextDecoder does not know; `fatal`: throw on a code unit that is no character instead of writing U+FFFD. */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean, fatal: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const code = i + 4 <= bytes.length ? view.getUint32(i, !bigEndian) : -1;
    const valid = code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    if (!valid && fatal) throw new TypeError('not UTF-32');
    parts.push(valid ? String.fromCodePoint(code) : '\ufffd');
  }
  return parts.join('');
}

function decodeAs(encoding: EncodingName, bytes: Uint8Array, fatal: boolean): string {
  if (encoding === 'UTF-32LE' || encoding === 'UTF-32BE') return decodeUtf32(bytes, encoding === 'UTF-32BE', fatal);
  const text = new TextDecoder(encoding, { fatal }).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0)] ?? c) : text;
}

/** One of the encodings Trellis offers, for a name chardet (or anyone) gives; WHATWG folds aliases (ISO-8859-1 is windows-1252). */
function known(name: string): EncodingName | undefined {
  const upper = name.toUpperCase();
  if (upper.startsWith('UTF-')) return ENCODINGS.find((e) => e.name === upper)?.name;
  try {
    const canonical = new TextDecoder(name).encoding;
    return ENCODINGS.find((e) => e.name === canonical)?.name;
  } catch {
    return undefined;
  }
}

/** Where the first byte that is not part of a UTF-8 character sits, and how many valid multi-byte characters the file holds. */
function scanUtf8(bytes: Uint8Array): { invalidAt: number; multiByte: number } {
  let invalidAt = -1;
  let multiByte = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = size > 0 && i + size <= bytes.length;
    for (let k = 1; valid && k < size; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    // The second byte's narrower ranges rule out overlong forms, encoded surrogates (ED A0–BF) and code points past U+10FFFF.
    const second = bytes[i + 1]!;
    if (valid && size > 2)
      valid = b === 0xe0 ? second >= 0xa0 : b === 0xed ? second <= 0x9f : b === 0xf0 ? second >= 0x90 : b === 0xf4 ? second <= 0x8f : true;
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

// One byte per character: a valid UTF-8 sequence in such a file ("Ã©") is far likelier to be UTF-8 than text.
const singleByte = (encoding: EncodingName) => /^(?:windows-|iso-8859-|koi8-)/.test(encoding);

function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function sniffBinary(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('PK\u0003\u0004')) return 'it is a ZIP archive (a Word or OpenDocument file needs the .docx or .odt extension)';
  if (head.startsWith('%PDF')) return 'it is a PDF; export the transcript as text or .docx first';
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'it is an old Word 97–2003 document; save it as .docx first';
  // A stray NUL in a text file is a slip (removed below, with a note); many of them mean data.
  const sample = bytes.subarray(0, 65536);
  const nuls = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  return nuls > Math.max(2, sample.length / 100) ? 'it contains binary data' : null;
}

// chardet's statistics need a few kilobytes; more only costs time.
const DETECTION_SAMPLE = 256 * 1024;

function detect(bytes: Uint8Array): { text: string; encoding: EncodingName; notes: string[] } {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  if (bom) {
    const [mark, encoding] = bom;
    try {
      return { text: decodeAs(encoding, bytes.subarray(mark.length), true), encoding, notes: [] };
    } catch {
      throw new FileProblem(`starts with a ${encoding} byte-order mark but is not valid ${encoding} text`);
    }
  }
  const binary = sniffBinary(bytes);
  if (binary) throw new FileProblem(`is not a text file: ${binary}`);
  const { invalidAt, multiByte } = scanUtf8(bytes);
  if (invalidAt < 0) return { text: decodeAs('UTF-8', bytes, false), encoding: 'UTF-8', notes: [] };
  const candidates = chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE));
  const encoding = candidates.map((c) => known(c.name)).find((e) => e !== undefined && e !== 'UTF-8') ?? 'windows-1252';
  if (candidates[0]?.name === 'UTF-8' || (multiByte > 0 && singleByte(encoding))) {
    throw new FileProblem(
      `is not valid UTF-8 text: byte ${invalidAt} (line ${lineOf(bytes, invalidAt)}) is not part of a UTF-8 character; choose its encoding in the import dialog, or save it as UTF-8`,
    );
  }
  const label = ENCODINGS.find((e) => e.name === encoding)!.label;
  return {
    text: decodeAs(encoding, bytes, false),
    encoding,
    notes: [`Read as ${label}: the file is not UTF-8 and this encoding fits it best (another can be chosen).`],
  };
}

/** The text of a file's bytes in the encoding chosen, or the one found; refuses empty, binary and wrongly encoded files with the reason. */
export function decodeText(bytes: Uint8Array, chosen?: EncodingName): DecodedText {
  if (bytes.length === 0) throw new FileProblem('is empty');
  let decoded: { text: string; encoding: EncodingName; notes: string[] };
  if (chosen) {
    const bom = BOMS.find(([mark, encoding]) => encoding === chosen && mark.every((b, i) => bytes[i] === b));
    decoded = { text: decodeAs(chosen, bytes.subarray(bom?.[0].length ?? 0), false), encoding: chosen, notes: [] };
  } else decoded = detect(bytes);
  const { encoding, notes } = decoded;
  // Control characters other than tabs and line breaks have no place in a transcript (old editors' Ctrl-Z, stray NULs, C1 codes).
  let removed = 0;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const text = decoded.text.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, () => (removed++, ''));
  if (removed > 0) notes.push(`Removed ${removed} control character${removed === 1 ? '' : 's'}.`);
  if (text.trim().length === 0) throw new FileProblem('is empty (it holds only white space)');
  return { text, encoding, notes };
}
