// Formula injection: every CSV and XLSX writer (the matrix's and the excerpts') shows formula-like text as text.
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCode } from '../../../db/queries/codes';
import { updateFrameworkValue } from '../../../db/queries/frameworks';
import { insertSegment } from '../../../db/queries/segments';
import { computeMatrix, matrixSpec } from '../../../electron/services/matrix';
import { exportMatrix } from '../../../electron/services/matrix-export';
import { sheetRow, sheetText } from '../../../electron/services/sheet-cells';
import { matrixFixture } from '../matrix-fixture';

describe('formula-like cells', () => {
  it('starts text beginning with =, +, -, @, a tab or a carriage return with an apostrophe, and leaves the rest alone', () => {
    for (const text of ['=1+1', '+44 20', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(sheetText(text)).toBe(`'${text}`);
    for (const text of ['', 'a=1', ' =1', '😀=1', "'quoted", 'Ça va']) expect(sheetText(text)).toBe(text);
    expect(sheetRow(['=x', -3, null, 'y'])).toEqual(["'=x", -3, null, 'y']);
  });

  it('the matrix CSV and XLSX neutralise a row named like a formula and a theme named like one', async () => {
    const f = matrixFixture();
    updateFrameworkValue(f.db, f.mgf.rows[0]!.id, { name: '@System' });
    const evil = createCode(f.db, { parentId: f.themesRoot, name: '=cmd|" -C calc"!A0' });
    // On four of the cell's passages it leads the cell's themes (T1 has three), so the grid cell starts with it.
    for (const start of [26, 30, 34, 38])
      insertSegment(f.db, { documentId: f.d1.id, coderId: f.A, start, end: start + 3, codeIds: [f.SC, evil] });
    const matrix = computeMatrix(f.db, matrixSpec.parse({}));
    const csv = Papa.parse<string[]>((await exportMatrix(matrix, 'csv', { themeLimit: 0 })).data.toString('utf8').slice(1).trim()).data;
    expect(csv[1]!.slice(0, 2)).toEqual(["'@System", 'Constitutive']);
    const zip = unzipSync(new Uint8Array((await exportMatrix(matrix, 'xlsx', { themeLimit: 0 })).data));
    const read = new XMLParser({ trimValues: false, parseTagValue: false }).parse(strFromU8(zip['xl/sharedStrings.xml']!));
    const strings = (read.sst.si as { t: string }[]).map((si) => si.t);
    expect(strings).toContain("'@System");
    expect(strings).toContain(`'=cmd|" -C calc"!A0 (4)\nT1 (3)\nT2 (2)\nT3 (1)`);
    expect(strings.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    for (const sheet of Object.keys(zip).filter((k) => k.startsWith('xl/worksheets/')))
      expect(strFromU8(zip[sheet]!)).not.toMatch(/<f[ >]/);
  });
});
