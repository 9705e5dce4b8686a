// A bounded ZIP reader. The sizes an archive declares are not trusted: every entry is inflated in small
// steps and the bytes that actually come out are counted, so a bomb whose headers claim a few bytes is
// stopped at the cap before anything else (mammoth, ExcelJS, the .qdpx reader) sees it. Entries nobody
// asked for are inflated only to be counted and their output dropped, which keeps peak memory low.
import { Inflate } from 'fflate';
import { FileProblem } from './import/file-problem';

export interface ZipLimits {
  /** Bytes all entries may unpack to together. */
  totalBytes: number;
  /** Bytes one entry may unpack to. */
  entryBytes: number;
  entries: number;
  /** Unpacked ÷ packed size allowed for an entry once it is past `ratioFloor` bytes. */
  ratio: number;
  ratioFloor: number;
}

const MB = 1024 * 1024;

export const ZIP_LIMITS: ZipLimits = {
  totalBytes: 256 * MB,
  entryBytes: 128 * MB,
  entries: 20_000,
  // XML compresses ten to thirty times; a thousand to one is a run of one byte, the shape of a bomb.
  ratio: 200,
  ratioFloor: 4 * MB,
};

/** Compressed input handed to the inflater at a time: at most ~1,000 times this comes out per step. */
const STEP = 16 * 1024;

export interface ZipContents {
  /** Every entry's name, in archive order. */
  names: string[];
  /** The unpacked contents of the entries wanted. */
  files: Record<string, Uint8Array>;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  packedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function mb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

/** The end-of-central-directory record: searched backwards past an archive comment of up to 64 kB. */
function endRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new FileProblem('is damaged or incomplete: its ZIP directory is missing');
}

/** A path that would land outside the folder it is unpacked into. */
function unsafeName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes('..') || name.includes('\0');
}

function centralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < 22) throw new FileProblem('is damaged or incomplete: it is too short to be a ZIP archive');
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new FileProblem('is a ZIP64 archive, which is larger than Trellis reads');
  if (count > limits.entries) throw new FileProblem(`has ${count} entries, more than the ${limits.entries} allowed`);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL)
      throw new FileProblem('is damaged or incomplete: its ZIP directory is broken');
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (unsafeName(name)) throw new FileProblem(`holds an entry with an unsafe path ("${name}"): refused`);
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      packedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The packed bytes of an entry, located through its local header (whose own name and extra lengths count). */
function packedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL)
    throw new FileProblem(`is damaged or incomplete: entry "${entry.name}" cannot be found`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedSize > view.byteLength) throw new FileProblem(`is damaged or incomplete: entry "${entry.name}" is cut short`);
  return bytes.subarray(start, start + entry.packedSize);
}

/**
 * Unpacks `entry`, counting real output against the limits; keeps the output only when `keep`.
 * `used` is what earlier entries unpacked to; returns this entry's unpacked size and contents.
 */
function inflateEntry(
  bytes: Uint8Array,
  entry: Entry,
  keep: boolean,
  used: number,
  limits: ZipLimits,
): { size: number; data?: Uint8Array } {
  if (entry.flags & 1) throw new FileProblem(`is encrypted (entry "${entry.name}"); Trellis cannot read it`);
  const packed = packedData(bytes, entry);
  if (entry.method === 0) {
    check(entry, packed.length, packed.length, used, limits);
    return { size: packed.length, data: keep ? packed.slice() : undefined };
  }
  if (entry.method !== 8) throw new FileProblem(`uses a compression method Trellis cannot read (entry "${entry.name}")`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (keep) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < packed.length; at += STEP) {
      inflater.push(packed.subarray(at, at + STEP), at + STEP >= packed.length);
      check(entry, size, Math.min(at + STEP, packed.length), used, limits);
    }
    if (packed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(`is damaged or incomplete: entry "${entry.name}" cannot be unpacked`);
  }
  if (!keep) return { size };
  const data = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return { size, data };
}

function check(entry: Entry, size: number, packedSoFar: number, used: number, limits: ZipLimits): void {
  if (used + size > limits.totalBytes)
    throw new FileProblem(`unpacks to more than ${mb(limits.totalBytes)} (a damaged file or a ZIP bomb): refused`);
  if (size > limits.entryBytes)
    throw new FileProblem(`has an entry ("${entry.name}") that unpacks to more than ${mb(limits.entryBytes)} (a ZIP bomb?): refused`);
  if (size > limits.ratioFloor && size / Math.max(1, packedSoFar) > limits.ratio)
    throw new FileProblem(`has an entry ("${entry.name}") packed more than ${limits.ratio} to 1 (a ZIP bomb?): refused`);
}

/**
 * Every entry's name and the contents of those `wanted`. All entries are first inflated and counted with
 * their output dropped, so a refused archive never holds more than one step's output in memory; only then
 * are the wanted ones unpacked again and kept. Throws a FileProblem (the end of a sentence starting with the
 * file's name) for anything unsafe or damaged.
 */
export function readBoundedZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): ZipContents {
  const entries = centralDirectory(bytes, limits);
  let used = 0;
  for (const entry of entries) used += inflateEntry(bytes, entry, false, used, limits).size;
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries)
    if (!entry.name.endsWith('/') && wanted(entry.name)) files[entry.name] = inflateEntry(bytes, entry, true, 0, limits).data!;
  return { names: entries.map((e) => e.name), files };
}
