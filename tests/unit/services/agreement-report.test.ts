import mammoth from 'mammoth';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertSegment } from '../../../db/queries/segments';
import { STATISTICS } from '../../../shared/agreement-explain';
import { type AgreementRow, type AgreementSpec, computeAgreement } from '../../../electron/services/agreement/compute';
import { exportAgreementReport } from '../../../electron/services/agreement/report';
import { matrixFixture } from '../matrix-fixture';

// Every expected figure below comes from agreement.compute on the same project and settings (its own tests
// check it against published and hand-computed values): the report must carry exactly those numbers.

const DATE = new Date('2026-12-02T21:40:00.000Z');

/** The matrix fixture (coders A and B, documents One and Two) plus a root code whose name looks like a formula. */
function project() {
  const f = matrixFixture();
  const formula = createCode(f.db, { parentId: null, name: '=SUM(1)' });
  insertSegment(f.db, { documentId: f.d1.id, coderId: f.A, start: 0, end: 4, codeIds: [formula] });
  insertSegment(f.db, { documentId: f.d1.id, coderId: f.B, start: 2, end: 6, codeIds: [formula] });
  return f;
}

/** The CSV's blocks (settings, figures, groups, statistics, notes), split at its empty lines. */
function csvBlocks(data: Buffer): string[][][] {
  const text = data.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const { data: lines, errors } = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: false });
  expect(errors).toEqual([]);
  const blocks: string[][][] = [[]];
  for (const line of lines) {
    if (line.length === 1 && line[0] === '') blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  return blocks.filter((b) => b.length > 0);
}

/** The tables of a DOCX as mammoth (not the docx package that wrote it) reads them: rows of cell texts. */
async function docxTables(data: Buffer): Promise<string[][][]> {
  const { value: html } = await mammoth.convertToHtml({ buffer: data });
  const plain = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, c]) => plain(c!)),
    ),
  );
}

const byHeader = (tables: string[][][], first: string[]) => tables.find((t) => first.every((h, i) => t[0]![i] === h))!;

