import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBoundedZip } from '../../../electron/services/zip';
import { zipFiles } from '../../../electron/services/zip-write';

/** CRC-32 (ISO 3309, the one ZIP uses), bit by bit: an independent check of the CRCs zlib computed. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('zipFiles', () => {
  const files = {
    'project.qde': new TextEncoder().encode('<Project>'.repeat(5000)),
    'sources/ü 😀.txt': new TextEncoder().encode('naïve café 😀\n'),
    'empty.txt': new Uint8Array(0),
  };

  it('writes an archive the bounded reader and fflate both read back byte for byte, names in UTF-8', () => {
    const zip = zipFiles(files);
    const ours = readBoundedZip(zip, () => true);
    expect(ours.names).toEqual(Object.keys(files));
    const theirs = unzipSync(zip);
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(ours.files[name]!).equals(Buffer.from(data)), name).toBe(true);
      expect(Buffer.from(theirs[name]!).equals(Buffer.from(data)), name).toBe(true);
    }
    // Deflated: 45,000 bytes of one repeated tag pack to a small fraction.
    expect(zip.length).toBeLessThan(2000);
  });

  it('records each entry’s true CRC-32 and sizes in the central directory', () => {
    const zip = zipFiles(files);
    const view = Buffer.from(zip);
    let at = view.readUInt32LE(view.length - 22 + 16);
    for (const [name, data] of Object.entries(files)) {
      expect(view.readUInt32LE(at)).toBe(0x02014b50);
      expect(view.readUInt32LE(at + 16), name).toBe(crc32(data));
      expect(view.readUInt32LE(at + 24), name).toBe(data.length);
      const nameLength = view.readUInt16LE(at + 28);
      expect(view.subarray(at + 46, at + 46 + nameLength).toString('utf8')).toBe(name);
      at += 46 + nameLength;
    }
  });
});
