// Items 4 and 6 of issue 13: a hostile .qdc is refused with its name and the cause; a huge one merges in linear time.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mergeCodebook, readCodebookSource } from '../../../electron/services/codebook-import';
import { MAX_QDC_CODES, MAX_QDC_DEPTH, writeQdc, type QdcCode } from '../../../electron/services/qdc';
import { listCodes } from '../../../db/queries/codes';
import { emptyProject } from '../helpers';

const code = (i: number, children: QdcCode[] = []): QdcCode => ({
  guid: randomUUID().toUpperCase(),
  name: `Code ${i} 😀`,
  codable: true,
  color: null,
  description: '',
  children,
});
const upload = (name: string, xml: string) => ({ name, data: Buffer.from(xml).toString('base64') });
const nested = (depth: number) => {
  let open = '';
  for (let i = 0; i < depth; i++) open += `<Code guid="${randomUUID()}" name="c${i}" isCodable="true">`;
  return `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${open}${'</Code>'.repeat(depth)}</Codes></CodeBook>`;
};

describe('a hostile codebook file', () => {
  it('with a DOCTYPE (an external entity) is refused by name, before any parsing', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${randomUUID()}" name="&x;" isCodable="true"/></Codes></CodeBook>`;
    await expect(readCodebookSource(upload('evil.qdc', xml))).rejects.toThrow(
      '"evil.qdc" is not a usable REFI-QDA codebook: it has a DOCTYPE declaration, which Trellis does not read',
    );
  });

  it(`nested 3,000 deep, or just past ${MAX_QDC_DEPTH}, is refused with the depth; ${MAX_QDC_DEPTH} levels are read`, async () => {
    for (const depth of [3000, MAX_QDC_DEPTH + 1]) {
      await expect(readCodebookSource(upload('deep.qdc', nested(depth)))).rejects.toThrow(
        `"deep.qdc" is not a usable REFI-QDA codebook: its codes are nested more than ${MAX_QDC_DEPTH} levels deep`,
      );
    }
    const book = await readCodebookSource(upload('deep.qdc', nested(MAX_QDC_DEPTH)));
    let depth = 0;
    for (let codes = book.codes; codes.length > 0; codes = codes[0]!.children) depth++;
    expect(depth).toBe(MAX_QDC_DEPTH);
  });

  it(`holding more than ${MAX_QDC_CODES} codes is refused with the count`, async () => {
    const xml = writeQdc({ codes: Array.from({ length: MAX_QDC_CODES + 1 }, (_, i) => code(i)), sets: [] });
    await expect(readCodebookSource(upload('huge.qdc', xml))).rejects.toThrow('it holds more than 30,000 codes');
  });
});

describe('a large codebook', () => {
  it('of 6,000 codes merges in linear time, each new code still given the least-used palette colour', async () => {
    const codes = Array.from({ length: 60 }, (_, p) =>
      code(
        p,
        Array.from({ length: 99 }, (_, c) => code(p * 100 + c + 1)),
      ),
    );
    const book = await readCodebookSource(upload('big.qdc', writeQdc({ codes, sets: [] })));
    const { db } = emptyProject();
    const started = performance.now();
    const report = db.transaction(() => mergeCodebook(db, book, 'big.qdc')).immediate();
    // Recounting every code's colour per new code made this 24.6 s on this machine; one tally makes it ~1 s.
    expect(performance.now() - started).toBeLessThan(8000);
    expect(report.added).toHaveLength(6000);
    // Colours cycle through the palette as nextColor would pick them one by one: the counts differ by at most one.
    const counts = new Map<string, number>();
    for (const c of listCodes(db)) counts.set(c.color, (counts.get(c.color) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });
});
