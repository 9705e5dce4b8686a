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

const ONE = 'DCS: 😀 Jon ran the pooled budgets; Jon agreed.\nHead: Jonathan and Jon 👍🏽 met.';
const TWO = 'DCS: Nothing about him.\nHead: Ask jon later.';
const cp = (s: string) => [...s];
const at = (text: string, needle: string) => cp(text.slice(0, text.indexOf(needle))).length;

async function project() {
  const dir = tempDir();
  const file = join(dir, 'p.trellis');
  for (const [name, text] of [
    ['One.txt', ONE],
    ['Two.txt', TWO],
  ]) {
    writeFileSync(join(dir, name!), text!);
  }
  await json(['new', file]);
  await json(['import', file, join(dir, 'One.txt')]);
  await json(['import', file, join(dir, 'Two.txt')]);
  const passage = 'Jon ran the pooled budgets';
  await json([
    'code',
    file,
    '--doc',
    'One',
    '--start',
    String(at(ONE, passage)),
    '--end',
    String(at(ONE, passage) + passage.length),
    '--codes',
    'Budgets',
    '--coder',
    'A',
  ]);
  await json([
    'code',
    file,
    '--doc',
    'One',
    '--start',
    String(at(ONE, '😀')),
    '--end',
    String(at(ONE, '😀') + 1),
    '--codes',
    'Mood',
    '--coder',
    'B',
  ]);
  return file;
}

describe('trellis edit-text', () => {
  it('prints the document, its length and every segment after the edit, removed ones apart; trellis undo restores the text', async () => {
    const file = await project();
    const before = await json(['segments', file, '--doc', 'One']);
    const start = at(ONE, 'pooled');
    const edited = await json([
      'edit-text',
      file,
      '--doc',
      'One',
      '--start',
      String(start),
      '--end',
      String(start + 6),
      '--replace',
      'shared 😀',
      '--coder',
      'A',
    ]);
    expect(edited.document).toBe('One');
    expect(edited.characters).toBe(cp(ONE).length + cp('shared 😀').length - cp('pooled').length);
    // In the shape `trellis segments` prints: the coded passage now reads with the fixed word.
    expect(edited.segments).toEqual(await json(['segments', file, '--doc', 'One']));
    expect(edited.segments.map((s: { text: string }) => s.text)).toEqual(['😀', 'Jon ran the shared 😀 budgets']);
    expect(edited.removed).toEqual([]);

    // Deleting the coded emoji removes B's segment, listed as it was.
    const emoji = at(ONE, '😀');
    const deleted = await json([
      'edit-text',
      file,
      '--doc',
      'One',
      '--start',
      String(emoji),
      '--end',
      String(emoji + 2),
      '--replace',
      '',
      '--coder',
      'B',
    ]);
    expect(deleted.removed).toEqual([before.find((s: { coder: string }) => s.coder === 'B')]);
    expect(deleted.segments.map((s: { text: string }) => s.text)).toEqual(['Jon ran the shared 😀 budgets']);

    // Each edit is one undo step of its coder.
    expect((await json(['undo', file, '--coder', 'B'])).label).toBe('Edit text');
    expect((await json(['undo', file, '--coder', 'A'])).label).toBe('Edit text');
    expect(await json(['segments', file, '--doc', 'One'])).toEqual(before);
    expect((await json(['search', file, 'pooled', '--no-stem'])).map((r: { match: string }) => r.match)).toEqual(['pooled']);
  });

  it('refuses an edit across a line break or outside the text', async () => {
    const file = await project();
    const newline = at(ONE, '\n');
    await expect(
      run(['edit-text', file, '--doc', 'One', '--start', String(newline), '--end', String(newline + 1), '--replace', ' ', '--coder', 'A']),
    ).rejects.toThrow(/one paragraph/);
    await expect(
      run(['edit-text', file, '--doc', 'One', '--start', '500', '--end', '501', '--replace', 'x', '--coder', 'A']),
    ).rejects.toThrow(/not inside/);
  });
});

