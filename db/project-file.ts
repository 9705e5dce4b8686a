import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, copyFileSync, existsSync, openSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { ProjectFileError } from './errors';
import { newGuid, nowIso } from './ids';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

/** 'TRLS' in the SQLite header's application_id field: tells a Trellis project from any other database. */
export const TRELLIS_APPLICATION_ID = 0x54524c53;
export const PROJECT_EXTENSION = '.trellis';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A 64 MB page cache keeps a 100,000-segment project's indexes in memory.
  db.pragma('cache_size = -65536');
  // Checkpoints happen when the user pauses (Session.afterChange), not in the middle of a coding call;
  // this limit only bounds the WAL during long bursts of writes.
  db.pragma('wal_autocheckpoint = 10000');
}

function applyMigrations(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Turns an SQLite failure into a ProjectFileError that names the file (as `name`: a received file's own name). */
function explain(file: string, error: unknown, name = file): ProjectFileError {
  if (error instanceof ProjectFileError) return error;
  const code = sqliteCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new ProjectFileError('corrupt', file, `"${name}" is damaged and cannot be opened (${detail}).`);
  }
  return new ProjectFileError('io', file, `"${name}" could not be opened: ${detail}.`);
}

const expectedObjects = new Map<number, Set<string>>();

/** The tables, indexes and triggers a project at this schema version has, from its steps run in memory. */
function objectsAt(version: number): Set<string> {
  let objects = expectedObjects.get(version);
  if (!objects) {
    const scratch = new Database(':memory:');
    for (const step of migrations) if (step.version <= version) scratch.exec(step.sql);
    objects = new Set(schemaObjects(scratch));
    scratch.close();
    expectedObjects.set(version, objects);
  }
  return objects;
}

const schemaObjects = (db: Db): string[] =>
  (db.prepare("SELECT type || ' ' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { o: string }[]).map(
    (r) => r.o,
  );

/** Runs a read-only look at the file and removes the -wal/-shm files that opening it may leave, unless they were there before. */
function withoutTraces<T>(file: string, look: () => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  try {
    return look();
  } finally {
    for (const f of sidecars) rmSync(f, { force: true });
  }
}

/**
 * SQLite's whole check, or quick_check: the same page, record and constraint checks without comparing
 * every index with its table (0.2 s instead of 0.37 s on a 45 MB file of 100,000 segments). Quick is for a file that is
 * only read (a merge's source; README, "Two coders"); a project the app opens and writes gets the whole check.
 */
export type IntegrityCheck = 'integrity_check' | 'quick_check';

/**
 * Checks a file before anything writes to it: an SQLite header, Trellis's application id, a schema
 * version this build understands, every table, index and trigger of that version, and a clean
 * integrity_check (or quick_check). Read-only and leaving nothing beside the file, so a rejected file is untouched.
 * Messages call the file `name` (a file received as bytes sits in a temporary folder under another name).
 */
export function inspectProjectFile(file: string, name = file, check: IntegrityCheck = 'integrity_check'): { schemaVersion: number } {
  if (!existsSync(file)) throw new ProjectFileError('missing', file, `"${name}" does not exist.`);
  if (!statSync(file).isFile()) {
    throw new ProjectFileError('not-a-project', file, `"${name}" is a folder, not a Trellis project file.`);
  }
  if (statSync(file).size === 0) {
    throw new ProjectFileError('not-a-project', file, `"${name}" is empty: it is not a Trellis project.`);
  }
  if (readHeader(file) !== SQLITE_MAGIC) {
    throw new ProjectFileError('not-a-project', file, `"${name}" is not a Trellis project (it is not an SQLite database).`);
  }
  return withoutTraces(file, () => checkContents(file, name, check));
}

function checkContents(file: string, name: string, check: IntegrityCheck): { schemaVersion: number } {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== TRELLIS_APPLICATION_ID) {
      throw new ProjectFileError('not-a-project', file, `"${name}" is an SQLite database of another application, not a Trellis project.`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ProjectFileError(
        'newer-version',
        file,
        `"${name}" was written by a newer version of Trellis (project format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Trellis to open it.`,
      );
    }
    const present = new Set(schemaObjects(db));
    const missing = [...objectsAt(version)].filter((o) => !present.has(o));
    if (missing.length > 0) {
      throw new ProjectFileError(
        'corrupt',
        file,
        `"${name}" is missing part of a Trellis project's structure (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}).`,
      );
    }
    const problems = (db.pragma(check) as Record<IntegrityCheck, string>[]).map((r) => r[check]);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new ProjectFileError('corrupt', file, `"${name}" is damaged (${check}: ${problems.slice(0, 3).join('; ')}).`);
    }
    return { schemaVersion: version };
  } catch (error) {
    throw explain(file, error, name);
  } finally {
    db?.close();
  }
}

