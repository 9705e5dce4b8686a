import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { createProjectFile, type Db } from '../../db/project-file';
import type { Envelope } from '../../shared/protocol';
import { Session } from '../../electron/api/session';

const dirs: string[] = [];

/** A temporary folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-test-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** For a CLI test file: each test's printed lines (console.log), with TRELLIS_HOME a fresh folder. */
export function cliOutput(): string[] {
  const out: string[] = [];
  beforeEach(() => {
    out.length = 0;
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    process.env.TRELLIS_HOME = tempDir();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return out;
}

const open: Db[] = [];

/** A fresh empty project (schema applied, nothing seeded), closed after the test. */
export function emptyProject(): { db: Db; file: string } {
  const file = join(tempDir(), 'p.trellis');
  const db = createProjectFile(file, 'Test');
  open.push(db);
  return { db, file };
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

export const fileHash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** An API session with its own projects and settings folders, as a host has. */
export function newSession(): Session {
  const home = tempDir();
  return new Session({ projects: join(home, 'projects'), config: join(home, 'config') });
}

/** The result of a call that must succeed. */
export async function ok<T = unknown>(envelope: Promise<Envelope>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.result as T;
}
