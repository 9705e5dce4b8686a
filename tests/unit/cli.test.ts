import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { fileHash, tempDir } from './helpers';

let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  process.env.TRELLIS_HOME = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('trellis CLI', () => {
  it('writes the demo and prints exactly the info contract', async () => {
    const file = join(tempDir(), 'demo.trellis');
    expect(await run(['demo', file])).toBe(0);
    expect(await run(['info', file, '--json'])).toBe(0);
    const info = JSON.parse(out.at(-1)!);
    expect(Object.keys(info)).toEqual(['schemaVersion', 'documents', 'cases', 'codes', 'coders', 'segments', 'frameworks']);
    expect(info).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      documents: 10,
      cases: 10,
      codes: 25,
      coders: 2,
      frameworks: ['MGF'],
    });
    expect(info.segments).toBeGreaterThan(200);
  });

  it('creates an empty project with the MGF', async () => {
    const file = join(tempDir(), 'empty.trellis');
    expect(await run(['new', file, '--name', 'Pilot'])).toBe(0);
    expect(await run(['info', file, '--json'])).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toEqual({
      schemaVersion: LATEST_SCHEMA_VERSION,
      documents: 0,
      cases: 0,
      codes: 12,
      coders: 0,
      segments: 0,
      frameworks: ['MGF'],
    });
  });

  it('fails with a message naming the file, leaving it untouched', async () => {
    const file = join(tempDir(), 'notes.trellis');
    writeFileSync(file, 'just notes');
    const before = fileHash(file);
    await expect(run(['info', file, '--json'])).rejects.toThrow(`"${file}" is not a Trellis project`);
    await expect(run(['demo', file])).rejects.toThrow(/already exists/);
    expect(fileHash(file)).toBe(before);
    await expect(run(['frobnicate', file])).rejects.toThrow(/Unknown command/);
    await expect(run(['info'])).rejects.toThrow(/expected exactly one FILE/);
  });

  it('runs as a real command: stdout carries JSON, errors go to stderr with a non-zero exit', () => {
    const dir = tempDir();
    const file = join(dir, 'cli.trellis');
    const bin = join(process.cwd(), 'bin', 'trellis.mjs');
    execFileSync(process.execPath, [bin, 'new', file], { encoding: 'utf8' });
    const info = execFileSync(process.execPath, [bin, 'info', file, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(info)).toMatchObject({ documents: 0, frameworks: ['MGF'] });
    const failed = spawnSync(process.execPath, [bin, 'info', join(dir, 'missing.trellis'), '--json'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^trellis: ".*missing\.trellis" does not exist\./);
  });
});
