import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectFileError } from '../../../db/errors';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { createProjectFile, openProjectFile, TRELLIS_APPLICATION_ID } from '../../../db/project-file';
import { getMeta } from '../../../db/queries/meta';
import { fileHash, tempDir } from '../helpers';

function problemOf(action: () => unknown): ProjectFileError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectFileError);
    return error as ProjectFileError;
  }
  throw new Error('expected a ProjectFileError');
}

/** Opening must fail with this problem, name the file, and leave its bytes untouched. */
function expectRejected(file: string, problem: ProjectFileError['problem']): string {
  const before = fileHash(file);
  const error = problemOf(() => openProjectFile(file));
  expect(error.problem).toBe(problem);
  expect(error.message).toContain(file);
  expect(fileHash(file)).toBe(before);
  expect(existsSync(`${file}-wal`)).toBe(false);
  expect(existsSync(`${file}-shm`)).toBe(false);
  return error.message;
}

describe('creating a project', () => {
  it('writes the latest schema with WAL, foreign keys and Trellis identity', () => {
    const file = join(tempDir(), 'new.trellis');
    const db = createProjectFile(file, 'My study');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(TRELLIS_APPLICATION_ID);
    expect(getMeta(db, 'project_name')).toBe('My study');
    expect(getMeta(db, 'project_guid')).toMatch(/^[0-9A-F-]{36}$/);
    db.close();
    const reopened = openProjectFile(file);
    expect(getMeta(reopened, 'project_name')).toBe('My study');
    reopened.close();
  });

  it('refuses to overwrite an existing file', () => {
    const file = join(tempDir(), 'taken.trellis');
    writeFileSync(file, 'precious');
    expect(problemOf(() => createProjectFile(file, 'x')).problem).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('enforces foreign keys: a segment cannot point at a missing document', () => {
    const db = createProjectFile(join(tempDir(), 'fk.trellis'), 'x');
    expect(() =>
      db
        .prepare(
          "INSERT INTO segments (guid, document_id, coder_id, start, end, text_hash, created_at, modified_at) VALUES ('g', 99, 99, 0, 1, '', '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('opening a project', () => {
  it('migrates an older file after keeping a copy of it', () => {
    const file = join(tempDir(), 'old.trellis');
    const old = new Database(file);
    old.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
    old.pragma('user_version = 0');
    old.close();
    const db = openProjectFile(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'segments'").get()).toEqual({ n: 1 });
    db.close();
    expect(existsSync(`${file}.v0.bak`)).toBe(true);
  });

  it('keeps every pre-upgrade copy when an old file is upgraded twice', () => {
    const dir = tempDir();
    for (const name of ['a.trellis', 'b.trellis']) {
      const old = new Database(join(dir, name));
      old.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
      old.close();
    }
    // The same name upgraded twice (e.g. a restored copy of the old file opened again).
    const file = join(dir, 'a.trellis');
    openProjectFile(file).close();
    writeFileSync(file, readFileSync(join(dir, 'b.trellis')));
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
    openProjectFile(file).close();
    expect(existsSync(`${file}.v0.bak`)).toBe(true);
    expect(existsSync(`${file}.v0-2.bak`)).toBe(true);
  });

  it('rejects a missing file', () => {
    const file = join(tempDir(), 'nope.trellis');
    expect(problemOf(() => openProjectFile(file)).problem).toBe('missing');
    expect(existsSync(file)).toBe(false);
  });

  it('rejects an empty file, a text file and a binary file as not a project', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.trellis'), '');
    writeFileSync(join(dir, 'notes.trellis'), 'Interviewer: hello\n');
    writeFileSync(join(dir, 'image.trellis'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254]));
    expect(expectRejected(join(dir, 'empty.trellis'), 'not-a-project')).toMatch(/empty/);
    expect(expectRejected(join(dir, 'notes.trellis'), 'not-a-project')).toMatch(/not an SQLite database/);
    expectRejected(join(dir, 'image.trellis'), 'not-a-project');
  });

  it("rejects a file with Trellis's identity and version but not its tables, leaving it as it was", () => {
    const file = join(tempDir(), 'hollow.trellis');
    const hollow = new Database(file);
    hollow.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
    hollow.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    hollow.close();
    expect(expectRejected(file, 'corrupt')).toMatch(/missing part of a Trellis project's structure \(table /);
    // Still not switched to WAL: the header's read/write versions (bytes 18–19) are 1, not 2.
    expect([...readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
  });

  it('rejects a project whose trigger was dropped', () => {
    const file = join(tempDir(), 'tampered.trellis');
    const db = createProjectFile(file, 'tampered');
    const trigger = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' LIMIT 1").get() as { name: string }).name;
    db.exec(`DROP TRIGGER "${trigger}"`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expect(expectRejected(file, 'corrupt')).toContain(`trigger ${trigger}`);
  });

  it('says a folder is a folder', () => {
    const folder = join(tempDir(), 'x.trellis');
    mkdirSync(folder);
    expect(problemOf(() => openProjectFile(folder)).message).toMatch(/is a folder, not a Trellis project file/);
  });

  it("rejects another application's SQLite database", () => {
    const file = join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(expectRejected(file, 'not-a-project')).toMatch(/another application/);
  });

  it('rejects a file from a newer Trellis without touching it', () => {
    const file = join(tempDir(), 'future.trellis');
    createProjectFile(file, 'future').close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expect(expectRejected(file, 'newer-version')).toMatch(/newer version of Trellis/);
  });

  it('rejects a damaged file without touching it', () => {
    const file = join(tempDir(), 'damaged.trellis');
    const db = createProjectFile(file, 'damaged');
    db.exec(
      'CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n;',
    );
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(file);
    // Scribble over pages in the middle of the file (not the header).
    for (let i = 4096 * 3; i < 4096 * 6; i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(file, bytes);
    expect(expectRejected(file, 'corrupt')).toMatch(/damaged/);
  });
});
