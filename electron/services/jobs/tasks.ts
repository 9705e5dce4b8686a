// The work a job worker can do: each task takes plain data (structured-cloneable, as a worker message
// carries it) and reports its progress. Exports read the project through their own read-only connection;
// readers parse file bytes and need no database. Nothing here writes to a project.
//
// Each task imports what it needs when it first runs: a worker that only reads transcripts never loads
// the DOCX and XLSX writers (seconds, run from source).
import { openProjectReader } from '../../../db/project-file';
import type { ExcerptFormat } from '../excerpt-export';
import type { ExcerptSelection } from '../excerpts';
import { exportResult } from '../exported-file';
import type { ImportSource, ReadOptions } from '../import/read';
import type { JobProgress } from './registry';

type Report = (progress: JobProgress) => void;

export interface ExcerptExportInput {
  project: string;
  selection: ExcerptSelection;
  format: ExcerptFormat;
  /** The project's saved template when null. */
  template: string | null;
  toc: boolean;
  pageNumbers: boolean;
  maxLength: number | null;
}

/** Runs `read` on a reader of its own, inside one read transaction: one committed state of the project. */
function withSnapshot<T>(project: string, read: (db: ReturnType<typeof openProjectReader>) => T): T {
  const db = openProjectReader(project);
  try {
    return db.transaction(() => read(db))();
  } finally {
    db.close();
  }
}

export const tasks = {
  'excerpts.export': async (input: ExcerptExportInput, report: Report) => {
    const [{ listAttributes }, { exportExcerpts }, { citationTemplate, describeSelection, selectExcerpts }] = await Promise.all([
      import('../../../db/queries/cases'),
      import('../excerpt-export'),
      import('../excerpts'),
    ]);
    report({ done: 0, total: 0, phase: 'reading' });
    const { selection } = input;
    const content = withSnapshot(input.project, (db) => {
      const { total, excerpts } = selectExcerpts(db, selection, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      return {
        ...describeSelection(db, selection, total),
        total,
        excerpts,
        attributes: listAttributes(db).map((a) => a.name),
        template: input.template ?? citationTemplate(db),
      };
    });
    const { total, ...rest } = content;
    const file = await exportExcerpts(
      { ...rest, toc: input.toc, pageNumbers: input.pageNumbers, maxLength: input.maxLength },
      input.format,
      report,
    );
    return { ...exportResult(file), excerpts: total };
  },
  'qdpx.export': async (input: { project: string }, report: Report) => {
    const { projectQdpx } = await import('../qdpx-export');
    return withSnapshot(input.project, (db) => {
      const { file, report: notes } = projectQdpx(db, report);
      return { ...exportResult(file), report: notes };
    });
  },
  'qdpx.read': async (input: { source: { path: string } | { name: string; data: string } }, report: Report) => {
    const [{ naming, sourceBytes, sourceFile }, { readQdpx }] = await Promise.all([import('../import/read'), import('../qdpx-import')]);
    report({ done: 0, total: 1, phase: 'unpacking' });
    return naming(sourceFile(input.source), () => Promise.resolve(readQdpx(sourceBytes(input.source)!)));
  },
  'transcript.read': async (input: { source: ImportSource; options: ReadOptions }, report: Report) => {
    const { readTranscript } = await import('../import/read');
    report({ done: 0, total: 1, phase: 'reading' });
    return readTranscript(input.source, input.options);
  },
  'codebook.read': async (input: { source: { path: string } | { name: string; data: string } }, report: Report) => {
    const { readCodebookSource } = await import('../codebook-import');
    report({ done: 0, total: 1, phase: 'reading' });
    return readCodebookSource(input.source);
  },
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;
export type TaskInput<T extends TaskName> = Parameters<Tasks[T]>[0];
export type TaskResult<T extends TaskName> = Awaited<ReturnType<Tasks[T]>>;