describe('trellis split-turn, set-speaker and join-turns', () => {
  it('split a coded turn, change the new one’s speaker and join it back, the coding on its words throughout; trellis undo restores each', async () => {
    const file = await project();
    const before = await json(['segments', file, '--doc', 'One']);
    const coded = (result: { segments: { text: string }[] }) => result.segments.map((s) => s.text);
    const split = await json([
      'split-turn',
      file,
      '--doc',
      'One',
      '--at',
      String(at(ONE, ' the pooled')),
      '--speaker',
      'Ana 😀',
      '--coder',
      'A',
    ]);
    expect(split.document).toBe('One');
    expect(split.characters).toBe(cp(ONE).length + cp('Ana 😀: ').length);
    expect(split.segments).toEqual(await json(['segments', file, '--doc', 'One']));
    expect(coded(split)).toEqual(['😀', 'Jon ran\nAna 😀: the pooled budgets']);
    expect(split.removed).toEqual([]);
    const turns = async () => (await json(['documents', file, '--doc', 'One']))[0].paragraphs.map((p: { speaker: string }) => p.speaker);
    expect(await turns()).toEqual(['DCS', 'Ana 😀', 'Head']);

    const relabelled = await json(['set-speaker', file, '--doc', 'One', '--turn', '2', '--speaker', 'Head', '--coder', 'A']);
    expect(coded(relabelled)).toEqual(['😀', 'Jon ran\nHead: the pooled budgets']);
    expect(await turns()).toEqual(['DCS', 'Head', 'Head']);
    // --none: the label goes, and the turn is nobody's; the coding keeps its words.
    const unlabelled = await json(['set-speaker', file, '--doc', 'One', '--turn', '2', '--none', '--coder', 'A']);
    expect(coded(unlabelled)).toEqual(['😀', 'Jon ran\nthe pooled budgets']);
    expect(await turns()).toEqual(['DCS', null, 'Head']);

    const joined = await json(['join-turns', file, '--doc', 'One', '--turn', '1', '--coder', 'A']);
    expect(joined.characters).toBe(cp(ONE).length);
    expect(coded(joined)).toEqual(['😀', 'Jon ran the pooled budgets']);
    expect(await turns()).toEqual(['DCS', 'Head']);

    for (const label of ['Join turns', 'Change speaker', 'Change speaker', 'Split turn'])
      expect((await json(['undo', file, '--coder', 'A'])).label).toBe(label);
    expect(await json(['segments', file, '--doc', 'One'])).toEqual(before);
  });

  it('refuses a split outside the speech, a join of the last turn, and a speaker missing or given twice', async () => {
    const file = await project();
    await expect(run(['split-turn', file, '--doc', 'One', '--at', '1', '--coder', 'A'])).rejects.toThrow(/words on both sides/);
    await expect(run(['join-turns', file, '--doc', 'One', '--turn', '2', '--coder', 'A'])).rejects.toThrow(/last turn/);
    await expect(run(['set-speaker', file, '--doc', 'One', '--turn', '1', '--coder', 'A'])).rejects.toThrow(/Either --speaker S or --none/);
    await expect(run(['set-speaker', file, '--doc', 'One', '--turn', '1', '--speaker', 'Ana', '--none', '--coder', 'A'])).rejects.toThrow(
      /Either --speaker S or --none/,
    );
  });
});

describe('trellis pseudonymise', () => {
  it('replaces whole-word hits in any case across documents, keeps codings, and undoes as one step', async () => {
    const file = await project();
    const before = await json(['segments', file]);
    const result = await json(['pseudonymise', file, '--find', 'Jon', '--replace', 'P1', '--coder', 'A']);
    // "Jon" three times in One ("Jonathan" is another word), "jon" once in Two.
    expect(result).toEqual({
      replaced: 4,
      documents: [
        { document: 'One', replaced: 3 },
        { document: 'Two', replaced: 1 },
      ],
      removed: [],
    });
    const after = await json(['segments', file]);
    expect(after.map((s: { text: string }) => s.text)).toEqual(['😀', 'P1 ran the pooled budgets']);
    expect(await json(['search', file, 'Jonathan', '--no-stem'])).toHaveLength(1);
    expect(await json(['search', file, 'jon', '--no-stem'])).toEqual([]);
    expect((await json(['undo', file, '--coder', 'A'])).label).toBe('Pseudonymise "Jon"');
    expect(await json(['segments', file])).toEqual(before);
    expect(await json(['search', file, 'jon', '--no-stem'])).toHaveLength(4);
  });

  it('limits itself to the documents named', async () => {
    const file = await project();
    const result = await json([
      'pseudonymise',
      file,
      '--find',
      'jon',
      '--replace',
      'P1',
      '--docs',
      'Two',
      '--case-sensitive',
      '--coder',
      'A',
    ]);
    expect(result.documents).toEqual([{ document: 'Two', replaced: 1 }]);
  });
});
