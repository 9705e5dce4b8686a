import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { cliOutput, fileHash, tempDir } from './helpers';
import { matrixFixtureFile } from './matrix-fixture';

const out = cliOutput();

async function json(args: string[]) {
  expect(await run([...args, '--json'])).toBe(0);
  return JSON.parse(out.at(-1)!);
}

describe('trellis agreement', () => {
  it('prints exactly the JSON contract, with the fixture’s hand-computed counts', async () => {
    const file = matrixFixtureFile();
    const characters = Object.fromEntries(
      ((await json(['documents', file])) as { name: string; characters: number }[]).map((d) => [d.name, d.characters]),
    );
    const result = await json(['agreement', file, '--coders', 'A,B', '--unit', 'character', '--codes', 'Themes/T1']);
    expect(Object.keys(result)).toEqual(['unit', 'coders', 'rows', 'codes', 'overall', 'groups']);
    expect(result.unit).toBe('character');
    expect(result.coders).toEqual(['A', 'B']);
    // T1 in One: A [0,12), B [8,20): both 4, only A 8, only B 8. In Two: A [18,23), B none.
    const [one, two] = result.rows;
    expect(Object.keys(one)).toEqual([
      'code',
      'document',
      'units',
      'both',
      'onlyA',
      'onlyB',
      'neither',
      'percent',
      'kappa',
      'alpha',
      'uAlphaBinary',
    ]);
    expect(one).toMatchObject({ code: 'Themes/T1', document: 'One', units: characters.One, both: 4, onlyA: 8, onlyB: 8 });
    expect(one.neither).toBe(characters.One - 20);
    expect(two).toMatchObject({ document: 'Two', units: characters.Two, both: 0, onlyA: 5, onlyB: 0, neither: characters.Two - 5 });
    // Hand-computed: A codes 5 of Two's code points, B none, so p_o = 1 − 5/n, p_e = (1 − 5/n) and kappa = 0.
    expect(two.kappa).toBe(0);
    expect(result.codes).toEqual([expect.objectContaining({ code: 'Themes/T1', document: null, both: 4, onlyA: 13, onlyB: 8 })]);
    expect(result.overall).toMatchObject({ code: null, document: null, both: 4, onlyA: 13, onlyB: 8 });
    // T1 is the only chosen sub-code of Themes (which has four): a group of one category, whose uα is its |uα.
    expect(result.groups).toEqual([
      {
        group: 'Themes',
        uAlpha: result.codes[0].uAlphaBinary,
        uAlphaBinary: result.codes[0].uAlphaBinary,
        cuAlpha: null,
        reason: expect.any(String),
      },
    ]);
  });

  it('prints one line per code, the overall figures and the groups as text', async () => {
    const file = matrixFixtureFile();
    expect(await run(['agreement', file, '--coders', 'a,b', '--unit', 'document', '--docs', 'One'])).toBe(0);
    const lines = out.at(-1)!.split('\n');
    expect(lines[0]).toBe('Agreement of A, B by document');
    // One document, both coders coded T1 in it: one unit, no variation, so kappa and alpha are undefined.
    expect(lines).toContain(
      'Themes/T1: 1 units; both 1, only A 0, only B 0, neither 0; agreement 1.000; kappa undefined; alpha undefined ' +
        '(kappa: no variation: both coders put every unit in the same category (0/0); alpha: no variation: every pairable value is in the same category (0/0))',
    );
    expect(lines.at(-1)).toMatch(/^Overall: /);
  });

  it('refuses bad options and names with a message, leaving the project untouched', async () => {
    const file = matrixFixtureFile();
    const before = fileHash(file);
    await expect(run(['agreement', file, '--unit', 'character'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--coders is required'),
    });
    await expect(run(['agreement', file, '--coders', 'A,B', '--unit', 'word'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['agreement', file, '--coders', 'A', '--unit', 'character'])).rejects.toThrow('Agreement needs at least two coders.');
    await expect(run(['agreement', file, '--coders', 'A,Z', '--unit', 'character'])).rejects.toThrow('There is no coder "Z".');
    await expect(run(['agreement', file, '--coders', 'A,B', '--unit', 'character', '--codes', 'Themes/T9'])).rejects.toThrow(
      'There is no code "Themes/T9".',
    );
    await expect(run(['agreement', file, '--coders', 'A,B', '--unit', 'character', '--docs', 'Three'])).rejects.toThrow(
      'There is no document "Three".',
    );
    expect(fileHash(file)).toBe(before);
  });

  it('writes the report with --format csv|docx -o FILE, with the figures it prints', async () => {
    const file = matrixFixtureFile();
    const dir = tempDir();
    const result = await json(['agreement', file, '--coders', 'A,B', '--unit', 'paragraph', '-o', join(dir, 'report.csv')]);
    // The format follows the file's extension; the CSV's overall line carries the printed overall figures.
    const lines = Papa.parse<string[]>(readFileSync(join(dir, 'report.csv'), 'utf8').slice(1)).data;
    const header = lines.find((l) => l[0] === 'Level')!;
    const overall = lines.find((l) => l[0] === 'overall')!;
    expect(overall[header.indexOf('Units')]).toBe(String(result.overall.units));
    expect(overall[header.indexOf('Both')]).toBe(String(result.overall.both));
    expect(overall[header.indexOf("Krippendorff's alpha")]).toBe(String(result.overall.alpha ?? ''));
    expect(await run(['agreement', file, '--coders', 'A,B', '--unit', 'paragraph', '--format', 'docx', '-o', join(dir, 'r.bin')])).toBe(0);
    expect(readFileSync(join(dir, 'r.bin')).subarray(0, 2).toString()).toBe('PK');
    await expect(
      run(['agreement', file, '--coders', 'A,B', '--unit', 'paragraph', '--format', 'xlsx', '-o', join(dir, 'r.xlsx')]),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--format must be docx or csv'),
    });
    await expect(run(['agreement', file, '--coders', 'A,B', '--unit', 'paragraph', '--format', 'csv'])).rejects.toThrow(
      '--format needs -o FILE',
    );
  });
});

describe('trellis disagreements', () => {
  it('lists where two coders differ on a code, by character, in document order', async () => {
    const file = matrixFixtureFile();
    const result = await json(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1']);
    expect(Object.keys(result)).toEqual(['unit', 'coders', 'disagreements']);
    expect(result.unit).toBe('character');
    expect(result.coders).toEqual(['A', 'B']);
    // The fixture's T1 (tests/unit/matrix-fixture.ts): One A [0,12), B [8,20); Two A [18,23) and B codes
    // elsewhere in Two (so B took part there). Offsets count code points: the emoji at 11 is one.
    expect(result.disagreements).toEqual([
      { document: 'One', code: 'Themes/T1', side: 'A', start: 0, end: 8, text: 'DCS: Ça ', decision: null },
      { document: 'One', code: 'Themes/T1', side: 'B', start: 12, end: 20, text: ' naïve p', decision: null },
      { document: 'Two', code: 'Themes/T1', side: 'A', start: 18, end: 23, text: 'DCS: ', decision: null },
    ]);
    expect(await run(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1', '--doc', 'Two'])).toBe(0);
    expect(out.at(-1)).toBe('1 disagreements between A and B\nTwo 18–23 Themes/T1: only A "DCS: "');
  });

  it('lists the speaker turns only one coder applied a code in with --unit paragraph', async () => {
    const file = matrixFixtureFile();
    const result = await json(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1', '--unit', 'paragraph']);
    // By hand from the fixture: One's first turn holds A's [0,12) and B's [8,20) (both coded it: no disagreement);
    // Two's second turn [18,44) ("DCS: Boards met 😀 monthly.", 26 code points) holds A's [18,23) and no T1 of B's.
    expect(result).toEqual({
      unit: 'paragraph',
      coders: ['A', 'B'],
      disagreements: [
        { document: 'Two', code: 'Themes/T1', side: 'A', start: 18, end: 44, text: 'DCS: Boards met 😀 monthly.', decision: null },
      ],
    });
    expect(await run(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1', '--unit', 'char'])).toBe(0);
    expect(out.at(-1)).toMatch(/^3 disagreements between A and B\n/);
    // A turn is reconciled as listed: Consensus gets A's T1 inside it, [18,23).
    const settled = await json([
      'reconcile',
      file,
      '--coders',
      'A,B',
      '--code',
      'Themes/T1',
      '--doc',
      'Two',
      '--unit',
      'paragraph',
      '--start',
      '18',
      '--end',
      '44',
      '--accept',
      'A',
    ]);
    expect(settled).toMatchObject({ side: 'A', start: 18, end: 44, decision: 'A', consensusSegment: expect.any(Number) });
    const again = await json(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1', '--unit', 'paragraph']);
    expect(again.disagreements[0].decision).toMatchObject({ decision: 'A' });
    await expect(run(['disagreements', file, '--coders', 'A,B', '--unit', 'document'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--unit must be char or paragraph'),
    });
  });

  it('refuses anything but two coders, and unknown names', async () => {
    const file = matrixFixtureFile();
    await expect(run(['disagreements', file, '--coders', 'A'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['disagreements', file, '--coders', 'A,B,C'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['disagreements', file, '--coders', 'A,Z'])).rejects.toThrow('There is no coder "Z".');
    await expect(run(['disagreements', file, '--coders', 'A,B', '--doc', 'Three'])).rejects.toThrow('There is no document "Three".');
  });
});

describe('trellis reconcile', () => {
  it('settles disagreements into Consensus and logs the decision, which disagreements then shows', async () => {
    const file = matrixFixtureFile();
    const base = ['reconcile', file, '--coders', 'A,B', '--code', 'Themes/T1'];
    // Accepting the side that coded the stretch codes it for Consensus; accepting the other leaves it uncoded.
    const both = await json([...base, '--doc', 'One', '--start', '0', '--end', '8', '--accept', 'both', '--note', 'both right 😀']);
    expect(both).toMatchObject({
      document: 'One',
      code: 'Themes/T1',
      side: 'A',
      start: 0,
      end: 8,
      decision: 'both',
      note: 'both right 😀',
    });
    expect(both.consensusSegment).toEqual(expect.any(Number));
    const refused = await json([...base, '--doc', 'One', '--start', '12', '--end', '20', '--accept', 'A']);
    expect(refused).toMatchObject({ side: 'B', decision: 'A', consensusSegment: null });
    const listed = await json(['disagreements', file, '--coders', 'A,B', '--code', 'Themes/T1', '--doc', 'One']);
    expect(listed.disagreements.map((d: { decision: { decision: string; note: string } | null }) => d.decision)).toEqual([
      expect.objectContaining({ decision: 'both', note: 'both right 😀' }),
      expect.objectContaining({ decision: 'A', note: '' }),
    ]);
    // Consensus is a coder like any other: its one segment is the accepted stretch.
    const segments = await json(['segments', file, '--doc', 'One']);
    expect(segments.filter((s: { coder: string }) => s.coder === 'Consensus')).toEqual([
      expect.objectContaining({ start: 0, end: 8, codes: ['Themes/T1'], memo: 'both right 😀' }),
    ]);
  });

  it('refuses a span the coders do not disagree on and bad options, leaving the project untouched', async () => {
    const file = matrixFixtureFile();
    const before = fileHash(file);
    const base = ['reconcile', file, '--coders', 'A,B', '--code', 'Themes/T1', '--doc', 'One'];
    await expect(run([...base, '--start', '0', '--end', '12', '--accept', 'A'])).rejects.toThrow(
      'A and B do not disagree on 0–12 of "One" for Themes/T1',
    );
    await expect(run([...base, '--start', '0', '--end', '8', '--accept', 'maybe'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run([...base, '--start', 'x', '--end', '8', '--accept', 'A'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['reconcile', file, '--coders', 'A,B', '--start', '0', '--end', '8', '--accept', 'A'])).rejects.toMatchObject({
      exitCode: 2,
    });
    expect(fileHash(file)).toBe(before);
  });
});
