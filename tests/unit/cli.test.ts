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

describe('trellis codebook commands', () => {
  const KEYS = ['guid', 'path', 'name', 'color', 'description', 'codable', 'segments', 'children'];
  type Node = { path: string; children: Node[] } & Record<string, unknown>;
  const walk = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...walk(n.children)]);

  it('prints the codebook as exactly the documented JSON', async () => {
    const file = join(tempDir(), 'demo.trellis');
    await run(['demo', file]);
    expect(await run(['codebook', file, '--json'])).toBe(0);
    const tree = JSON.parse(out.at(-1)!) as Node[];
    expect(tree.map((n) => n.name)).toEqual(['MGF', 'Themes']);
    for (const node of walk(tree)) expect(Object.keys(node)).toEqual(KEYS);
    expect(walk(tree)).toHaveLength(25);
    const duty = walk(tree).find((n) => n.path === 'Themes/Duty to cooperate')!;
    expect(duty).toMatchObject({ name: 'Duty to cooperate', color: '#E15759', codable: true, children: [] });
    expect(duty.guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(duty.segments).toBeGreaterThan(0);
    expect(tree[0]).toMatchObject({ codable: false, segments: 0 });
    expect(await run(['codebook', file])).toBe(0);
    expect(out.at(-1)).toMatch(/^MGF {2}\(306\)\n {2}System × Constitutive {2}\d+\n/);
  });

  it('exports qdc, md and docx, and imports a .qdc into another project with a report', async () => {
    const dir = tempDir();
    const demo = join(dir, 'demo.trellis');
    const fresh = join(dir, 'fresh.trellis');
    await run(['demo', demo]);
    await run(['new', fresh]);
    for (const format of ['qdc', 'md', 'docx']) {
      expect(await run(['codebook-export', demo, '--format', format, '-o', join(dir, `book.${format}`), '--json'])).toBe(0);
      expect(JSON.parse(out.at(-1)!)).toEqual({ file: join(dir, `book.${format}`), format, codes: 25 });
    }
    expect(await run(['codebook-import', fresh, join(dir, 'book.qdc'), '--json'])).toBe(0);
    const report = JSON.parse(out.at(-1)!);
    // The new project's MGF has its own GUIDs: its codes are recognised by name; the themes are added.
    expect(report.matched).toHaveLength(12);
    expect(report.matched.every((m: { by: string }) => m.by === 'name')).toBe(true);
    expect(report.added).toHaveLength(13);
    expect(await run(['codebook-import', fresh, join(dir, 'book.qdc')])).toBe(0);
    expect(out.at(-1)).toMatch(/^Imported .*book\.qdc: 0 added, 25 matched, 0 renamed or moved\.$/);
  });

  it('refuses a bad codebook file and a missing format with clear messages', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.trellis');
    await run(['new', project]);
    writeFileSync(join(dir, 'bad.qdc'), '<CodeBook xmlns="urn:wrong"><Codes/></CodeBook>');
    await expect(run(['codebook-import', project, join(dir, 'bad.qdc')])).rejects.toThrow(
      /bad\.qdc" is not a usable REFI-QDA codebook: its CodeBook is in the namespace "urn:wrong"/,
    );
    await expect(run(['codebook-export', project, '-o', join(dir, 'x.txt')])).rejects.toThrow(/--format must be qdc, md or docx/);
    await expect(run(['codebook-import', project])).rejects.toThrow(/expected PROJECT and FILE\.qdc/);
  });
});
