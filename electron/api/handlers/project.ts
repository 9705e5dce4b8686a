import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { createProjectFile, PROJECT_EXTENSION, removeProjectFile, type Db } from '../../../db/project-file';
import { projectCounts } from '../../../db/queries/info';
import { getMeta } from '../../../db/queries/meta';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { DEMO_PROJECT_NAME, populateDemo } from '../../services/demo';
import { seedDefaultFramework } from '../../services/default-framework';
import { recentWithStatus } from '../../services/recent-projects';
import { method } from '../define';
import { requireCreatable, requireOpenable } from '../file-access';
import type { Session } from '../session';
import { filePath, name, none } from '../schemas';

export interface ProjectStatus {
  file: string;
  name: string;
  guid: string;
  /** The file could not be written by this program, so it is open for reading only. */
  readOnly: boolean;
}

function status(session: Session): ProjectStatus | null {
  if (!session.isOpen) return null;
  const { db, file } = session;
  return { file, name: getMeta(db, 'project_name') ?? basename(file), guid: getMeta(db, 'project_guid') ?? '', readOnly: db.readonly };
}

/** Relative paths land in the projects folder; new files get the .trellis extension. */
function resolveNewPath(session: Session, file: string): string {
  const withExt = extname(file) ? file : file + PROJECT_EXTENSION;
  return isAbsolute(withExt) ? withExt : join(session.dirs.projects, withExt);
}

const resolveExisting = (session: Session, file: string) => (isAbsolute(file) ? file : join(session.dirs.projects, file));

/** A file name in the projects folder that is not taken yet: "Base.trellis", "Base 2.trellis", ... */
function freshPath(session: Session, base: string): string {
  mkdirSync(session.dirs.projects, { recursive: true });
  for (let n = 1; ; n++) {
    const candidate = join(session.dirs.projects, `${base}${n === 1 ? '' : ` ${n}`}${PROJECT_EXTENSION}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Writes a new project file and makes it current; the file is removed again if filling it fails. */
function createAndOpen(session: Session, file: string, projectName: string, fill: (db: Db) => unknown) {
  mkdirSync(dirname(file), { recursive: true });
  const db = createProjectFile(file, projectName);
  try {
    db.transaction(() => fill(db))();
  } catch (error) {
    db.close();
    removeProjectFile(file);
    throw error;
  }
  session.attach(file, db);
  return status(session)!;
}

export const projectMethods = {
  'app.status': method({
    summary: 'Versions and the open project, if any.',
    kind: 'session',
    args: none,
    handler: (session) => ({ schemaVersion: LATEST_SCHEMA_VERSION, projectsDir: session.dirs.projects, project: status(session) }),
  }),
  'projects.recent': method({
    summary: 'Recently opened projects, newest first, with whether each file still exists.',
    kind: 'session',
    args: none,
    handler: (session) => recentWithStatus(session.dirs.config),
  }),
  'project.create': method({
    summary: 'Creates an empty project (with the MGF framework) and opens it: a name in the projects folder, or a path the person chose.',
    kind: 'session',
    args: z.strictObject({ file: filePath, name: name.optional() }),
    emits: ['project-changed'],
    handler: (session, args) => {
      const file = requireCreatable(session, resolveNewPath(session, args.file));
      return createAndOpen(session, file, args.name ?? basename(file, extname(file)), seedDefaultFramework);
    },
  }),
  'project.createDemo': method({
    summary: 'Writes a fresh copy of the demo project (at a path the person chose, or a new name in the projects folder) and opens it.',
    kind: 'session',
    args: z.strictObject({ file: filePath.optional() }),
    emits: ['project-changed'],
    handler: (session, args) => {
      const file = args.file
        ? requireCreatable(session, resolveNewPath(session, args.file))
        : freshPath(session, 'Every Child Matters demo');
      return createAndOpen(session, file, DEMO_PROJECT_NAME, populateDemo);
    },
  }),
  'project.open': method({
    summary:
      'Opens a project file (in the projects folder, on the recent list, or chosen by the person); a file that is not a valid Trellis project is left untouched.',
    kind: 'session',
    args: z.strictObject({ file: filePath }),
    emits: ['project-changed'],
    handler: (session, args) => {
      session.open(requireOpenable(session, resolveExisting(session, args.file)));
      return status(session)!;
    },
  }),
  'project.close': method({
    summary: 'Closes the open project.',
    kind: 'session',
    args: none,
    emits: ['project-changed'],
    handler: (session) => {
      session.close();
      return null;
    },
  }),
  'project.info': method({
    summary: 'Counts of documents, cases, codes, coders, segments, and the framework names.',
    kind: 'query',
    args: none,
    handler: (session) => projectCounts(session.db),
  }),
};
