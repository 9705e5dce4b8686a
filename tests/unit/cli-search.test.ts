import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { cliOutput, tempDir } from './helpers';

const out = cliOutput();

async function json(args: string[]) {
  expect(await run([...args, '--json'])).toBe(0);
  return JSON.parse(out.at(-1)!);
}

const TEXT = 'DCS: 😀 The inspections were hard. Dr. Smith led them, e.g. the Ofsted visit.\nHead: We inspected it 👍🏽 twice.';

async function project() {
  const dir = tempDir();
  const file = join(dir, 'p.trellis');
  const transcript = join(dir, 'Interview.txt');
  writeFileSync(transcript, TEXT);
  await json(['new', file]);
  await json(['import', file, transcript]);
  return file;
}

describe('trellis search', () => {
  it('prints keyword-in-context rows in code points, match exactly the text between the offsets', async () => {
    const file = await project();
    const rows = await json(['search', file, 'inspection']);
    // By hand: "DCS: 😀 The " is 11 code points; paragraph 1 has 76, so paragraph 2 starts at 77, its speech ("We …") at 83.
    expect(rows).toEqual([
      {
        document: 'Interview',
        paragraph: 1,
        speaker: 'DCS',
        start: 11,
        end: 22,
        match: 'inspections',
        context: '😀 The inspections were hard. Dr. Smith led them, e.g. the Ofsted visit.',
      },
      {
        document: 'Interview',
        paragraph: 2,
        speaker: 'Head',
        start: 86,
        end: 95,
        match: 'inspected',
        context: 'We inspected it 👍🏽 twice.',
      },
    ]);
    for (const r of rows) expect([...TEXT].slice(r.start, r.end).join('')).toBe(r.match);
    expect(await json(['search', file, 'inspection', '--no-stem'])).toEqual([]);
    expect((await json(['search', file, 'inspect\\w+', '--regex', '--speaker', 'Head'])).map((r: { match: string }) => r.match)).toEqual([
      'inspected',
    ]);
    expect(await json(['search', file, 'inspection', '--limit', '1'])).toHaveLength(1);
    expect(
      await json(['search', file, 'inspection', '--docs', 'Interview', '--coded-with', 'Nothing/Here']).catch((e: Error) => e.message),
    ).toMatch(/There is no code "Nothing\/Here"/);
  });

  it('explains a query it cannot read', async () => {
    const file = await project();
    await expect(run(['search', file, 'visit AND (', '--json'])).rejects.toThrow(/The search "visit AND \(" cannot be read/);
    await expect(run(['search', file, '(a', '--regex'])).rejects.toThrow(/The regular expression cannot be read/);
    await expect(run(['search', file])).rejects.toThrow(/expected PROJECT and "QUERY"/);
  });
});

describe('trellis autocode', () => {
  it('codes the sentences of the hits, skipping what the coder coded already, and prints them as trellis segments does', async () => {
    const file = await project();
    // Creates the code, and codes the first sentence ("😀 The inspections were hard.") already.
    await json(['code', file, '--doc', 'Interview', '--start', '5', '--end', '33', '--codes', 'Themes/Inspection', '--coder', 'A']);
    const created = await json([
      'autocode',
      file,
      'inspection OR ofsted',
      '--codes',
      'Themes/Inspection',
      '--expand',
      'sentence',
      '--coder',
      'A',
    ]);
    expect(created.map((s: { text: string }) => s.text)).toEqual([
      'Dr. Smith led them, e.g. the Ofsted visit.',
      'We inspected it 👍🏽 twice.',
    ]);
    expect(created[0]).toMatchObject({ document: 'Interview', coder: 'A', codes: ['Themes/Inspection'], memo: '' });
    const segments = await json(['segments', file]);
    expect(segments.slice(1)).toEqual(created);

    const turns = await json(['autocode', file, '--speaker', 'DCS', '--codes', 'Themes/Inspection', '--coder', 'B']);
    expect(turns.map((s: { text: string }) => s.text)).toEqual([
      '😀 The inspections were hard. Dr. Smith led them, e.g. the Ofsted visit.',
    ]);
    await expect(run(['autocode', file, 'x', '--codes', 'Themes/Inspection', '--expand', 'line', '--coder', 'A'])).rejects.toThrow(
      /--expand must be hit, word, sentence, paragraph or turn/,
    );
  });
});
