// Hand-built ZIP archives for the bounded reader's tests: entries of real content, or long runs of zeros
// whose headers declare whatever size a test asks for (the shape of a ZIP bomb with falsified sizes).
import { Deflate } from 'fflate';

export interface BombEntry {
  name: string;
  /** Stored content (deflated here). */
  content?: Uint8Array | string;
  /** Or this many zero bytes, deflated a megabyte at a time. */
  zeros?: number;
  /** The unpacked size written in the headers; the real one when absent. */
  declared?: number;
}

function deflate(entry: BombEntry): { packed: Uint8Array; size: number } {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  let size = 0;
  if (entry.zeros !== undefined) {
    const block = new Uint8Array(1024 * 1024);
    for (let left = entry.zeros; left > 0; left -= block.length) {
      const step = block.subarray(0, Math.min(block.length, left));
      deflater.push(step, left <= block.length);
      size += step.length;
    }
    if (entry.zeros === 0) deflater.push(new Uint8Array(0), true);
  } else {
    const data = typeof entry.content === 'string' ? new TextEncoder().encode(entry.content) : (entry.content ?? new Uint8Array(0));
    deflater.push(data, true);
    size = data.length;
  }
  return { packed: Buffer.concat(out), size };
}

/** A ZIP archive of `entries` (CRCs left zero: the bounded reader does not check them). */
export function buildZip(entries: BombEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { packed, size } = deflate(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declared ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(packed.length, 20);
    head.writeUInt32LE(declared, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(packed));
    central.push(head, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
