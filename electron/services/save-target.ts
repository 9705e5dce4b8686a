// The last check before an export is written where the person said: never onto a project. Overwriting
// the open project (or its -wal/-shm) with a Markdown file destroyed it, and a project is never an export.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { canonicalPath } from './real-path';

const PROJECT_FILE = /\.trellis(-wal|-shm|-journal)?$/i;
const SQLITE_HEADER = 'SQLite format 3\u0000';

function startsAsDatabase(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same file, also through another name (a symlink or a hard link). */
function sameFile(a: string, b: string): boolean {
  if (canonicalPath(a) === canonicalPath(b)) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Why an export must not be written to `target`, or null when it may. `openProject` is the project file in use, if any. */
export function saveTargetProblem(target: string, openProject: string | null): string | null {
  const name = basename(target);
  if (openProject && ['', '-wal', '-shm', '-journal'].some((suffix) => sameFile(target, openProject + suffix))) {
    return `"${name}" is the open project's own file; choose another name.`;
  }
  if (PROJECT_FILE.test(target)) return `"${name}" is a Trellis project file; exports never overwrite a project.`;
  try {
    if (statSync(target).isDirectory()) return `"${name}" is a folder.`;
  } catch {
    return null;
  }
  return startsAsDatabase(target) ? `"${name}" is a database (perhaps a Trellis project); exports never overwrite one.` : null;
}
