import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { fileHash, tempDir } from './helpers';

let out: string[];

beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  process.env.TRELLIS_HOME = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const json = async (...args: string[]) => {
  expect(await run([...args, '--json'])).toBe(0);
  return JSON.parse(out.at(-1)!) as unknown;
};

/** A project with one interview (emoji: one code point), coded once by A. */
async function lead(dir: string) {
  const file = join(dir, 'lead.trellis');
  const transcript = join(dir, 'Interview 1.txt');
  writeFileSync(transcript, 'Interviewer: Why? 😀\nDCS: Because the board said so.');
  await json('new', file);
  await json('import', file, transcript);
  await json('code', file, '--doc', 'Interview 1', '--start', '0', '--end', '11', '--cell', 'MGF:System/Directive', '--coder', 'A');
  return file;
}

describe('trellis copy-for-coder and merge', () => {
  it('copies for a coder, keeps the chosen codings, and merges the coder’s work back once', async () => {
    const dir = tempDir();
    const file = await lead(dir);
    const blind = join(dir, 'for B.trellis');
    expect(await json('copy-for-coder', file, '-o', blind)).toEqual({ file: blind, coders: [], segments: 0 });
    const withA = join(dir, 'with A.trellis');
    expect(await json('copy-for-coder', file, '-o', withA, '--keep-coder', 'a')).toEqual({ file: withA, coders: ['A'], segments: 1 });
    await expect(run(['copy-for-coder', file, '-o', withA])).rejects.toThrow(`"${withA}" already exists`);
    await expect(run(['copy-for-coder', file, '-o', join(dir, 'x.trellis'), '--keep-coder', 'Z'])).rejects.toThrow(
      'There is no coder "Z" (coders: A).',
    );

    // B codes "Why? 😀" (code points 13–19) in the blind copy.
    await json('code', blind, '--doc', 'Interview 1', '--start', '13', '--end', '19', '--codes', 'Themes/Puzzled', '--coder', 'B');
    const report = (await json('merge', file, blind)) as Record<string, any>;
    expect(report).toMatchObject({
      file: 'for B.trellis',
      preMergeCopy: join(dir, 'lead (before merge).trellis'),
      documents: { matched: ['Interview 1'], added: [], skipped: [] },
      coders: { matched: [], added: ['B'], renamed: [] },
      segments: { added: 1, alreadyThere: 0, skipped: [] },
    });
    expect(report.codes.added).toEqual(['Themes', 'Themes/Puzzled']);
    expect(existsSync(report.preMergeCopy)).toBe(true);
    const segments = await json('segments', file);
    expect(segments).toEqual([
      expect.objectContaining({ start: 0, end: 11, coder: 'A', codes: ['MGF:System/Directive'] }),
      expect.objectContaining({ start: 13, end: 19, text: 'Why? 😀', coder: 'B', codes: ['Themes/Puzzled'] }),
    ]);

    // The second time nothing is added and the file stays byte for byte as it was.
    const hash = fileHash(file);
    expect(await json('merge', file, blind)).toMatchObject({ preMergeCopy: null, segments: { added: 0, alreadyThere: 1 } });
    expect(fileHash(file)).toBe(hash);
  });

  it('refuses a file that is not a project, and the project itself, leaving the target byte for byte', async () => {
    const dir = tempDir();
    const file = await lead(dir);
    const notes = join(dir, 'notes.trellis');
    writeFileSync(notes, 'just notes');
    const hash = fileHash(file);
    await expect(run(['merge', file, notes, '--json'])).rejects.toThrow('"notes.trellis" is not a Trellis project');
    await expect(run(['merge', file, file, '--json'])).rejects.toThrow('"lead.trellis" is this project itself');
    await expect(run(['merge', file, join(dir, 'missing.trellis')])).rejects.toThrow('does not exist');
    expect(fileHash(file)).toBe(hash);
    expect(existsSync(join(dir, 'lead (before merge).trellis'))).toBe(false);
  });
});
