import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/trellis';
import { wavBytes } from '../wav';
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
  }, 120_000); // several real processes, each starting Node and tsx: slow on a loaded 2-core machine

  describe('import and documents', () => {
    const fixtures = join(process.cwd(), 'tests', 'fixtures', 'import');
    const newProject = async () => {
      const file = join(tempDir(), 'study.trellis');
      expect(await run(['new', file])).toBe(0);
      return file;
    };

    it('imports a folder file by file, printing the per-file contract; a failing file stops nothing', async () => {
      const file = await newProject();
      const folder = join(fixtures, 'folder');
      await expect(run(['import', file, folder, '--json'])).rejects.toThrow('1 of 5 files could not be imported.');
      const rows = JSON.parse(out.at(-1)!);
      expect(rows).toEqual([
        { file: join(folder, '01 County 5.docx'), status: 'imported', document: '01 County 5', error: null },
        { file: join(folder, '02 Borough 3.txt'), status: 'imported', document: '02 Borough 3', error: null },
        { file: join(folder, '03 Focus group.vtt'), status: 'imported', document: '03 Focus group', error: null },
        { file: join(folder, '04 Borough 3 copy.txt'), status: 'duplicate', document: '02 Borough 3', error: null },
        {
          file: join(folder, '05 Broken captions.vtt'),
          status: 'failed',
          document: null,
          error: '"05 Broken captions.vtt" holds no captions: no block could be read as a cue (lines 3, 6).',
        },
      ]);
      expect(await run(['documents', file, '--json'])).toBe(0);
      const docs = JSON.parse(out.at(-1)!);
      expect(docs.map((d: { name: string; case: string }) => [d.name, d.case])).toEqual([
        ['01 County 5', '01 County 5'],
        ['02 Borough 3', '02 Borough 3'],
        ['03 Focus group', '03 Focus group'],
      ]);
      expect(docs[2].paragraphs[1]).toEqual({ n: 2, start: 53, end: 96, speaker: 'Dr Amaka Obi', time: '00:00:08' });
      expect(await run(['documents', file, '--doc', '02 borough 3', '--json'])).toBe(0);
      expect(JSON.parse(out.at(-1)!)).toEqual([docs[1]]);
    });

    it('sets case attributes from a sheet and takes a custom speaker pattern', async () => {
      const file = await newProject();
      const docx = join(fixtures, 'interview.docx');
      const rev = join(fixtures, 'text', 'rev.txt');
      expect(
        await run([
          'import',
          file,
          docx,
          rev,
          '--case-attributes',
          join(fixtures, 'case-attributes.xlsx'),
          '--speaker-pattern',
          '^(Director) ',
          '--json',
        ]),
      ).toBe(0);
      expect(JSON.parse(out.at(-1)!).map((r: { status: string }) => r.status)).toEqual(['imported', 'imported']);
      expect(await run(['documents', file, '--doc', 'interview', '--json'])).toBe(0);
      const [doc] = JSON.parse(out.at(-1)!);
      expect(doc.attributes).toEqual({
        Region: 'Metropolitan district',
        'Interview date': '2010-06-21',
        'Years in post': 4,
        Notes: 'Board chair',
      });
      // The custom pattern replaced the built-in labels: "Interviewer:" is no speaker in either file.
      expect(doc.paragraphs.map((p: { speaker: string | null }) => p.speaker).every((s: string | null) => s === null)).toBe(true);
      expect(await run(['documents', file, '--doc', 'rev', '--json'])).toBe(0);
      expect(JSON.parse(out.at(-1)!)[0].paragraphs.map((p: { speaker: string | null }) => p.speaker)).toEqual([
        null,
        null,
        null,
        'Director',
        'Director',
        'Director',
        'Director',
        'Director',
      ]);
    });

    it('stops before importing anything when the case sheet is bad', async () => {
      const file = await newProject();
      const sheet = join(tempDir(), 'cases.csv');
      writeFileSync(sheet, 'Case,Region\n,County\n');
      await expect(run(['import', file, join(fixtures, 'interview.docx'), '--case-attributes', sheet, '--json'])).rejects.toThrow(
        '"cases.csv" has no case name in row 2.',
      );
      expect(await run(['info', file, '--json'])).toBe(0);
      expect(JSON.parse(out.at(-1)!)).toMatchObject({ documents: 0, cases: 0 });
      await expect(run(['import', file])).rejects.toThrow(/expected a PROJECT and at least one FILE or FOLDER/);
      await expect(run(['documents', file, '--doc', 'nope'])).rejects.toThrow('There is no document named "nope".');
    });

    it('exits 1 with the rows on stdout and the summary on stderr when a file fails', () => {
      const dir = tempDir();
      const file = join(dir, 'p.trellis');
      const bin = join(process.cwd(), 'bin', 'trellis.mjs');
      execFileSync(process.execPath, [bin, 'new', file]);
      const result = spawnSync(
        process.execPath,
        [bin, 'import', file, join(fixtures, 'text', 'empty.txt'), join(fixtures, 'interview.md'), '--json'],
        {
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout).map((r: { status: string }) => r.status)).toEqual(['failed', 'imported']);
      expect(result.stderr).toBe('trellis: 1 of 2 files could not be imported.\n');
      // Two CLI processes from source, the second starting a job worker (tsx boots again in it): slow under load.
    }, 60_000);
  });
});

