// Item 4 of issue 13: work a hostile file or pattern asks for is linear, capped, or stopped in time.
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_COLUMNS, planCaseSheet, readSheetRows } from '../../../electron/services/import/case-sheet';
import { readTranscript } from '../../../electron/services/import/read';
import { parsePlainTranscript } from '../../../electron/services/transcript';

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
const wideSheet = (columns: number) => [
  ['Case', ...Array.from({ length: columns }, (_, i) => `Attribute ${i}`)],
  ...['A', 'B', 'C'].map((name, r) => [name, ...Array.from({ length: columns }, (_, i) => String(i * r))]),
];

describe('case sheets', () => {
  it(`plans a sheet of ${MAX_SHEET_COLUMNS} columns quickly and refuses a wider one with a message`, async () => {
    const started = performance.now();
    const sheet = planCaseSheet(await readSheetRows('csv', csv(wideSheet(MAX_SHEET_COLUMNS))), []);
    // Quadratic planning took ~170 ms at 2,000 columns on this machine; linear planning of 1,000 takes ~20 ms.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(sheet.columns).toHaveLength(MAX_SHEET_COLUMNS);
    expect(sheet.cases[2]!.values['Attribute 999']).toBe(String(999 * 2));
    const wide = await readSheetRows('csv', csv(wideSheet(100_000)));
    expect(() => planCaseSheet(wide, [])).toThrow('has 100,000 attribute columns; Trellis takes at most 1,000');
  });

  it('still finds a repeated column name regardless of case, and renames values to the attribute the project has', () => {
    expect(() =>
      planCaseSheet(
        [
          ['Case', 'Region', 'x', 'REGION'],
          ['A', '1', '2', '3'],
        ],
        [],
      ),
    ).toThrow('has two columns named "REGION"');
    const sheet = planCaseSheet(
      [
        ['Case', 'years'],
        ['A', '4'],
      ],
      [{ id: 1, name: 'Years', type: 'number', choices: null }],
    );
    expect(sheet.cases[0]!.values).toEqual({ Years: '4' });
  });
});

describe('a speaker pattern of its own', () => {
  const evil = '^(?<speaker>(a+)+)$';

  it('is stopped after its time budget with a message, instead of backtracking for ever', () => {
    // Forty a's and a b: (a+)+ tries every split of the a's, 2^40 ways, before failing (issue 13: > 40 s).
    const started = performance.now();
    expect(() => parsePlainTranscript(`${'a'.repeat(40)}b\nhello`, { speakerPattern: evil })).toThrow(
      /The speaker pattern ran longer than 2 s, so Trellis stopped it/,
    );
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('names the file when reading one, and the budget is for the whole file, not each line', async () => {
    // Thirty different lines of about a second each here: a budget per line would let this run ~30 s.
    const lines = Array.from({ length: 30 }, (_, i) => `${'a'.repeat(26)}b${i}`).join('\n');
    const started = performance.now();
    await expect(readTranscript({ name: 'slow.txt', text: lines }, { speakerPattern: evil })).rejects.toThrow(
      /On "slow\.txt", the speaker pattern ran longer than 2 s/,
    );
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('matches an ordinary pattern on many lines in one batch, with emoji in the names', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `P${i % 7}😀 — line ${i}`).join('\n');
    const started = performance.now();
    const parsed = parsePlainTranscript(text, { speakerPattern: '^(\\w+😀) — ' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(parsed.paragraphs).toHaveLength(20_000);
    expect(parsed.speakers.map((s) => s.label).sort()).toEqual(['P0😀', 'P1😀', 'P2😀', 'P3😀', 'P4😀', 'P5😀', 'P6😀']);
  });
});
