// A bounded ZIP reader. The sizes an archive declares are not trusted: every entry is inflated by the native
// zlib told the most it may produce (what the total, per-entry and ratio limits leave), and zlib counts the
// bytes that actually come out, so a bomb whose headers claim a few bytes is stopped at the cap before
// anything else (mammoth, ExcelJS, the .qdpx reader) sees it. Entries nobody asked for are inflated only
// to be counted and their output dropped.
import { inflateRawSync } from 'node:zlib';
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

/** zlib's output chunk: the most it can overshoot a limit by before stopping. */
const CHUNK = 64 * 1024;

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
 * Unpacks `entry` with the native zlib, never past the most the limits leave it (`used` is what earlier
 * entries unpacked to): zlib stops at that many bytes of real output, whatever the headers declare.
 */
function inflateEntry(bytes: Uint8Array, entry: Entry, used: number, limits: ZipLimits): Uint8Array {
  if (entry.flags & 1) throw new FileProblem(`is encrypted (entry "${entry.name}"); Trellis cannot read it`);
  const packed = packedData(bytes, entry);
  if (entry.method === 0) {
    check(entry, packed.length, packed.length, used, limits);
    return packed;
  }
  if (entry.method !== 8) throw new FileProblem(`uses a compression method Trellis cannot read (entry "${entry.name}")`);
  const total = limits.totalBytes - used;
  const ratio = Math.max(limits.ratioFloor, packed.length * limits.ratio);
  const most = Math.min(total, limits.entryBytes, ratio);
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, most), chunkSize: CHUNK });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      // Past `most`: report the limit that set it, in the order check() tests them.
      check(entry, most + 1, most === ratio ? packed.length : Infinity, used, limits);
    }
    throw new FileProblem(`is damaged or incomplete: entry "${entry.name}" cannot be unpacked`);
  }
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
 * Every entry's name and the contents of those `wanted`. Every entry is unpacked and its real size counted
 * against the limits (output of unwanted ones dropped at once); a refused archive never holds more than the
 * limits allow. Throws a FileProblem (the end of a sentence starting with the file's name) for anything
 * unsafe or damaged.
 */
export function readBoundedZip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): ZipContents {
  const entries = centralDirectory(bytes, limits);
  let used = 0;
  const files: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const data = inflateEntry(bytes, entry, used, limits);
    used += data.length;
    if (!entry.name.endsWith('/') && wanted(entry.name)) files[entry.name] = entry.method === 0 ? data.slice() : data;
  }
  return { names: entries.map((e) => e.name), files };
}
