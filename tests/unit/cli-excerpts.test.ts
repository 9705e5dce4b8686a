// `trellis excerpts`: the selection by name, the --json contract and the files it writes. Expected values
// come from tests/unit/excerpts-fixture.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { excerptsFixture } from './excerpts-fixture';
import { cliOutput, fileHash, tempDir } from './helpers';

const out = cliOutput();

function matrixFixtureFile() {
  const f = excerptsFixture();
  f.db.close();
  return f.file;
}

async function json(args: string[]) {
  expect(await run(['excerpts', ...args, '--json'])).toBe(0);
  return JSON.parse(out.at(-1)!) as Record<string, unknown>[];
}

const where = (r: Record<string, unknown>) => `${r.document} ${r.start}–${r.end} ${r.coder}`;

describe('trellis excerpts', () => {
  it('prints exactly the JSON contract', async () => {
    const file = matrixFixtureFile();
    expect(await json([file, '--codes', 'Themes/T2'])).toEqual([
      {
        document: 'One',
        case: 'Borough',
        start: 5,
        end: 15,
        paragraph_start: 1,
        paragraph_end: 1,
        speaker: 'DCS',
        time: null,
        coder: 'A',
        codes: ['Themes/T2'],
        memo: '',
        text: 'Ça va 😀 na',
        citation: '(Borough, DCS, ¶1)',
        attributes: { 'Authority type': 'London borough', 'Duration (minutes)': 52 },
      },
      {
        document: 'Two',
        case: 'District',
        start: 21,
        end: 27,
        paragraph_start: 2,
        paragraph_end: 2,
        speaker: 'DCS',
        time: null,
        coder: 'A',
        codes: ['MGF:System/Constitutive', 'Themes/T2'],
        memo: '',
        text: ': Boar',
        citation: '(District, DCS, ¶2)',
        attributes: { 'Authority type': 'Metropolitan district', 'Duration (minutes)': 9 },
      },
      {
        document: 'Drei',
        case: 'Город 1',
        start: 82,
        end: 103,
        paragraph_start: 3,
        paragraph_end: 3,
        speaker: 'Interviewer',
        time: '00:13:05',
        coder: 'A',
        codes: ['Themes/T2', 'Themes/T1/T1a'],
        memo: '',
        text: '=SUM(A1) and - dashes',
        citation: '(Город 1, Interviewer, ¶3, 00:13:05)',
        attributes: { 'Authority type': 'London borough', 'Duration (minutes)': 40 },
      },
    ]);
  });

  it('takes codes with their sub-codes, a cell, a slice, coders and --where by name', async () => {
    const file = matrixFixtureFile();
    // T1 and its sub-code T1a: s1, s4, s6, s9, s10, s11.
    expect((await json([file, '--codes', 'themes/t1'])).map(where)).toEqual([
      'One 0–12 A',
      'One 8–20 B',
      'Two 18–23 A',
      'Drei 16–50 A',
      'Drei 82–103 A',
      'Drei 109–125 A',
    ]);
    // The matrix chip System × Constitutive / T1: s3 (overlapping B's T1), s1, s8 (overlapping A's T1), s9.
    expect((await json([file, '--cell', 'MGF:System/Constitutive', '--codes', 'Themes/T1'])).map(where)).toEqual([
      'One 0–10 B',
      'One 0–12 A',
      'Two 21–27 A',
      'Drei 16–50 A',
    ]);
    expect((await json([file, '--slice', 'MGF:National'])).map(where)).toEqual(['Two 18–23 A', 'Two 18–23 B']);
    expect((await json([file, '--codes', 'Themes/T1', '--coder', 'b'])).map(where)).toEqual(['One 8–20 B']);
    const byType = ['--where', 'Authority type=London borough', '--where', 'Authority type=Metropolitan district'];
    expect(await json([file, '--codes', 'Themes/T2', ...byType])).toHaveLength(3);
    expect((await json([file, '--codes', 'Themes/T2', ...byType, '--where', 'Duration (minutes)=40'])).map(where)).toEqual([
      'Drei 82–103 A',
    ]);
    // Ranges of a number attribute: T2 is on s2 (One, Borough, 52 minutes), s8 (Two, District, 9) and s10 (Drei, Город 1, 40).
    expect((await json([file, '--codes', 'Themes/T2', '--where', 'Duration (minutes)=..40'])).map(where)).toEqual([
      'Two 21–27 A',
      'Drei 82–103 A',
    ]);
    expect((await json([file, '--codes', 'Themes/T2', '--where', 'Duration (minutes)=45..'])).map(where)).toEqual(['One 5–15 A']);
    expect((await json([file, '--codes', 'Themes/T2', '--where', 'Duration (minutes)=10..45'])).map(where)).toEqual(['Drei 82–103 A']);
  });

  it('lists grouped excerpts once each, in the export’s order, cited with --citation', async () => {
    const file = matrixFixtureFile();
    const records = await json([
      file,
      '--codes',
      'Themes/T2,Themes/T1',
      '--group-by',
      'code',
      '--citation',
      '{document} {paragraph} {time}',
    ]);
    // Under T1: s1, s4, s6, s9, s10, s11; then under T2 the ones not listed yet: s2, s8.
    expect(records.map((r) => [where(r), r.citation])).toEqual([
      ['One 0–12 A', 'One ¶1'],
      ['One 8–20 B', 'One ¶1'],
      ['Two 18–23 A', 'Two ¶2'],
      ['Drei 16–50 A', 'Drei ¶1–2 00:12:31'],
      ['Drei 82–103 A', 'Drei ¶3 00:13:05'],
      ['Drei 109–125 A', 'Drei ¶4 00:13:05'],
      ['One 5–15 A', 'One ¶1'],
      ['Two 21–27 A', 'Two ¶2'],
    ]);
  });

  it('writes the chosen format with -o and says so', async () => {
    const file = matrixFixtureFile();
    const csv = join(tempDir(), 'quotes.csv');
    expect(await run(['excerpts', file, '--codes', 'Themes/T2', '--format', 'csv', '-o', csv])).toBe(0);
    expect(out.at(-1)).toBe(
      [
        '(Borough, DCS, ¶1)\n  Ça va 😀 na',
        '(District, DCS, ¶2)\n  : Boar',
        '(Город 1, Interviewer, ¶3, 00:13:05)\n  =SUM(A1) and - dashes',
        `3 excerpts; wrote ${csv}`,
      ].join('\n'),
    );
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').slice(1).trim(), { header: true }).data;
    expect(rows.map((r) => [r.document, r.text, r.citation])).toEqual([
      ['One', 'Ça va 😀 na', '(Borough, DCS, ¶1)'],
      ['Two', ': Boar', '(District, DCS, ¶2)'],
      ['Drei', "'=SUM(A1) and - dashes", '(Город 1, Interviewer, ¶3, 00:13:05)'],
    ]);
    // The extension names the format when --format is left out.
    const md = join(tempDir(), 'quotes.md');
    expect(await run(['excerpts', file, '--codes', 'Themes/T2', '-o', md])).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('> — (Город 1, Interviewer, ¶3, 00:13:05)');
  });

  it('refuses unknown names, bad options and a target it cannot write, leaving the project untouched', async () => {
    const file = matrixFixtureFile();
    const before = fileHash(file);
    await expect(run(['excerpts', file, '--codes', 'Themes/T9'])).rejects.toThrow('There is no code "Themes/T9".');
    await expect(run(['excerpts', file, '--cell', 'Themes/T1'])).rejects.toThrow(/is not a framework cell/);
    await expect(run(['excerpts', file, '--coder', 'Z'])).rejects.toThrow('There is no coder "Z".');
    await expect(run(['excerpts', file, '--where', 'Region=North'])).rejects.toThrow('There is no case attribute "Region".');
    await expect(run(['excerpts', file, '--group-by', 'coder'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['excerpts', file, '--format', 'pdf', '-o', join(tempDir(), 'x.pdf')])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['excerpts', file, '--format', 'docx'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('needs -o FILE'),
    });
    await expect(run(['excerpts', file, '-o', join(tempDir(), 'missing', 'x.docx')])).rejects.toThrow(
      /Could not write .*x\.docx: no such folder\./,
    );
    expect(fileHash(file)).toBe(before);
  });
});
