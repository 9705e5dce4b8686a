import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCode } from '../../db/queries/codes';
import { insertSegment } from '../../db/queries/segments';
import { run } from '../../electron/cli/trellis';
import { cliOutput, fileHash, tempDir } from './helpers';
import { matrixFixture, matrixFixtureFile } from './matrix-fixture';

const out = cliOutput();

const empty = (row: string, column: string) => ({ row, column, segments: 0, documents: 0, themes: [] });

describe('trellis matrix', () => {
  it('prints exactly the JSON contract: every cell, themes by count then name, codes as paths', async () => {
    const file = matrixFixtureFile();
    expect(await run(['matrix', file, '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual({
      framework: 'MGF',
      rows: ['System', 'Organizational', 'Individual'],
      columns: ['Constitutive', 'Directive', 'Operational'],
      cells: [
        {
          row: 'System',
          column: 'Constitutive',
          segments: 4,
          documents: 2,
          themes: [
            { code: 'Themes/T1', segments: 3 },
            { code: 'Themes/T2', segments: 2 },
            { code: 'Themes/T3', segments: 1 },
          ],
        },
        empty('System', 'Directive'),
        empty('System', 'Operational'),
        empty('Organizational', 'Constitutive'),
        empty('Organizational', 'Directive'),
        {
          row: 'Organizational',
          column: 'Operational',
          segments: 1,
          documents: 1,
          themes: [
            { code: 'Themes/T1', segments: 1 },
            { code: 'Themes/T2', segments: 1 },
          ],
        },
        empty('Individual', 'Constitutive'),
        empty('Individual', 'Directive'),
        empty('Individual', 'Operational'),
      ],
    });
  });

  it('takes the framework, slice, coders, case attributes and mode by name', async () => {
    const file = matrixFixtureFile();
    const args = ['--framework', 'mgf', '--slice', 'National', '--coder', 'A', '--where', 'Authority type=Metropolitan district'];
    expect(await run(['matrix', file, ...args, '--mode', 'same-segment', '--json'])).toBe(0);
    const cells = JSON.parse(out.at(-1)!).cells as { row: string; column: string; segments: number }[];
    expect(cells.filter((c) => c.segments > 0)).toEqual([
      { row: 'Organizational', column: 'Operational', segments: 1, documents: 1, themes: [{ code: 'Themes/T1', segments: 1 }] },
    ]);
    expect(await run(['matrix', file, '--coder', 'A', '--coder', 'B', '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!).cells[0]).toMatchObject({ segments: 4 });
    expect(await run(['matrix', file, '--slice', 'local'])).toBe(0);
    expect(out.at(-1)).toBe(
      [
        'MGF: Locus × Level (Layer: Local) — 2 documents in scope',
        'System × Constitutive: 1 segments, 1 documents — Themes/T1 1, Themes/T2 1',
        ...['System × Directive', 'System × Operational', 'Organizational × Constitutive', 'Organizational × Directive'].map(
          (c) => `${c}: 0 segments, 0 documents`,
        ),
        ...['Organizational × Operational', 'Individual × Constitutive', 'Individual × Directive', 'Individual × Operational'].map(
          (c) => `${c}: 0 segments, 0 documents`,
        ),
      ].join('\n'),
    );
  });

  it('counts themes at a level with --theme-level: two children of one theme on a segment count once for it', async () => {
    const f = matrixFixture();
    const [C1, C2] = ['C1', 'C2'].map((name) => createCode(f.db, { parentId: f.T3, name })) as [number, number];
    // B's s3 already carries T3; a new B segment in System × Constitutive carries both children of T3.
    insertSegment(f.db, { documentId: f.d1.id, coderId: f.B, start: 30, end: 40, codeIds: [f.SC, C1, C2] });
    f.db.close();
    expect(await run(['matrix', f.file, '--theme-level', '1', '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!).cells[0]).toEqual({
      row: 'System',
      column: 'Constitutive',
      segments: 5,
      documents: 2,
      themes: [
        { code: 'Themes/T1', segments: 3 },
        { code: 'Themes/T2', segments: 2 },
        { code: 'Themes/T3', segments: 2 },
      ],
    });
    expect(await run(['matrix', f.file, '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!).cells[0].themes).toEqual([
      { code: 'Themes/T1', segments: 3 },
      { code: 'Themes/T2', segments: 2 },
      { code: 'Themes/T3', segments: 1 },
      { code: 'Themes/T3/C1', segments: 1 },
      { code: 'Themes/T3/C2', segments: 1 },
    ]);
    const csv = join(tempDir(), 'matrix.csv');
    expect(await run(['matrix', f.file, '--theme-level', '1', '-o', csv])).toBe(0);
    expect(out.at(-1)).toMatch(/^MGF: Locus × Level — 2 documents in scope — top-level themes\n/);
    expect(readFileSync(csv, 'utf8')).toContain('Top-level themes (segments)');
    for (const bad of ['0', 'two', '1.5']) {
      await expect(run(['matrix', f.file, '--theme-level', bad])).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining('--theme-level takes a level from 1'),
      });
    }
  });

  it('writes the export named by --output', async () => {
    const file = matrixFixtureFile();
    const xlsx = join(tempDir(), 'matrix.xlsx');
    expect(await run(['matrix', file, '-o', xlsx])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.getWorksheet('Matrix')!.getCell('B4').value).toBe('T1 (3)\nT2 (2)\nT3 (1)');
  });

  it('refuses unknown names and bad options with a message, leaving the project untouched', async () => {
    const file = matrixFixtureFile();
    const before = fileHash(file);
    await expect(run(['matrix', file, '--slice', 'Regional'])).rejects.toThrow('MGF has no Layer "Regional" (it has: National, Local).');
    await expect(run(['matrix', file, '--coder', 'Z'])).rejects.toThrow('There is no coder "Z".');
    await expect(run(['matrix', file, '--framework', 'Other'])).rejects.toThrow('There is no framework "Other".');
    await expect(run(['matrix', file, '--where', 'Region=North'])).rejects.toThrow('There is no case attribute "Region".');
    await expect(run(['matrix', file, '--where', 'North'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--where takes attribute=value'),
    });
    await expect(run(['matrix', file, '--mode', 'loose'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['matrix', file, '-o', join(tempDir(), 'm.pdf')])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['matrix'])).rejects.toThrow(/expected exactly one PROJECT/);
    expect(fileHash(file)).toBe(before);
  });
});