describe('agreement report export', () => {
  const spec: AgreementSpec = { coders: ['A', 'B'], unit: 'character' };

  it('writes a CSV whose every count and coefficient equals agreement.compute, unrounded, with the settings and statistics', async () => {
    const { db } = project();
    const result = computeAgreement(db, spec);
    const file = await exportAgreementReport({ spec, result, date: DATE }, 'csv');
    expect(file.mimeType).toBe('text/csv');
    expect(file.fileName).toBe('Agreement A B by character.csv');
    const [settings, figures, groups, statistics, notes] = csvBlocks(file.data);

    expect(Object.fromEntries(settings!.slice(1))).toMatchObject({
      Coders: 'A, B',
      Documents: 'Every document',
      'Documents compared': 'One; Two',
      Date: DATE.toISOString(),
    });
    expect(settings!.find((l) => l[0] === 'Unit')![1]).toMatch(/^Characters \(code points\)\. Each Unicode code point/);

    const header = figures![0]!;
    expect(header).toEqual([
      'Level',
      'Code',
      'Document',
      'Units',
      'Both',
      'Only A',
      'Only B',
      'Neither',
      'Percent agreement',
      "Cohen's kappa",
      "Krippendorff's alpha",
      '|uα',
      'Why undefined',
    ]);
    const expected = (level: string, r: AgreementRow) => [
      level,
      r.code ?? '',
      r.document ?? '',
      ...[r.units, r.both, r.onlyA, r.onlyB, r.neither, r.percent, r.kappa, r.alpha, r.uAlphaBinary].map((x) =>
        x === null ? '' : String(x),
      ),
      r.reason ?? '',
    ];
    // A formula-like code name is neutralised with an apostrophe, as in every CSV the app writes.
    const neutral = (line: string[]) => line.map((c) => (c.startsWith("'=") ? c.slice(1) : c));
    expect(figures!.slice(1).map(neutral)).toEqual([
      ...result.rows.map((r) => expected('code × document', r)),
      ...result.codes.map((r) => expected('code', r)),
      expected('overall', result.overall),
    ]);
    expect(figures!.some((l) => l[1] === "'=SUM(1)")).toBe(true);
    // An undefined coefficient is an empty cell with the reason beside it (T3 in Two: nobody coded it).
    const undefinedRow = result.rows.find((r) => r.kappa === null)!;
    expect(figures!.find((l) => l[0] === 'code × document' && l[1] === undefinedRow.code && l[2] === undefinedRow.document)).toEqual(
      expect.arrayContaining(['', undefinedRow.reason]),
    );

    expect(result.groups.length).toBeGreaterThan(0);
    expect(groups).toEqual([
      ['Group', 'uα', '|uα', 'cuα (experimental)', 'Why undefined'],
      ...result.groups.map((g) => [
        g.group,
        ...[g.uAlpha, g.uAlphaBinary, g.cuAlpha].map((x) => (x === null ? '' : String(x))),
        g.reason ?? '',
      ]),
    ]);

    // Percent, kappa, alpha, the unitizing alphas (two coders, characters, groups); not Fleiss.
    const shown = STATISTICS.filter((s) => s.key !== 'fleiss');
    expect(statistics!.slice(1).map((l) => l[0]!.replace(' (experimental)', ''))).toEqual(shown.map((s) => s.name));
    expect(statistics!.slice(1).map((l) => l.slice(1))).toEqual(shown.map((s) => [s.formula, s.caveats, s.reference]));
    expect(notes!.map((l) => l[0])).toEqual(['Note', 'Missing data', 'Undefined coefficients']);
  });

  it('with three coders by speaker turn, reports Fleiss’ kappa and no two-coder counts', async () => {
    const f = project();
    const C = ensureCoder(f.db, 'C').id;
    insertSegment(f.db, { documentId: f.d1.id, coderId: C, start: 0, end: 12, codeIds: [f.T1] });
    insertSegment(f.db, { documentId: f.d2.id, coderId: C, start: 18, end: 23, codeIds: [f.T2] });
    const three: AgreementSpec = { coders: ['A', 'B', 'C'], unit: 'paragraph', codes: ['Themes/T1', 'Themes/T2'] };
    const result = computeAgreement(f.db, three);
    const [settings, figures, statistics] = csvBlocks((await exportAgreementReport({ spec: three, result, date: DATE }, 'csv')).data);
    expect(settings!.find((l) => l[0] === 'Codes')![1]).toBe('Themes/T1; Themes/T2');
    expect(figures![0]).toEqual([
      'Level',
      'Code',
      'Document',
      'Units',
      'Percent agreement',
      "Krippendorff's alpha",
      "Fleiss' kappa",
      'Why undefined',
    ]);
    const overall = figures!.find((l) => l[0] === 'overall')!;
    expect(overall.slice(3, 7)).toEqual(
      [result.overall.units, result.overall.percent, result.overall.alpha, result.overall.fleiss].map((x) => (x === null ? '' : String(x))),
    );
    expect(statistics!.slice(1).map((l) => l[0])).toEqual(['Percent agreement', "Krippendorff's alpha (nominal)", "Fleiss' kappa"]);
  });

  it('writes a DOCX that another reader finds the same figures in, to three decimals, with formulas and references', async () => {
    const { db } = project();
    const result = computeAgreement(db, spec);
    const file = await exportAgreementReport({ spec, result, date: DATE }, 'docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const tables = await docxTables(file.data);
    const shown = (x: number | null | undefined) => (x === null ? 'undefined' : x!.toFixed(3));
    const figures = (r: AgreementRow) => [
      ...[r.units, r.both, r.onlyA, r.onlyB, r.neither].map(String),
      ...[r.percent, r.kappa, r.alpha, r.uAlphaBinary].map(shown),
      r.reason ?? '',
    ];

    const settings = byHeader(tables, ['Setting', 'Value']);
    expect(settings).toContainEqual(['Coders', 'A, B']);
    expect(settings).toContainEqual(['Date', DATE.toISOString()]);
    expect(byHeader(tables, ['Units', 'Both']).slice(1)).toEqual([figures(result.overall)]);
    expect(byHeader(tables, ['Code', 'Units']).slice(1)).toEqual(result.codes.map((r) => [r.code!, ...figures(r)]));
    const perDocument = byHeader(tables, ['Code', 'Document']);
    expect(perDocument.slice(1)).toEqual(result.rows.map((r) => [r.code!, r.document!, ...figures(r)]));
    expect(perDocument.slice(1).some((r) => r.includes('undefined'))).toBe(true);
    expect(byHeader(tables, ['Group']).slice(1)).toEqual(
      result.groups.map((g) => [g.group, shown(g.uAlpha), shown(g.uAlphaBinary), shown(g.cuAlpha), g.reason ?? '']),
    );

    const { value: text } = await mammoth.extractRawText({ buffer: file.data });
    for (const s of STATISTICS.filter((s) => s.key !== 'fleiss')) {
      expect(text).toContain(`Formula: ${s.formula}`);
      expect(text).toContain(`Caveats: ${s.caveats}`);
      expect(text).toContain(s.reference);
    }
    expect(text).toContain("Krippendorff's cuα (coding within units) (experimental)");
    // Fleiss' kappa needs three coders: its formula is left out.
    expect(text).not.toContain(STATISTICS.find((s) => s.key === 'fleiss')!.formula);
  });
});
