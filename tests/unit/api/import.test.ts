import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/api/methods';
import { MAX_IMPORT_BYTES, type ApiEvent } from '../../../shared/protocol';
import { Session } from '../../../electron/api/session';
import { tempDir } from '../helpers';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const fixture = (file: string) => join(FIXTURES, file);
const upload = (file: string) => ({ name: file.split('/').pop()!, data: readFileSync(fixture(file)).toString('base64') });

async function newProject(): Promise<Session> {
  const home = tempDir();
  const session = new Session({ projects: join(home, 'projects'), config: join(home, 'config') }, { rememberRecent: false });
  await call(session, 'project.create', { file: 'Import test' });
  // As if the person had picked the fixtures folder: paths are read only under what was chosen.
  session.chosen.add(FIXTURES);
  return session;
}

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result as ResultOf<M>;
}

async function failure(session: Session, method: MethodName, args: unknown): Promise<string> {
  const envelope = await dispatch(session, method, args);
  if (envelope.ok) throw new Error(`${method} succeeded: ${JSON.stringify(envelope.result)}`);
  return envelope.error.message;
}

/** Every row of every table: "the project exactly as it was". */
function fingerprint(session: Session): string {
  const tables = session.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, session.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

const importPath = (session: Session, file: string, extra: Partial<ArgsOf<'documents.import'>> = {}) =>
  call(session, 'documents.import', { source: { path: fixture(file) }, ...extra });

describe('documents.import', () => {
  it('imports a file read from its path and the same file uploaded as bytes to the same document', async () => {
    const byPath = await newProject();
    const byUpload = await newProject();
    for (const file of ['interview.docx', 'captions/teams.vtt', 'text/cp1252.txt']) {
      const a = await importPath(byPath, file);
      const b = await call(byUpload, 'documents.import', { source: upload(file) });
      expect(a).toMatchObject({ status: 'imported', document: b.document, case: b.case });
    }
    expect(await call(byUpload, 'documents.describe', {})).toEqual(await call(byPath, 'documents.describe', {}));
    const doc = await call(byPath, 'documents.get', { id: 1 });
    expect(doc).toMatchObject({ name: 'interview', sourceType: 'docx', sourceName: fixture('interview.docx') });
    expect(doc.formatting?.headings).toEqual([
      { n: 1, level: 1 },
      { n: 5, level: 2 },
    ]);
  });

  it('names documents after their file, made unique, each in a case of its own by default', async () => {
    const session = await newProject();
    expect(await importPath(session, 'captions/zoom.vtt')).toMatchObject({ document: 'zoom', case: 'zoom' });
    const pasted = await call(session, 'documents.import', { source: { name: 'Pasted', text: 'A different text.' }, name: 'ZOOM' });
    expect(pasted).toMatchObject({ status: 'imported', document: 'ZOOM (2)', case: 'ZOOM (2)' });
    const { cases } = await call(session, 'cases.list', {});
    expect(cases.map((c) => [c.name, c.documentIds])).toEqual([
      ['zoom', [1]],
      ['ZOOM (2)', [2]],
    ]);
    expect((await call(session, 'documents.get', { id: 2 })).sourceType).toBe('paste');
    // A pasted text's name is all name: the dot in "Dr. Lee" starts no extension.
    expect(await call(session, 'documents.import', { source: { name: 'Dr. Lee, phone', text: 'Notes.' } })).toMatchObject({
      document: 'Dr. Lee, phone',
    });
  });

  it('puts documents in a chosen case (or none) and sets typed case attributes', async () => {
    const session = await newProject();
    const attributes = [
      { name: 'Region', type: 'choice' as const, value: 'County' },
      { name: 'Years in post', type: 'number' as const, value: '4' },
      { name: 'Interviewed', type: 'date' as const, value: '2010-06-21' },
    ];
    await importPath(session, 'text/utf8.txt', { case: 'County 5', attributes });
    await importPath(session, 'captions/zoom.vtt', {
      case: 'County 5',
      attributes: [{ name: 'Region', type: 'choice', value: 'Borough' }],
    });
    expect(await importPath(session, 'captions/subtitles.srt', { case: null })).toMatchObject({ case: null });
    const { attributes: defs, cases } = await call(session, 'cases.list', {});
    expect(defs.map((a) => [a.name, a.type, a.choices])).toEqual([
      ['Region', 'choice', ['County', 'Borough']],
      ['Years in post', 'number', null],
      ['Interviewed', 'date', null],
    ]);
    expect(cases).toEqual([
      expect.objectContaining({
        name: 'County 5',
        documentIds: [1, 2],
        attributes: { Region: 'Borough', 'Years in post': '4', Interviewed: '2010-06-21' },
      }),
    ]);
  });

  it('stores the speakers as the user confirmed them, per paragraph', async () => {
    const session = await newProject();
    await importPath(session, 'captions/subtitles.srt', { speakers: { INT: 'Interviewer', DCS: 'Director' } });
    const [doc] = await call(session, 'documents.describe', { name: 'subtitles' });
    expect(doc!.paragraphs).toEqual([
      { n: 1, start: 0, end: 22, speaker: 'Interviewer', time: '00:00:01' },
      { n: 2, start: 23, end: 67, speaker: 'Director', time: '00:00:03' },
    ]);
  });

  it('reports text the project already has as a duplicate (by content), whatever its encoding, and writes nothing', async () => {
    const session = await newProject();
    await importPath(session, 'text/utf8.txt');
    const before = fingerprint(session);
    expect(await importPath(session, 'text/utf16le-bom.txt')).toMatchObject({ status: 'duplicate', document: 'utf8', documentId: 1 });
    expect(await importPath(session, 'text/utf8.txt')).toMatchObject({ status: 'duplicate', document: 'utf8' });
    expect(fingerprint(session)).toBe(before);
  });

  describe('refuses bad input with a message naming the file, leaving the project exactly as it was', () => {
    const cases: [string, string | (() => string), RegExp][] = [
      ['an empty file', 'text/empty.txt', /^"empty\.txt" is empty\.$/],
      ['a file of white space', 'text/blank.txt', /^"blank\.txt" is empty \(it holds only white space\)\.$/],
      ['a binary file named .txt', 'text/binary.txt', /^"binary\.txt" is not a text file: it contains binary data\.$/],
      ['a Word file named .txt', () => copied('interview.docx', 'renamed.txt'), /^"renamed\.txt" is not a text file: it is a ZIP archive/],
      ['a truncated .docx', 'truncated.docx', /^"truncated\.docx" is damaged or incomplete/],
      ['a .docx that is a ZIP of something else', 'zip-of-other.docx', /^"zip-of-other\.docx" is a ZIP archive but not a Word document/],
      ['a .docx that is no ZIP at all', 'not-a-zip.docx', /^"not-a-zip\.docx" is not a Word document \(\.docx\)/],
      ['invalid UTF-8', 'text/invalid-utf8.txt', /^"invalid-utf8\.txt" is not valid UTF-8 text: byte 45 \(line 2\)/],
      ['a 100 MB file', () => sparse('huge.txt', 100 * 1024 * 1024), /^"huge\.txt" is 100\.0 MB; Trellis imports files up to 50 MB/],
      [
        'a VTT in which no block is a cue',
        'folder/05 Broken captions.vtt',
        /^"05 Broken captions\.vtt" holds no captions: no block could be read as a cue \(lines 3, 6\)\.$/,
      ],
      ['a file type Trellis does not read', 'src/interview.fodt', /^"interview\.fodt" is not a kind of file Trellis imports \(\.fodt\)/],
      ['a missing file', () => join(tempDir(), 'gone.txt'), /^"gone\.txt" does not exist\.$/],
      ['a folder', () => tempDir(), /is a folder, not a file\.$/],
    ];
    function copied(from: string, to: string): string {
      const target = join(tempDir(), to);
      copyFileSync(fixture(from), target);
      return target;
    }
    function sparse(name: string, size: number): string {
      const file = join(tempDir(), name);
      writeFileSync(file, 'Interviewer: ');
      truncateSync(file, size);
      return file;
    }
    for (const [what, file, message] of cases) {
      it(what, async () => {
        const session = await newProject();
        await importPath(session, 'text/utf8.txt');
        const events: ApiEvent[] = [];
        session.subscribe((e) => events.push(e));
        const before = fingerprint(session);
        const path = typeof file === 'string' ? fixture(file) : file();
        session.chosen.add(path);
        expect(await failure(session, 'documents.import', { source: { path } })).toMatch(message);
        expect(await failure(session, 'import.preview', { source: { path } })).toMatch(message);
        expect(fingerprint(session)).toBe(before);
        expect(events).toEqual([]);
      });
    }

    it('an upload over the size limit', async () => {
      const session = await newProject();
      const before = fingerprint(session);
      const data = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a').toString('base64');
      expect(await failure(session, 'documents.import', { source: { name: 'big.txt', data } })).toMatch(
        /^"big\.txt" is 50\.1 MB; Trellis imports files up to 50 MB/,
      );
      expect(fingerprint(session)).toBe(before);
    });

    it('an attribute value that does not fit its type: the whole file is rolled back', async () => {
      const session = await newProject();
      await importPath(session, 'text/utf8.txt', { case: 'A', attributes: [{ name: 'Years', type: 'number', value: '4' }] });
      const before = fingerprint(session);
      const message = await failure(session, 'documents.import', {
        source: { path: fixture('captions/zoom.vtt') },
        case: 'New case',
        attributes: [{ name: 'Years', type: 'number', value: 'four' }],
      });
      expect(message).toBe('"four" is not a valid value for Years: expected a number.');
      expect(fingerprint(session)).toBe(before);
    });

    it('a speaker pattern that is not a regular expression', async () => {
      const session = await newProject();
      const before = fingerprint(session);
      const message = await failure(session, 'documents.import', { source: { path: fixture('text/utf8.txt') }, speakerPattern: '(' });
      expect(message).toMatch(/^The speaker pattern is not a valid regular expression/);
      expect(fingerprint(session)).toBe(before);
    });
  });

  it('emits documents-changed once the file is committed', async () => {
    const session = await newProject();
    const events: ApiEvent[] = [];
    session.subscribe((e) => events.push(e));
    await importPath(session, 'text/utf8.txt');
    expect(events).toEqual(['documents-changed']);
  });
});

describe('import.preview', () => {
  it('shows format, speakers, a sample and the name it would get, writing nothing', async () => {
    const session = await newProject();
    await importPath(session, 'captions/zoom.vtt');
    const before = fingerprint(session);
    const preview = await call(session, 'import.preview', { source: upload('folder/02 Borough 3.txt') });
    expect(preview).toEqual({
      file: '02 Borough 3.txt',
      name: '02 Borough 3',
      format: 'txt',
      encoding: 'UTF-8',
      characters: 291,
      paragraphs: 6,
      speakers: [
        { label: 'INT', turns: 2, speaker: 'INT', rule: 'recurring' },
        { label: 'DCS', turns: 2, speaker: 'DCS', rule: 'recurring' },
      ],
      sample: [
        { text: 'Interview 02 – Borough 3', speaker: null },
        { text: "INT: Could you describe the Children's Trust arrangements?", speaker: 'INT' },
        { text: 'DCS: Yes. We have a board I chair, and an executive group beneath it.', speaker: 'DCS' },
        { text: 'The board meets every six weeks.', speaker: 'DCS' },
        { text: 'INT: And health?', speaker: 'INT' },
        { text: 'DCS: The PCT chief executive sits on the board personally – which matters enormously 😀.', speaker: 'DCS' },
      ],
      notes: [],
      duplicateOf: null,
    });
    const again = await call(session, 'import.preview', {
      source: { path: fixture('captions/zoom.vtt') },
      speakers: { 'Jane Smith': null },
    });
    expect(again).toMatchObject({
      name: 'zoom (2)',
      duplicateOf: 'zoom',
      speakers: [{ label: 'Jane Smith', speaker: null }, { label: 'Director' }],
    });
    expect(fingerprint(session)).toBe(before);
  });
});

describe('cases.importAttributes', () => {
  it('sets typed attributes from CSV or XLSX, creating the cases it does not find', async () => {
    for (const sheet of ['case-attributes.csv', 'case-attributes.xlsx']) {
      const session = await newProject();
      await importPath(session, 'interview.docx');
      const result = await call(session, 'cases.importAttributes', { source: upload(sheet) });
      expect(result).toEqual({
        file: sheet,
        cases: 3,
        created: 2,
        attributes: [
          { name: 'Region', type: 'choice' },
          { name: 'Interview date', type: 'date' },
          { name: 'Years in post', type: 'number' },
          { name: 'Notes', type: 'text' },
        ],
      });
      const [doc] = await call(session, 'documents.describe', {});
      expect(doc).toMatchObject({
        case: 'interview',
        attributes: { Region: 'Metropolitan district', 'Interview date': '2010-06-21', 'Years in post': 4, Notes: 'Board chair' },
      });
    }
  });

  it('applies a sheet all or nothing: a bad value anywhere changes nothing', async () => {
    const session = await newProject();
    await call(session, 'cases.importAttributes', { source: upload('case-attributes.csv') });
    const before = fingerprint(session);
    const bad = Buffer.from('Case,Region,Years in post\nNew case,Borough,3\ntracked,County,eleven\n').toString('base64');
    expect(await failure(session, 'cases.importAttributes', { source: { name: 'more.csv', data: bad } })).toBe(
      '"more.csv" has "eleven" in row 3, where Years in post expects a number.',
    );
    expect(await failure(session, 'cases.importAttributes', { source: upload('interview.docx') })).toBe(
      '"interview.docx" is not a CSV or Excel (.xlsx) sheet.',
    );
    expect(await failure(session, 'cases.importAttributes', { source: upload('truncated.docx') })).toMatch(/not a CSV or Excel/);
    expect(fingerprint(session)).toBe(before);
  });
});

describe('documents.describe', () => {
  it('lists documents in the documented shape, counting code points', async () => {
    const session = await newProject();
    await importPath(session, 'text/utf8.txt', { case: 'County 5', attributes: [{ name: 'Years', type: 'number', value: '4' }] });
    await importPath(session, 'captions/zoom.vtt', { case: null });
    const docs = await call(session, 'documents.describe', {});
    expect(docs.map((d) => Object.keys(d))).toEqual([
      ['name', 'case', 'attributes', 'characters', 'paragraphs'],
      ['name', 'case', 'attributes', 'characters', 'paragraphs'],
    ]);
    // "Interviewer: Café – naïve 😀?" is 28 code points (29 UTF-16 units).
    expect(docs[0]).toEqual({
      name: 'utf8',
      case: 'County 5',
      attributes: { Years: 4 },
      characters: 94,
      paragraphs: [
        { n: 1, start: 0, end: 28, speaker: 'Interviewer', time: null },
        { n: 2, start: 29, end: 53, speaker: 'DCS', time: null },
        { n: 3, start: 54, end: 69, speaker: 'DCS', time: null },
        { n: 4, start: 70, end: 94, speaker: 'R1', time: null },
      ],
    });
    expect(docs[1]).toMatchObject({ name: 'zoom', case: null, attributes: {}, paragraphs: [{ time: '00:00:01' }, { time: '00:01:23' }] });
    expect(await failure(session, 'documents.describe', { name: 'nope' })).toBe('There is no document named "nope".');
  });
});

describe('import.scan', () => {
  it('walks folders in name order, skipping hidden files, and passes files through', async () => {
    const dir = tempDir();
    for (const name of ['10 b.txt', '2 a.txt', '.DS_Store']) writeFileSync(join(dir, name), 'x');
    const session = await newProject();
    session.chosen.add(dir);
    const { files } = await call(session, 'import.scan', { paths: [dir, fixture('interview.md'), join(dir, 'missing.txt')] });
    expect(files).toEqual([join(dir, '2 a.txt'), join(dir, '10 b.txt'), fixture('interview.md'), join(dir, 'missing.txt')]);
  });
});
