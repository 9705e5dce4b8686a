import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from '../../../electron/services/import/case-sheet';
import { readTranscript } from '../../../electron/services/import/read';
import { readBoundedZip, ZIP_LIMITS } from '../../../electron/services/zip';
import { buildZip } from './zip-bomb';

const MB = 1024 * 1024;
const all = () => true;
const upload = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });

describe('readBoundedZip', () => {
  it('returns the entries asked for, and every name', () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('héllo 👋'), 'dir/b.xml': new Uint8Array(1000) });
    const { names, files } = readBoundedZip(zip, (n) => n === 'a.txt');
    expect(names).toEqual(['a.txt', 'dir/b.xml']);
    expect(Object.keys(files)).toEqual(['a.txt']);
    expect(new TextDecoder().decode(files['a.txt'])).toBe('héllo 👋');
  });

  it('counts the bytes really inflated, not the sizes declared', () => {
    // 20 MB of zeros declared as 1,000 bytes; the ratio limit is lifted so the per-entry cap is what stops it.
    const bomb = buildZip([{ name: 'word/document.xml', zeros: 20 * MB, declared: 1000 }]);
    expect(() => readBoundedZip(bomb, all, { ...ZIP_LIMITS, ratio: Infinity, entryBytes: 16 * MB })).toThrow(
      /"word\/document\.xml"\) that unpacks to more than 16 MB/,
    );
    expect(() => readBoundedZip(bomb, all, { ...ZIP_LIMITS, ratio: Infinity, totalBytes: 8 * MB })).toThrow(/unpacks to more than 8 MB/);
    // With the default limits the ratio (zeros pack about 1,000 to 1) stops it after a few megabytes.
    expect(() => readBoundedZip(bomb, all)).toThrow(/packed more than 200 to 1/);
  });

  it('sums the real sizes of all entries against the total cap', () => {
    const zip = buildZip([0, 1, 2].map((i) => ({ name: `part${i}.xml`, zeros: 6 * MB, declared: 10 })));
    expect(() => readBoundedZip(zip, all, { ...ZIP_LIMITS, ratio: Infinity, totalBytes: 15 * MB })).toThrow(/more than 15 MB/);
    expect(readBoundedZip(zip, () => false, { ...ZIP_LIMITS, ratio: Infinity }).names).toHaveLength(3);
  });

  it('refuses absolute paths, .. and too many entries', () => {
    for (const name of ['../evil.txt', '/etc/passwd', 'a/../../b', 'C:/x.txt', '\\\\server\\x'])
      expect(() => readBoundedZip(buildZip([{ name, content: 'x' }]), all), name).toThrow(/unsafe path/);
    const many = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, content: 'x' })));
    expect(() => readBoundedZip(many, all, { ...ZIP_LIMITS, entries: 10 })).toThrow(/11 entries, more than the 10 allowed/);
  });

  it('says a file that is not a ZIP archive is damaged', () => {
    expect(() => readBoundedZip(new TextEncoder().encode('just some text, long enough to search'), all)).toThrow(
      /ZIP directory is missing/,
    );
  });

  it('keeps peak memory low while refusing a 270 MB bomb (measured in a child process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-zip-'));
    const file = join(dir, 'bomb.zip');
    writeFileSync(file, buildZip([{ name: 'content.xml', zeros: 270 * MB, declared: 1000 }]));
    const run = (limits: object) =>
      JSON.parse(
        execFileSync(
          join('node_modules', '.bin', 'tsx'),
          [join('tests', 'unit', 'services', 'zip-child.ts'), file, JSON.stringify(limits)],
          {
            encoding: 'utf8',
          },
        ),
      ) as { message: string; peakRise: number };
    // Ratio lifted: the reader inflates all the way to the 256 MB total cap, discarding as it counts.
    const capped = run({ ratio: 1e9, entryBytes: 1e12 });
    expect(capped.message).toMatch(/unpacks to more than 256 MB/);
    expect(capped.peakRise).toBeLessThan(300 * MB);
    const ratio = run({});
    expect(ratio.message).toMatch(/packed more than/);
    expect(ratio.peakRise).toBeLessThan(300 * MB);
    console.log(`zip bomb peak RSS rise: to the cap ${Math.round(capped.peakRise / MB)} MB, ratio ${Math.round(ratio.peakRise / MB)} MB`);
  }, 60_000);
});

describe('ZIP-based imports are checked before any library reads them', () => {
  const bomb = (main: string) =>
    buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: main, zeros: 16 * MB, declared: 1000 },
    ]);

  it('refuses a DOCX and an ODT bomb with a message naming the file', async () => {
    await expect(readTranscript(upload('report.docx', bomb('word/document.xml')))).rejects.toThrow(
      /^"report\.docx" has an entry \("word\/document\.xml"\) packed more than 200 to 1/,
    );
    await expect(readTranscript(upload('notes.odt', bomb('content.xml')))).rejects.toThrow(/^"notes\.odt" has an entry \("content\.xml"\)/);
  });

  it('refuses an XLSX bomb before ExcelJS sees it', async () => {
    await expect(readSheetRows('xlsx', bomb('xl/worksheets/sheet1.xml'))).rejects.toThrow(/packed more than 200 to 1/);
  });

  it('refuses a DOCX with a .. entry', async () => {
    const evil = buildZip([{ name: '../../word/document.xml', content: '<w:document/>' }]);
    await expect(readTranscript(upload('evil.docx', evil))).rejects.toThrow(/^"evil\.docx" holds an entry with an unsafe path/);
  });
});
