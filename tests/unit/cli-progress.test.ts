// Long commands print their progress on stderr when it is a terminal, and nothing when it is not;
// stdout keeps only the command's own output (the --json contract).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeProgress } from '../../electron/cli/progress';
import { run } from '../../electron/cli/trellis';
import { tempDir } from './helpers';

let out: string[];
let err: string[];
const tty = process.stderr.isTTY;

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  process.env.TRELLIS_HOME = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.stderr.isTTY = tty;
});

async function exportDemo() {
  const dir = tempDir();
  const demo = join(dir, 'demo.trellis');
  expect(await run(['demo', demo, '--json'])).toBe(0);
  out = [];
  err = [];
  expect(await run(['qdpx-export', demo, '-o', join(dir, 'demo.qdpx'), '--json'])).toBe(0);
}

describe('progress of long commands', () => {
  it('on a terminal: a status line on stderr, rewritten in place and cleared; stdout holds only the JSON', async () => {
    process.stderr.isTTY = true;
    await exportDemo();
    expect(err[0]).toBe('\r\x1b[2KWriting the .qdpx…');
    expect(err.at(-1)).toBe('\r\x1b[2K');
    expect(err.every((e) => e.startsWith('\r\x1b[2K'))).toBe(true);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ sources: 10 });
  }, 60_000);

  it('piped: nothing on stderr', async () => {
    process.stderr.isTTY = false;
    await exportDemo();
    expect(err).toEqual([]);
    expect(JSON.parse(out[0]!)).toMatchObject({ sources: 10 });
  }, 60_000);

  it('words a step with its phase, counts and percentage, or the phase alone before the total is known', () => {
    expect(describeProgress('Exporting excerpts', { done: 1200, total: 10_000, phase: 'writing' })).toBe(
      'Exporting excerpts: writing 1,200 of 10,000 (12%)',
    );
    expect(describeProgress('Reading the .qdpx', { done: 0, total: 0, phase: 'starting' })).toBe('Reading the .qdpx: starting…');
  });
});
