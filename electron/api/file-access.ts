// Which files an API call may read or open by path. A path counts only when the person chose it: in a
// main-process dialog, as a command-line argument, or as a folder they picked (everything under it).
// The renderer cannot choose for them: it sends a file's contents instead. Project files may also be
// opened from the projects folder and the recent list, and created by name in the projects folder.
import { canonicalPath, isWithin } from '../services/real-path';
import { readRecent } from '../services/recent-projects';
import { ApiError } from './errors';
import type { Session } from './session';

/** The files and folders the person chose during one session; a chosen folder covers what it holds. */
export class ChosenPaths {
  private readonly paths = new Set<string>();

  add(path: string): void {
    this.paths.add(canonicalPath(path));
  }

  covers(path: string): boolean {
    const target = canonicalPath(path);
    for (const chosen of this.paths) if (isWithin(chosen, target)) return true;
    return false;
  }
}

const notChosen = (path: string) =>
  new ApiError(
    'forbidden',
    `"${path}" was not chosen by you: Trellis reads and creates files by path only where you picked them (in a file dialog or on the command line); send the file's contents instead.`,
  );

/** Refuses a path to read unless the person chose it (or a folder holding it). */
export function requireChosen(session: Session, path: string): string {
  if (!session.chosen.covers(path)) throw notChosen(path);
  return path;
}

/** A file source is its contents, or a chosen path. */
export function requireChosenSource<S extends object>(session: Session, source: S): S {
  if ('path' in source && typeof source.path === 'string') requireChosen(session, source.path);
  return source;
}

const inProjectsFolder = (session: Session, file: string) => isWithin(canonicalPath(session.dirs.projects), canonicalPath(file));

/** A project file to open: chosen, in the projects folder, or on the recent list (opened by the person before). */
export function requireOpenable(session: Session, file: string): string {
  const target = canonicalPath(file);
  const recent = readRecent(session.dirs.config).some((r) => canonicalPath(r.file) === target);
  if (!recent && !inProjectsFolder(session, file) && !session.chosen.covers(file)) throw notChosen(file);
  return file;
}

/** A new project file: in the projects folder (created by name) or a path the person chose. */
export function requireCreatable(session: Session, file: string): string {
  if (!inProjectsFolder(session, file) && !session.chosen.covers(file)) throw notChosen(file);
  return file;
}
