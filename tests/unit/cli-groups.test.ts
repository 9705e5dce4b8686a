import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { cliOutput } from './helpers';
import { matrixFixtureFile } from './matrix-fixture';

const out = cliOutput();

/** The matrix's System × Constitutive cell as `trellis matrix --json` prints it. */
async function systemConstitutive(file: string, ...args: string[]) {
  expect(await run(['matrix', file, ...args, '--json'])).toBe(0);
  const cells = (JSON.parse(out.at(-1)!) as { cells: { row: string; column: string; segments: number; documents: number }[] }).cells;
  const { segments, documents } = cells.find((c) => c.row === 'System' && c.column === 'Constitutive')!;
  return { segments, documents };
}

describe('trellis groups', () => {
  it('makes and fills a group by name, lists it, and filters the matrix and excerpts with --group', async () => {
    const file = matrixFixtureFile();
    expect(await run(['groups', file, '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual([]);
    expect(await run(['groups', file, '--add', 'Inner 😀', '--docs', 'one', '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual([{ name: 'Inner 😀', documents: ['One'] }]);
    // Adding to a group that exists (named in any letter case) keeps its documents.
    expect(await run(['groups', file, '--add', 'INNER 😀', '--docs', 'Two', '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual([{ name: 'Inner 😀', documents: ['One', 'Two'] }]);
    expect(await run(['groups', file, '--add', 'Outer', '--docs', 'Two', '--json'])).toBe(0);

    // From the fixture's table: System × Constitutive holds s1, s3 (One) and s7, s8 (Two).
    expect(await systemConstitutive(file)).toEqual({ segments: 4, documents: 2 });
    expect(await systemConstitutive(file, '--group', 'Outer')).toEqual({ segments: 2, documents: 1 });
    expect(await systemConstitutive(file, '--group', 'Outer', '--group', 'inner 😀')).toEqual({ segments: 4, documents: 2 });
    // T1 is carried by s1, s4 (One) and s6 (Two).
    expect(await run(['excerpts', file, '--codes', 'Themes/T1', '--group', 'Outer', '--json'])).toBe(0);
    expect((JSON.parse(out.at(-1)!) as { document: string }[]).map((x) => x.document)).toEqual(['Two']);

    await expect(run(['matrix', file, '--group', 'Nowhere', '--json'])).rejects.toMatchObject({
      message: 'There is no document group "Nowhere".',
      exitCode: 1,
    });
    await expect(run(['groups', file, '--docs', 'One'])).rejects.toMatchObject({ exitCode: 2 });
  });
});
