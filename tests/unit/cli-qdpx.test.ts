import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { tempDir } from './helpers';

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
  return JSON.parse(out.at(-1)!) as Record<string, unknown>;
};

/** A command's --json output without the project's own path, and without row ids (numbered in the order rows were written). */
const view = async (command: string, file: string) =>
  JSON.stringify(await json(command, file), (key, value: unknown) => (key === 'id' ? undefined : value)).replaceAll(file, 'PROJECT');

describe('trellis qdpx-export and qdpx-import', () => {
  it('round-trips the demo project: documents, codebook and segments print the same', async () => {
    const dir = tempDir();
    const demo = join(dir, 'demo.trellis');
    await json('demo', demo);
    const archive = join(dir, 'demo.qdpx');
    const exported = await json('qdpx-export', demo, '-o', archive);
    expect(exported).toMatchObject({ file: archive, sources: 10 });
    const copy = join(dir, 'copy.trellis');
    const report = await json('qdpx-import', '--new', copy, archive);
    expect(report).toMatchObject({ sources: 10, selections: exported.selections, codings: exported.codings, rejected: [], corrected: [] });
    for (const command of ['documents', 'codebook', 'segments']) expect(await view(command, copy), command).toBe(await view(command, demo));
  }, 60_000);

  it('says what is wrong with a file that is not a .qdpx', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.trellis');
    await json('new', project);
    await expect(run(['qdpx-import', project, join(dir, 'p.trellis'), '--json'])).rejects.toThrow(
      /^"p\.trellis" is not a REFI-QDA project/,
    );
  });
});