/** Whether this process may write the file and the folder beside it (where SQLite keeps its -wal and -shm files). */
export function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens an existing project, upgrading an older schema after a backup copy. A file this process cannot
 * write opens read-only (`db.readonly`), so it can still be read rather than failing at the first write.
 */
export function openProjectFile(file: string, name = file, readOnly = !canWrite(file), check: IntegrityCheck = 'integrity_check'): Db {
  const { schemaVersion } = inspectProjectFile(file, name, check);
  if (readOnly && schemaVersion < LATEST_SCHEMA_VERSION) {
    throw new ProjectFileError(
      'io',
      file,
      `"${name}" is read-only and in an older project format that Trellis must upgrade before opening it. Copy it to a folder you can write to and open the copy.`,
    );
  }
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, readonly: readOnly });
    if (readOnly) {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      return db;
    }
    configure(db);
    if (schemaVersion < LATEST_SCHEMA_VERSION) {
      // Synchronous copy via VACUUM INTO keeps the pre-upgrade file restorable if a step ever misbehaves;
      // an earlier copy is never overwritten.
      let backup = `${file}.v${schemaVersion}.bak`;
      for (let n = 2; existsSync(backup); n++) backup = `${file}.v${schemaVersion}-${n}.bak`;
      db.prepare('VACUUM INTO ?').run(backup);
      applyMigrations(db);
    }
    return db;
  } catch (error) {
    db?.close();
    throw explain(file, error, name);
  }
}

/** Creates a new, empty project file at the latest schema. Refuses to overwrite an existing file. */
export function createProjectFile(file: string, projectName: string): Db {
  if (existsSync(file)) {
    throw new ProjectFileError('exists', file, `"${file}" already exists; choose another name.`);
  }
  let db: Db | undefined;
  try {
    db = new Database(file);
    configure(db);
    db.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
    applyMigrations(db);
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      setMeta.run('project_guid', newGuid());
      setMeta.run('project_name', projectName);
      setMeta.run('created_at', nowIso());
    })();
    return db;
  } catch (error) {
    db?.close();
    removeProjectFile(file);
    throw explain(file, error);
  }
}

/** Deletes a project file with its WAL companions (used to undo a creation that failed half-way). */
export function removeProjectFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) unlinkSync(file + suffix);
  }
}

/**
 * A consistent copy of an open project in a new file (no transaction may be open on `db`; an existing
 * file is refused). Once a checkpoint has moved the whole WAL into the file, a byte copy taken under a
 * read snapshot is that state (no checkpoint elsewhere can write into the file past an open reader's
 * snapshot): ~25 times less work than VACUUM INTO, which rewrites every page and index. When another
 * connection keeps frames in the WAL, VACUUM INTO it is.
 */
export function copyProjectFile(db: Db, file: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN');
  let copied = false;
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // starts the read snapshot
    if (!existsSync(`${db.name}-wal`) || statSync(`${db.name}-wal`).size === 0) {
      copyFileSync(db.name, file, constants.COPYFILE_EXCL);
      copied = true;
    }
  } finally {
    db.exec('COMMIT');
  }
  if (!copied) db.prepare('VACUUM INTO ?').run(file);
}

/**
 * A second, read-only connection to an open project, for work off the API thread (an export in a worker).
 * Read inside one transaction it sees one committed state of the file (WAL), whatever is written meanwhile.
 */
export function openProjectReader(file: string): Db {
  try {
    const db = new Database(file, { fileMustExist: true, readonly: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw explain(file, error, file);
  }
}