describe('trellis code and segments', () => {
  it('codes a passage by code points and lists it with the exact text, creating the coder and theme', async () => {
    const file = join(tempDir(), 'demo.trellis');
    await run(['demo', file]);
    await run(['segments', file, '--doc', 'Interview 01 – London Borough 1', '--coder', 'A', '--json']);
    const before = JSON.parse(out.at(-1)!);
    expect(before.length).toBeGreaterThan(10);
    const first = before[0];
    expect(Object.keys(first)).toEqual(['id', 'document', 'start', 'end', 'text', 'coder', 'codes', 'memo']);
    expect(first.codes.some((c: string) => /^MGF:(System|Organizational|Individual)\/(Constitutive|Directive|Operational)$/.test(c))).toBe(
      true,
    );

    expect(
      await run([
        'code',
        file,
        '--doc',
        'Interview 01 – London Borough 1',
        '--start',
        '0',
        '--end',
        '12',
        '--codes',
        'Themes/Leadership,Themes/Brand new theme',
        '--cell',
        'MGF:System/Constitutive',
        '--slice',
        'MGF:National',
        '--coder',
        'Reviewer',
        '--memo',
        'Opening words.',
        '--json',
      ]),
    ).toBe(0);
    const coded = JSON.parse(out.at(-1)!);
    expect(coded).toMatchObject({
      document: 'Interview 01 – London Borough 1',
      start: 0,
      end: 12,
      text: 'Interviewer:',
      coder: 'Reviewer',
      memo: 'Opening words.',
    });
    expect([...coded.codes].sort()).toEqual(['MGF:National', 'MGF:System/Constitutive', 'Themes/Brand new theme', 'Themes/Leadership']);
    await run(['segments', file, '--coder', 'Reviewer', '--json']);
    expect(JSON.parse(out.at(-1)!)).toEqual([coded]);
  });

  it('refuses bad offsets, unknown documents and missing options with clear messages', async () => {
    const file = join(tempDir(), 'demo.trellis');
    await run(['demo', file]);
    const doc = 'Interview 01 – London Borough 1';
    await expect(
      run(['code', file, '--doc', doc, '--start', '10', '--end', '99999999', '--cell', 'MGF:System/Directive', '--coder', 'A']),
    ).rejects.toThrow(/not inside "Interview 01/);
    await expect(
      run(['code', file, '--doc', 'Nope', '--start', '0', '--end', '5', '--cell', 'MGF:System/Directive', '--coder', 'A']),
    ).rejects.toThrow(/no document named "Nope"/);
    await expect(
      run(['code', file, '--doc', doc, '--start', '-3', '--end', '5', '--cell', 'MGF:System/Directive', '--coder', 'A']),
    ).rejects.toThrow();
    await expect(run(['code', file, '--doc', doc, '--start', '0', '--end', '5', '--coder', 'A'])).rejects.toThrow(/at least one code/);
    await expect(
      run(['code', file, '--doc', doc, '--start', '0', '--end', '5', '--cell', 'MGF:Nowhere/Directive', '--coder', 'A']),
    ).rejects.toThrow(/no code "MGF:Nowhere\/Directive"/);
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
    expect(out.at(-1)).toMatch(/^MGF {2}\(286\)\n {2}System × Constitutive {2}\d+\n/);
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
    // Every new project's MGF carries the same fixed GUIDs: its codes are recognised by GUID; the themes are added.
    expect(report.matched).toHaveLength(12);
    expect(report.matched.every((m: { by: string }) => m.by === 'guid')).toBe(true);
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

  it('link-media links a recording to a document by its path and unlinks it; a file of another kind is refused', async () => {
    const dir = tempDir();
    const project = join(dir, 'study.trellis');
    const wav = join(dir, 'board 😀.wav');
    writeFileSync(wav, wavBytes(0.5));
    writeFileSync(join(dir, 'notes.wav'), 'not audio');
    writeFileSync(join(dir, 'board.txt'), 'Interviewer: Hello.\nDCS: Hi.');
    expect(await run(['new', project])).toBe(0);
    expect(await run(['import', project, join(dir, 'board.txt')])).toBe(0);
    out = [];
    expect(await run(['link-media', project, '--doc', 'board', wav, '--json'])).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({ document: 'board', recording: wav, size: wavBytes(0.5).length });
    await expect(run(['link-media', project, '--doc', 'board', join(dir, 'notes.wav')])).rejects.toThrow('is not a WAV recording');
    out = [];
    expect(await run(['link-media', project, '--doc', 'board', '--json'])).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({ document: 'board', recording: null, unlinked: true });
    await expect(run(['link-media', project, '--doc', 'nobody', wav])).rejects.toThrow('There is no document named "nobody"');
    await expect(run(['link-media', project, wav])).rejects.toMatchObject({ exitCode: 2 });
  });
});
