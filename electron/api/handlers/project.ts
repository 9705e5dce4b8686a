// The open project: creating, opening, closing and describing it, and the two-coder copy and merge.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { createProjectFile, PROJECT_EXTENSION, removeProjectFile, type Db } from '../../../db/project-file';
import { getCoder } from '../../../db/queries/coders';
import { projectCounts } from '../../../db/queries/info';
import { MAX_PROJECT_BYTES } from '../../../shared/protocol';
import { coderCopyBytes } from '../../services/coder-copy';
import { DEMO_PROJECT_NAME, populateDemo } from '../../services/demo';
import { seedDefaultFramework } from '../../services/default-framework';
import { mergeProject, prepareMerge, readReceivedProject } from '../../services/merge';
import { method } from '../define';
import { requireCreatable, requireOpenable } from '../file-access';
import { projectStatus } from '../project-status';
import type { Session } from '../session';
import { base64Text, filePath, id, name, none } from '../schemas';

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
  return projectStatus(session)!;
}

// The file travels as base64 inside JSON: 4/3 of its size, plus room for the rest.
const MERGE_BODY_BYTES = Math.ceil(MAX_PROJECT_BYTES / 3) * 4 + 1024 * 1024;

export const projectMethods = {
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
      return projectStatus(session)!;
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
  'project.copyForCoder': method({
    summary:
      "A new project file (base64) with the same documents, cases, codebook and frameworks (same GUIDs), keeping only the chosen coders' codings.",
    kind: 'query',
    args: z.strictObject({ keepCoderIds: z.array(id).max(1000).default([]) }),
    handler: (session, args) => {
      for (const coderId of args.keepCoderIds) getCoder(session.db, coderId);
      const copy = coderCopyBytes(session.db, args.keepCoderIds);
      return { fileName: copy.fileName, mimeType: copy.mimeType, base64: copy.data.toString('base64'), segments: copy.segments };
    },
  }),
  'project.merge': method({
    summary:
      'Merges another project file (its bytes, base64) into this one in one transaction: documents by content, codes and coders by GUID then name, segments by GUID; returns a report and the pre-merge copy.',
    kind: 'mutation',
    args: z.strictObject({
      name: z.string().trim().min(1).max(1024),
      bytes: base64Text(MERGE_BODY_BYTES),
    }),
    emits: ['documents-changed', 'coders-changed', 'codebook-changed', 'segments-changed', 'history-changed'],
    maxBodyBytes: MERGE_BODY_BYTES,
    // Reading the file, refusing a bad one and copying the project happen before the transaction opens.
    prepare: (session, args) => {
      const source = readReceivedProject(Buffer.from(args.bytes, 'base64'), args.name);
      return Promise.resolve({ source, preMergeCopy: prepareMerge(session.db, session.file, source, args.name) });
    },
    handler: (session, args, { source, preMergeCopy }) => mergeProject(session.db, source, args.name, preMergeCopy),
  }),
};
